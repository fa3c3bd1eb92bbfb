import { expect } from '@open-wc/testing';
import {
  dataToDraft,
  draftKey,
  draftToData,
  emptyDraft,
  FallbackDraftStore,
  isBlank,
  keptKey,
  localDate,
  readDraft,
  sameEntryData,
  sentKey,
  writeDraft,
} from '../src/components/reflection-journal/drafts.js';
import { memoryBackend, type StorageBackend } from '../src/core/storage-backend.js';
import { takeUpRecord } from '../src/core/draft-store.js';
import {
  fetchEntries,
  filterByCriterion,
  mergeEntries,
  newestFirst,
  parseEntriesAnswer,
  parseStoredEntries,
  type StoredEntry,
} from '../src/components/reflection-journal/entries.js';
import {
  entriesToJson,
  entriesToMarkdown,
  escapeMarkdownLine,
  markdownText,
  type MarkdownLabels,
} from '../src/components/reflection-journal/export.js';

const entry = (id: string, date: string, createdAt: string, criteria: string[] = []): StoredEntry => ({
  id,
  createdAt,
  data: { title: `Entry ${id}`, date, criteria, practised: 'Something.' },
});

const labels: MarkdownLabels = {
  heading: 'Reflection journal',
  date: 'Date',
  criteria: 'Criteria',
  participants: 'Who took part',
  prompts: {
    practised: 'What did we practise?',
    tested: 'How did we test it?',
    challenged: 'What challenged it?',
    concluded: 'What did we discuss and conclude?',
    change: 'What will we change?',
  },
};

