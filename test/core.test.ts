import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { ConfigProblems, unknownCriterionProblem } from '../src/core/config.js';
import { fetchJson } from '../src/core/fetch-json.js';
import { headingTag } from '../src/core/headings.js';
import { kept } from '../src/core/intl.js';
import { arrowKeyIndex } from '../src/core/keys.js';
import * as z from '../src/core/zod.js';
import { createEnvelope, envelopeSchema, formatPath, newId } from '../src/core/envelope.js';
import {
  formatMessage,
  isRtl,
  localeTable,
  resolveLocaleTag,
  toSupportedLocale,
  translator,
} from '../src/core/i18n/i18n.js';
import { backoffDelay, nextDelay, parseRetryAfter } from '../src/core/retry.js';
import { tabChannel } from '../src/core/tabs.js';
import { captureConsoleErrors } from './support/helpers.js';

const ctx = {
  community: 'aarhus',
  round: '2026-spring',
  criteriaSet: { id: 'common-criteria', version: '1.0.0' },
  locale: 'da',
};

describe('retry', () => {
  it('grows exponentially with jitter inside [step/2, step] and stays under the cap', () => {
    expect(backoffDelay(1, { baseMs: 1000, random: () => 0 })).to.equal(500);
    expect(backoffDelay(1, { baseMs: 1000, random: () => 0.999999 })).to.equal(1000);
    expect(backoffDelay(4, { baseMs: 1000, random: () => 0 })).to.equal(4000);
    expect(backoffDelay(40, { baseMs: 1000, capMs: 60_000, random: () => 0.999999 })).to.equal(60_000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(3)));
    expect(spread.size).to.be.greaterThan(10);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores garbage', () => {
    expect(parseRetryAfter('120')).to.equal(120_000);
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 09:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(nextDelay(1, 5000, { capMs: 60_000 })).to.equal(5000);
    expect(nextDelay(1, 86_400_000, { capMs: 60_000 })).to.equal(60_000);
    // The server's wait is the least: never shorter than the backoff (a 0, or a date gone by).
    expect(nextDelay(1, 0, { baseMs: 1000, random: () => 0 })).to.equal(500);
    expect(nextDelay(5, 0, { baseMs: 1000, random: () => 0 })).to.equal(8000);
    expect(nextDelay(5, 3000, { baseMs: 1000, random: () => 0 })).to.equal(8000);
    expect(nextDelay(1, 3000, { baseMs: 1000, random: () => 0.999999 })).to.equal(3000);
  });
});