describe('reflection journal: drafts', () => {
  it('keys drafts by community, round and criterion, or by a draft key', () => {
    expect(draftKey({ community: 'aarhus', round: '2026-spring', criterion: 'trust' })).to.equal(
      'draft:aarhus/2026-spring/trust',
    );
    expect(draftKey({ community: 'a/b', round: 'r 1' })).to.equal('draft:a%2Fb/r%201/-');
    expect(draftKey({ draftKey: 'mine', community: 'aarhus', round: 'r1', criterion: 'trust' })).to.equal('draft:mine');
    expect(sentKey('aarhus')).to.equal('sent:aarhus');
  });

  it("keys a respondent's drafts and lists by respondent and perspective, apart from every key without one", () => {
    const who = { respondent: 'kiosk:7/ana', perspective: ' citizen ' };
    expect(draftKey({ community: 'aarhus', round: 'r1', criterion: 'trust', ...who })).to.equal(
      'draft@kiosk%3A7%2Fana/citizen:aarhus/r1/trust',
    );
    // A host's draft key holding what looks like a respondent's key is still another key.
    expect(draftKey({ draftKey: 'mine', community: 'aarhus', round: 'r1', respondent: 'ana' })).to.equal(
      'draft@ana/:mine',
    );
    expect(draftKey({ draftKey: '@ana/:mine', community: 'aarhus', round: 'r1' })).to.equal('draft:@ana/:mine');
    expect(sentKey('aarhus', who)).to.equal('sent@kiosk%3A7%2Fana/citizen:aarhus');
    expect(keptKey('aarhus', who)).to.equal('kept@kiosk%3A7%2Fana/citizen:aarhus');
    // Without a respondent (a perspective alone included): the keys as before.
    expect(keptKey('aarhus', { perspective: 'citizen' })).to.equal('kept:aarhus');
    expect(draftKey({ community: 'aarhus', round: 'r1', perspective: 'citizen' })).to.equal('draft:aarhus/r1/-');
  });

  it('writes the local day, not the UTC one', () => {
    expect(localDate(new Date(2026, 0, 5, 0, 30))).to.equal('2026-01-05');
  });

  it('tells a blank draft from one with something to keep', () => {
    const fresh = emptyDraft('2026-03-01', ['trust']);
    expect(isBlank({ ...fresh }, fresh)).to.be.true;
    expect(isBlank({ ...fresh, practised: '  \n ' }, fresh)).to.be.true;
    expect(isBlank({ ...fresh, title: 'x' }, fresh)).to.be.false;
    expect(isBlank({ ...fresh, criteria: [] }, fresh)).to.be.false;
    expect(isBlank({ ...fresh, date: '2026-02-01' }, fresh)).to.be.false;
  });

  it('turns a draft into envelope data: trimmed, empty answers left out, inner line breaks kept', () => {
    const draft = {
      ...emptyDraft('2026-03-01', ['trust']),
      title: '  Budget evening ',
      practised: '\n  first line\nsecond line  \n',
      participants: '  ',
    };
    const data = draftToData(draft);
    expect(data).to.deep.equal({
      title: 'Budget evening',
      date: '2026-03-01',
      criteria: ['trust'],
      practised: 'first line\nsecond line',
    });
    expect(dataToDraft(data)).to.deep.include({ title: 'Budget evening', practised: 'first line\nsecond line' });
  });

  it('tells a draft that would send an entry again (the same data as sent) from one that would not', () => {
    const draft = {
      ...emptyDraft('2026-03-01', ['trust', 'inclusion']),
      title: ' Budget evening',
      practised: 'first line\nsecond line\n',
    };
    const data = draftToData(draft);
    expect(sameEntryData(draft, data)).to.be.true;
    expect(sameEntryData({ ...draft, criteria: ['inclusion', 'trust'] }, data), 'criteria in another order').to.be.true;
    expect(sameEntryData({ ...draft, participants: '  ' }, data), 'only blanks added').to.be.true;
    expect(sameEntryData({ ...draft, practised: 'first line' }, data)).to.be.false;
    expect(sameEntryData({ ...draft, tested: 'more' }, data)).to.be.false;
    expect(sameEntryData({ ...draft, date: '2026-03-02' }, data)).to.be.false;
    expect(sameEntryData({ ...draft, criteria: ['trust'] }, data)).to.be.false;
    expect(sameEntryData({ ...draft, title: 'Budget evenings' }, data)).to.be.false;
  });

  it('ignores a stored draft that does not fit the schema', async () => {
    const store = new FallbackDraftStore(undefined, memoryBackend());
    await store.set('draft:x', { v: 1, savedAt: 'never', draft: { title: 3 } });
    const original = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      expect(await readDraft(store, 'draft:x')).to.equal(undefined);
    } finally {
      console.warn = original;
    }
    expect(warnings.join()).to.contain('draft:x');
    await writeDraft(store, 'draft:x', emptyDraft('2026-03-01'), 42);
    expect((await readDraft(store, 'draft:x'))?.savedAt).to.equal(42);
  });

  it('falls back to memory when the device store fails, and keeps the value it was writing', async () => {
    const failing: StorageBackend = {
      get: () => Promise.reject(new Error('blocked')),
      set: () => Promise.reject(new DOMException('The user denied permission', 'InvalidStateError')),
      delete: () => Promise.reject(new Error('blocked')),
    };
    const store = new FallbackDraftStore(failing, memoryBackend());
    expect(store.persistent).to.be.true;
    const original = console.warn;
    console.warn = () => undefined;
    try {
      await store.set('draft:y', { v: 1 });
    } finally {
      console.warn = original;
    }
    expect(store.persistent).to.be.false;
    expect(store.failure).to.contain('denied');
    expect(await store.get('draft:y')).to.deep.equal({ v: 1 });
  });

  it("marks what it writes as this build's, and takes up from a year's key only an earlier build's record", async () => {
    const map = new Map<string, unknown>();
    const store = new FallbackDraftStore(undefined, memoryBackend(map));
    await writeDraft(store, 'draft:c/2026/-', emptyDraft('2026-03-01'), 42);
    expect(map.get('draft:c/2026/-')).to.deep.equal({
      v: 1,
      savedAt: 42,
      hostRound: true,
      draft: emptyDraft('2026-03-01'),
    });
    // Kept by this build for a page whose round is 2026: that page's, left where it is.
    await takeUpRecord(store, 'draft:c/2026/-', 'draft:c/-/-', true);
    expect(map.has('draft:c/-/-')).to.be.false;
    expect(map.has('draft:c/2026/-')).to.be.true;
    // Kept by an earlier build under the year: moved, and marked as this build's under its new key.
    const earlier = { v: 1, savedAt: 7, draft: emptyDraft('2026-03-01') };
    map.set('draft:c/2026/-', earlier);
    await takeUpRecord(store, 'draft:c/2026/-', 'draft:c/-/-', true);
    expect(map.get('draft:c/-/-')).to.deep.equal({ ...earlier, hostRound: true });
    expect(map.has('draft:c/2026/-')).to.be.false;
    // A list (the entries sent, or kept) is moved as it is.
    map.set('sent:c%CC%8A', [{ id: 'a' }]);
    await takeUpRecord(store, 'sent:c%CC%8A', 'sent:c');
    expect(map.get('sent:c')).to.deep.equal([{ id: 'a' }]);
  });
});

describe('reflection journal: entries', () => {
  it('accepts an array or { entries }, and refuses a whole answer when one entry is bad, naming its path', () => {
    const good = [entry('a', '2026-01-01', '2026-01-01T10:00:00Z')];
    expect(parseEntriesAnswer(good)).to.deep.include({ ok: true });
    expect(parseEntriesAnswer({ entries: good })).to.deep.include({ ok: true });
    const bad = parseEntriesAnswer({ entries: [...good, { ...good[0], data: { ...good[0]!.data, date: 'soon' } }] });
    expect(bad.ok).to.be.false;
    expect(!bad.ok && bad.error).to.contain('entries[1].data.date');
    const notAList = parseEntriesAnswer({ items: [] });
    expect(!notAList.ok && notAList.error).to.contain('array of journal entries');
  });

  it('lists an entry whose locale is not a language tag without it, naming it in the console, not refusing the list', () => {
    // Anyone may post to a collector: one that took "english" once serves it to everyone for good.
    const served = [
      { ...entry('a', '2026-01-02', '2026-01-02T10:00:00Z'), locale: 'da' },
      { ...entry('b', '2026-01-01', '2026-01-01T10:00:00Z'), locale: 'english' },
      { ...entry('c', '2026-01-01', '2026-01-01T09:00:00Z'), locale: 'ar-u-nu-latn' },
    ];
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    let answer: ReturnType<typeof parseEntriesAnswer>;
    try {
      answer = parseEntriesAnswer({ entries: served }, '/api/journal?community=egeby');
    } finally {
      console.warn = original;
    }
    expect(answer.ok, JSON.stringify(answer)).to.be.true;
    const value = answer.ok ? answer.value : [];
    expect(value.map((e) => [e.id, e.locale])).to.deep.equal([
      ['a', 'da'],
      ['b', undefined],
      ['c', 'ar-u-nu-latn'],
    ]);
    expect(warnings).to.have.length(1);
    expect(warnings[0])
      .to.contain('/api/journal?community=egeby')
      .and.contain('entries[1].locale ("english")')
      .and.not.contain('entries[2]');
    // Any other problem of an entry still refuses the answer, naming it.
    const bad = parseEntriesAnswer([...served, { ...served[0], id: '' }]);
    expect(!bad.ok && bad.error).to.contain('[3].id');
  });

  it('keeps the entries sent from here in any language tag, Arabic with Latin digits too', () => {
    const sent = [
      { ...entry('a', '2026-01-02', '2026-01-02T10:00:00Z'), locale: 'ar-u-nu-latn' },
      { ...entry('b', '2026-01-01', '2026-01-01T10:00:00Z'), locale: 'en-US' },
    ];
    expect(parseStoredEntries(sent).map((e) => [e.id, e.locale])).to.deep.equal([
      ['a', 'ar-u-nu-latn'],
      ['b', 'en-US'],
    ]);
  });

  it('fetches and validates an answer from a URL, and reports a malformed one', async () => {
    const ok = await fetchEntries('/test/fixtures/journal-entries.json');
    expect(ok.ok && ok.value.length).to.equal(3);
    const bad = await fetchEntries('/test/fixtures/journal-entries-malformed.json');
    expect(bad.ok).to.be.false;
    expect(!bad.ok && bad.error)
      .to.contain('journal-entries-malformed.json')
      .and.contain('[1].createdAt');
    const missing = await fetchEntries('/test/fixtures/no-such-file.json');
    expect(!missing.ok && missing.error).to.contain('404');
  });

  it('sorts newest first by the day, then in the order given, never by the clocks', () => {
    // Served newest first, as the collector received them: the second entry's device clock ran
    // fast, the third's collector clock (receivedAt) had been put back.
    const served = [
      entry('old', '2026-01-01', '2026-03-01T00:00:00Z'),
      { ...entry('received-last', '2026-02-01', '2026-02-01T08:00:00Z'), receivedAt: '2026-02-01T08:00:01Z' },
      { ...entry('received-first', '2026-02-01', '2026-02-01T18:00:00Z'), receivedAt: '2026-02-01T18:00:01Z' },
    ];
    expect(newestFirst(served).map((e) => e.id)).to.deep.equal(['received-last', 'received-first', 'old']);
    expect(mergeEntries([], served).map((e) => e.id)).to.deep.equal(['received-last', 'received-first', 'old']);
  });

  it('lists the entries sent from here that the community does not serve yet first within their day', () => {
    const day = '2026-02-01';
    const community = [entry('c2', day, '2026-02-01T18:00:00Z'), entry('mine-1', day, '2026-02-01T19:00:00Z')];
    // This browser's list, newest sent first: mine-2 was sent after the community list was read.
    const device = [entry('mine-2', day, '2026-02-01T07:00:00Z'), entry('mine-1', day, '2026-02-01T19:00:00Z')];
    expect(mergeEntries(device, community).map((e) => [e.id, e.source])).to.deep.equal([
      ['mine-2', 'device'],
      ['c2', 'community'],
      ['mine-1', 'device'],
    ]);
  });

  it('filters by criterion and merges sources once each', () => {
    const a = entry('a', '2026-01-01', '2026-01-01T00:00:00Z', ['trust']);
    const b = entry('b', '2026-01-02', '2026-01-02T00:00:00Z', ['inclusion']);
    expect(filterByCriterion([a, b], 'trust').map((e) => e.id)).to.deep.equal(['a']);
    expect(filterByCriterion([a, b], undefined)).to.have.length(2);
    const merged = mergeEntries([a], [a, b]);
    expect(merged.map((e) => [e.id, e.source])).to.deep.equal([
      ['b', 'community'],
      ['a', 'device'],
    ]);
  });
});