describe('envelope', () => {
  it('builds a valid lc-submission/1 envelope with a fresh UUID', () => {
    const e = createEnvelope('rating', ctx, { level: null, comment: 'We do not know yet.' }, 'trust');
    expect(e).to.include({
      schema: 'lc-submission/1',
      kind: 'rating',
      criterion: 'trust',
      community: 'aarhus',
      locale: 'da',
    });
    expect(e.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(envelopeSchema.safeParse(e).success).to.be.true;
    expect(e).not.to.have.property('perspective');
    expect(e).not.to.have.property('respondent');
    expect(newId()).not.to.equal(newId());
  });

  it('refuses bad data with a message naming the field', () => {
    expect(() => createEnvelope('rating', ctx, { level: 7 as never }, 'trust')).to.throw(/data\.level/);
    expect(() => createEnvelope('rating', ctx, { level: 2, evidence: 'javascript:alert(1)' }, 'trust')).to.throw(
      /data\.evidence: must be an http\(s\) URL/,
    );
    expect(() => createEnvelope('rating', { ...ctx, community: '' }, { level: 2 }, 'trust')).to.throw(/community/);
    expect(formatPath(['data', 'answers', 3, 'level'])).to.equal('data.answers[3].level');
  });

  it("takes a journal entry's date only when it is a day of the calendar", () => {
    const entry = (date: string) => createEnvelope('journal-entry', ctx, { title: 'A day', date, criteria: [] });
    expect(entry('2026-10-02').data.date).to.equal('2026-10-02');
    expect(entry('2028-02-29').data.date, 'a leap day').to.equal('2028-02-29');
    for (const date of ['2026-13-45', '0000-00-00', '2026-02-29', '2026-04-31', '2026-1-2', '2026-10-02T00:00']) {
      expect(() => entry(date), date).to.throw(/data\.date: must be a date YYYY-MM-DD/);
    }
  });
});

describe('locale', () => {
  it('maps tags to built-in locales and knows the direction', () => {
    expect(toSupportedLocale('da-DK')).to.equal('da');
    expect(toSupportedLocale('fr')).to.equal('en');
    expect(toSupportedLocale(undefined)).to.equal('en');
    expect(isRtl('ar-EG')).to.be.true;
    expect(isRtl('de')).to.be.false;
  });

  it('resolves own locale, then community, then nearest lang across shadow roots, then the document', () => {
    const outer = document.createElement('div');
    outer.lang = 'de';
    const host = document.createElement('div');
    outer.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    document.body.append(outer);
    try {
      expect(resolveLocaleTag(inner, 'ar', 'da')).to.equal('ar');
      expect(resolveLocaleTag(inner, undefined, 'da')).to.equal('da');
      expect(resolveLocaleTag(inner)).to.equal('de');
      outer.removeAttribute('lang');
      expect(resolveLocaleTag(inner)).to.equal(document.documentElement.lang || 'en');
    } finally {
      outer.remove();
    }
  });

  it('formats placeholders and plural forms per locale', () => {
    const msg = { one: '{count} answer', other: '{count} answers' };
    expect(formatMessage('en', msg, { count: 1 })).to.equal('1 answer');
    expect(formatMessage('en', msg, { count: 1200 })).to.equal('1,200 answers');
    expect(formatMessage('de', msg, { count: 1200 })).to.equal('1.200 answers');
    expect(formatMessage('en', 'Hello {name}, {missing}', { name: '<b>x</b>' })).to.equal('Hello <b>x</b>, {missing}');
  });

  it('formats each locale as its own, however many locales a page has gone through (formatters are kept)', () => {
    const msg = { one: '{count} answer', two: '{count} answers (two)', other: '{count} answers' };
    const regions = ['DK', 'DE', 'CH', 'AT', 'EG', 'SA', 'IN', 'FR', 'BE', 'US', 'GB', 'NO'];
    const tags = ['da', 'de', 'ar', 'fr', 'en', 'ar-u-nu-latn', 'hi-u-nu-deva'].flatMap((l) =>
      regions.map((r) => `${l}-${r}`),
    );
    // Twice round more locales than are kept: the second round finds its formatters made again.
    for (const tag of [...tags, ...tags, 'english', '<b>', 'da_dk']) {
      const canonical = tag === '<b>' ? 'en' : Intl.getCanonicalLocales(tag.replace('_', '-'))[0]!;
      // `english` is 7 letters: Intl takes it, the elements do not (English all the same).
      const expected = /^[a-z]{2,3}(?:-|$)/.test(canonical) ? canonical : 'en';
      const count = 1234567.5;
      const form = new Intl.PluralRules(expected).select(count);
      const text = msg[form as keyof typeof msg] ?? msg.other;
      expect(formatMessage(tag, msg, { count }), tag).to.equal(text.replace('{count}', count.toLocaleString(expected)));
      expect(formatMessage(tag, msg, { count: 2 }), tag).to.equal(
        (new Intl.PluralRules(expected).select(2) === 'two' ? msg.two : msg.other).replace(
          '{count}',
          (2).toLocaleString(expected),
        ),
      );
    }
  });

  it('keeps what it makes for a key, and no more than 64 keys', () => {
    const table = new Map<string, number>();
    let made = 0;
    const make = () => ++made;
    expect(kept(table, 'a', make)).to.equal(1);
    expect(kept(table, 'a', make)).to.equal(1);
    expect(made).to.equal(1);
    // An undefined value is an answer too (an invalid tag): it is not made again.
    const answers = new Map<string, undefined>();
    let asked = 0;
    kept(answers, 'x', () => void asked++);
    kept(answers, 'x', () => void asked++);
    expect(asked).to.equal(1);
    for (let i = 0; i < 200; i++) kept(table, `k${i}`, make);
    expect(table.size).to.be.at.most(64);
    expect(made).to.equal(201);
  });

  it('gives English text English plural forms and numbers in a language without translations', () => {
    const t = translator(
      localeTable(
        { count: '{count} of {max} characters', left: { one: '{count} left', other: '{count} lefts' } },
        {} as never,
      ),
    );
    // French: no translation, English shown (marked lang="en"): "4,000" and "0 lefts", as in English.
    expect(t('fr', 'count', { count: 0, max: 4000 })).to.equal('0 of 4,000 characters');
    expect(t('fr', 'left', { count: 0 })).to.equal('0 lefts');
    expect(t('en-GB', 'count', { count: 0, max: 4000 })).to.equal('0 of 4,000 characters');
    // A host's own French text takes French rules.
    expect(t('fr', 'left', { count: 0 }, { left: { one: '{count} reste', other: '{count} restent' } })).to.equal(
      '0 reste',
    );
    expect(t('fr', 'count', { count: 1, max: 4000 }, { count: '{count} sur {max}' })).to.equal('1 sur 4\u202f000');
  });
});

describe('config problems', () => {
  const host = document.createElement('lc-probe');
  const problem = (attribute: string, message: string) => ({ attribute, message });

  it('logs a problem when it appears or changes, not while it stays', async () => {
    const problems = new ConfigProblems(host);
    const logged = await captureConsoleErrors(() => {
      problems.set('locale', problem('locale', 'is bad'));
      problems.set('layout', problem('layout', 'is wrong'));
      problems.set('locale', problem('locale', 'is bad'));
      problems.set('locale', problem('locale', 'is worse'));
      problems.set('layout', undefined);
      problems.set('layout', problem('layout', 'is wrong'));
    });
    expect(logged).to.deep.equal([
      '[lc-elements] <lc-probe> locale: is bad',
      '[lc-elements] <lc-probe> layout: is wrong',
      '[lc-elements] <lc-probe> locale: is worse',
      '[lc-elements] <lc-probe> layout: is wrong',
    ]);
    expect(problems.list).to.deep.equal([problem('locale', 'is worse'), problem('layout', 'is wrong')]);
    expect(problems.has('layout')).to.be.true;
    expect(problems.has('endpoint')).to.be.false;
  });

  it('replaces the whole list with a new check, logging only what is new', async () => {
    const problems = new ConfigProblems(host);
    const logged = await captureConsoleErrors(() => {
      problems.replace([problem('src', 'is empty'), undefined, unknownCriterionProblem('x', 'set')]);
      problems.replace([unknownCriterionProblem('x', 'set'), problem('src', 'is not a URL')]);
    });
    expect(logged).to.deep.equal([
      '[lc-elements] <lc-probe> src: is empty',
      '[lc-elements] <lc-probe> criterion: "x" is not in the set "set"',
      '[lc-elements] <lc-probe> src: is not a URL',
    ]);
    expect(problems.list.map((p) => p.attribute)).to.deep.equal(['criterion', 'src']);
    problems.replace([]);
    expect(problems.list).to.deep.equal([]);
  });
});

describe('fetchJson', () => {
  const entry = z.object({ id: z.string(), data: z.object({ date: z.string() }) });

  it('gives the validated value', async () => {
    const result = await fetchJson('/test/fixtures/journal-entries.json', z.object({ entries: z.array(entry) }));
    expect(result.ok && result.value.entries.map((e) => e.id)).to.have.length(3);
  });

  it('gives up on a server that does not answer in time, and says so; a quick one is read', async () => {
    const late = await fetchJson('/__lc/slow/3000', z.object({}), { timeoutMs: 300 });
    expect(!late.ok && late.error).to.equal('/__lc/slow/3000 did not answer within 300 ms');
    const quick = await fetchJson('/__lc/slow/10', z.object({}), { timeoutMs: 3000 });
    expect(quick.ok).to.be.true;
    // The caller's own abort still aborts (an error the caller ignores), not a timeout.
    const controller = new AbortController();
    const aborted = fetchJson('/__lc/slow/3000', z.object({}), { signal: controller.signal, timeoutMs: 5000 });
    controller.abort();
    const result = await aborted;
    expect(!result.ok && result.error).to.match(/could not be fetched/);
  });

  it('names the URL and what went wrong: unreachable, HTTP status, not JSON, the path at fault', async () => {
    const unreachable = await fetchJson('http://127.0.0.1:1/x.json', entry);
    expect(!unreachable.ok && unreachable.error).to.match(
      /^http:\/\/127\.0\.0\.1:1\/x\.json could not be fetched \(.+\)$/,
    );
    const missing = await fetchJson('/test/fixtures/no-such-file.json', entry);
    expect(!missing.ok && missing.error).to.equal('/test/fixtures/no-such-file.json answered HTTP 404');
    const html = await fetchJson('/test/fixtures/journal-frame.html', entry);
    expect(!html.ok && html.error).to.equal('/test/fixtures/journal-frame.html did not answer with JSON');
    const wrong = await fetchJson(
      '/test/fixtures/journal-entries.json',
      z.object({ entries: z.array(z.object({ id: z.number() })) }),
    );
    expect(!wrong.ok && wrong.error).to.match(/^\/test\/fixtures\/journal-entries\.json: entries\[0\]\.id/);
    const named = await fetchJson('/test/fixtures/no-such-file.json', entry, { name: 'the list' });
    expect(!named.ok && named.error).to.equal('the list answered HTTP 404');
  });

  it('takes a parse function for an answer of more than one shape, and reports an abort as an error', async () => {
    const parse = (input: unknown) =>
      Array.isArray((input as { entries?: unknown }).entries)
        ? { ok: true as const, value: (input as { entries: unknown[] }).entries.length }
        : { ok: false as const, error: 'not a list' };
    const counted = await fetchJson('/test/fixtures/journal-entries.json', parse);
    expect(counted.ok && counted.value).to.equal(3);
    const controller = new AbortController();
    controller.abort();
    const aborted = await fetchJson('/test/fixtures/journal-entries.json', parse, { signal: controller.signal });
    expect(aborted.ok).to.be.false;
  });
});

describe('tabChannel', () => {
  it("tells this page's other listeners too, a moment later, as a copy, never the sender", async () => {
    const channel = tabChannel<{ n: number }>(`lc-test-${Math.random()}`);
    const heard: string[] = [];
    const a = (m: { n: number }) => heard.push(`a${m.n}`);
    const b = (m: { n: number }) => heard.push(`b${m.n}`);
    const c = (m: { n: number }) => heard.push(`c${m.n}`);
    channel.listen(a);
    channel.listen(b);
    const stopC = channel.listen(c);
    const message = { n: 1 };
    channel.post(message, a);
    stopC();
    message.n = 2;
    expect(heard, 'not while the sender is still at work').to.deep.equal([]);
    await new Promise((r) => setTimeout(r, 20));
    expect(heard).to.deep.equal(['b1']);
  });
});

describe('headingTag', () => {
  it('gives h1 to h6 for a level, deeper levels staying h6', () => {
    const host = document.createElement('div');
    const tagAt = (level: number) => {
      const tag = headingTag(level);
      render(staticHtml`<${tag}>x</${tag}>`, host);
      return host.querySelector('h1, h2, h3, h4, h5, h6')!.localName;
    };
    expect([1, 2, 3, 4, 5, 6, 7, 9].map(tagAt)).to.deep.equal(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h6', 'h6']);
  });
});

describe('arrowKeyIndex', () => {
  it('moves by one with the arrows (left and right as read), to the ends with Home and End, wrapping', () => {
    const moves = (rtl: boolean) =>
      ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End'].map((key) => arrowKeyIndex(key, 2, 6, rtl));
    expect(moves(false)).to.deep.equal([3, 1, 3, 1, 0, 5]);
    expect(moves(true)).to.deep.equal([3, 1, 1, 3, 0, 5]);
    expect(arrowKeyIndex('ArrowDown', 5, 6, false)).to.equal(0);
    expect(arrowKeyIndex('ArrowUp', 0, 6, false)).to.equal(5);
    expect(arrowKeyIndex('ArrowLeft', 5, 6, true)).to.equal(0);
    expect(arrowKeyIndex('Enter', 2, 6, false)).to.equal(undefined);
    expect(arrowKeyIndex(' ', 2, 6, false)).to.equal(undefined);
  });
});