describe('reflection journal: export', () => {
  it('escapes Markdown and HTML so hostile text stays text', () => {
    expect(escapeMarkdownLine('[click](javascript:alert(1))')).to.equal('\\[click\\](javascript:alert(1))');
    expect(escapeMarkdownLine('<img src=x onerror=alert(1)>')).to.equal('\\<img src=x onerror=alert(1)\\>');
    expect(escapeMarkdownLine('# heading')).to.equal('\\# heading');
    expect(escapeMarkdownLine('  - item')).to.equal('\u00a0\u00a0\\- item');
    expect(escapeMarkdownLine('1. first')).to.equal('1\\. first');
    expect(escapeMarkdownLine('===')).to.equal('\\===');
    expect(escapeMarkdownLine('a * b _c_ `d` | e ~f~ &amp; \\')).to.equal(
      'a \\* b \\_c\\_ \\`d\\` \\| e \\~f\\~ \\&amp; \\\\',
    );
    expect(markdownText('one\ntwo\n\nthree')).to.equal('one\\\ntwo\n\nthree');
    // A lone carriage return ends a line in CommonMark: one line stays one line, so no block starts.
    expect(escapeMarkdownLine('Ann\r## Fake heading\r1. a list\r\n- item')).to.equal(
      'Ann ## Fake heading 1. a list - item',
    );
  });

  it('indents a line with no-break spaces, so no indent starts a code block where the escapes would show', () => {
    const nbsp = (n: number) => '\u00a0'.repeat(n);
    const text =
      'We agreed on:\n\n    Rule 1: *everyone* speaks [once]\n\tRule 2: no_one\n  \t# not a heading\n \t 2. x';
    const md = markdownText(text);
    expect(md).to.equal(
      [
        'We agreed on:',
        '',
        `${nbsp(4)}Rule 1: \\*everyone\\* speaks \\[once\\]\\`,
        `${nbsp(4)}Rule 2: no\\_one\\`,
        // A tab goes as far as the next tab stop, every four columns, as CommonMark counts it.
        `${nbsp(4)}\\# not a heading\\`,
        `${nbsp(5)}2\\. x`,
      ].join('\n'),
    );
    // CommonMark indents with spaces and tabs only: no line of the export starts with either.
    expect(md.split('\n').filter((line) => /^[ \t]/.test(line))).to.deep.equal([]);
    const entry = { id: 'i', createdAt: '2026-02-01T00:00:00Z', source: 'device' as const };
    const doc = entriesToMarkdown(
      [{ ...entry, data: { title: 'T', date: '2026-02-01', criteria: [], practised: text } }],
      {
        labels,
      },
    );
    expect(doc.split('\n').filter((line) => /^[ \t]/.test(line))).to.deep.equal([]);
  });

  it('keeps participants written with carriage returns on the one line of their item', () => {
    const md = entriesToMarkdown(
      [
        {
          id: 'y',
          createdAt: '2026-02-01T00:00:00Z',
          source: 'device',
          data: { title: 'T', date: '2026-02-01', criteria: [], participants: 'Ann\r## Fake\r1. a list' },
        },
      ],
      { labels },
    );
    expect(md).to.contain('- **Who took part:** Ann; ## Fake; 1. a list');
    expect(md.split(/\r\n?|\n/).filter((line) => /^\s*(#|\d+[.)]\s)/.test(line))).to.deep.equal([
      '# Reflection journal',
      '## T',
    ]);
  });

  it('writes entries as a Markdown document with localized labels', () => {
    const md = entriesToMarkdown(
      [
        {
          id: 'x',
          createdAt: '2026-02-01T00:00:00Z',
          source: 'device',
          data: {
            title: 'Plan #1 <b>',
            date: '2026-02-01',
            criteria: ['trust'],
            practised: 'Line one\n> quoted?',
            participants: 'Club\nCollege',
          },
        },
      ],
      { labels, criterionTitle: (id) => (id === 'trust' ? 'Trust' : id) },
    );
    expect(md).to.equal(
      [
        '# Reflection journal',
        '',
        '## Plan \\#1 \\<b\\>',
        '',
        '- **Date:** 2026-02-01',
        '- **Criteria:** Trust',
        '- **Who took part:** Club; College',
        '',
        '### What did we practise?',
        '',
        'Line one\\',
        '\\> quoted?',
        '',
      ].join('\n'),
    );
  });

  it('writes a value after its label as it reads: no line-start escape ("25. oktober"), inline ones kept', () => {
    const md = entriesToMarkdown(
      [
        {
          id: 'z',
          createdAt: '2026-10-25T00:00:00Z',
          source: 'device',
          data: { title: 'T', date: '2026-10-25', criteria: ['trust'], participants: '2. klasse\n# Ann & *Bo*' },
        },
      ],
      { labels: { ...labels, date: 'Dato' }, criterionTitle: () => '1. Tillid', formatDate: () => '25. oktober 2026' },
    );
    expect(md).to.contain('- **Dato:** 25. oktober 2026\n');
    expect(md).to.contain('- **Criteria:** 1. Tillid\n');
    expect(md).to.contain('- **Who took part:** 2. klasse; # Ann \\& \\*Bo\\*\n');
  });

  it('writes JSON that reads back as an entries-src answer', () => {
    const entries = [{ ...entry('a', '2026-01-01', '2026-01-01T00:00:00Z', ['trust']), source: 'device' as const }];
    const json = JSON.parse(JSON.stringify(entriesToJson(entries, { criterion: 'trust' })));
    expect(json).to.include({ schema: 'lc-journal-export/1', criterion: 'trust' });
    const back = parseEntriesAnswer(json);
    expect(back.ok && back.value[0]?.data.title).to.equal('Entry a');
  });
});
