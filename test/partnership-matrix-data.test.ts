import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { parseCsv } from '../src/components/partnership-matrix/csv.js';
import '../src/components/partnership-matrix/define.js';
import ar from '../src/components/partnership-matrix/strings.ar.js';
import da from '../src/components/partnership-matrix/strings.da.js';
import de from '../src/components/partnership-matrix/strings.de.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import { captureConsoleErrors, waitFor } from './support/helpers.js';
import {
  $,
  $$,
  actorsOf,
  cellAt,
  countChanges,
  fill,
  focused,
  levelOf,
  press,
  smallActors,
  smallTies,
  uid,
} from './partnership-matrix-support.js';

async function matrix(actors = smallActors, ties = smallTies) {
  const el = await fixture<LcPartnershipMatrix>(
    html`<lc-partnership-matrix
      draft-key=${uid()}
      layout="grid"
      .actors=${actors}
      .ties=${ties}
    ></lc-partnership-matrix>`,
  );
  await el.updateComplete;
  return el;
}

async function openPanel(el: LcPartnershipMatrix, part: 'actors' | 'data') {
  $<HTMLElement>(el, `[part="${part}"] > summary`)!.click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
}

const alertText = (el: LcPartnershipMatrix) => $$(el, '[role="alert"]').map((a) => a.textContent!.replace(/\s+/g, ' '));

describe('<lc-partnership-matrix> export and import', () => {
  it('exports JSON with the figures, and imports it back into another element unchanged', async () => {
    const a = await matrix();
    cellAt(a, 1, 2).focus();
    await press('4');
    await press('Space');
    const json = a.exportJson();
    const parsed = JSON.parse(json);
    expect(parsed.schema).to.equal('lc-partnerships/1');
    expect(parsed.figures).to.deep.equal(JSON.parse(JSON.stringify(a.figures)));
    expect(parsed.figures.ties).to.equal(3);

    const b = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} layout="grid"></lc-partnership-matrix>`,
    );
    const seen = countChanges(b);
    await openPanel(b, 'data');
    fill($<HTMLTextAreaElement>(b, '#import-text')!, json);
    $<HTMLButtonElement>(b, '#import')!.click();
    await b.updateComplete;
    expect(b.actors).to.deep.equal(a.actors);
    expect(b.ties).to.deep.equal(a.ties);
    expect(b.figures).to.deep.equal(a.figures);
    expect(b.exportJson()).to.equal(json);
    expect(seen.change, 'an import by the person is a change').to.equal(1);
    expect($(b, '[part="notice"]')!.textContent).to.equal('Imported 4 actors and 3 ties.');
    expect($$(b, '[role="gridcell"]')).to.have.length(16);
  });

  it('counts the ties of an import in their own plural, in each language', async () => {
    const map = JSON.stringify({
      actors: [
        { id: 'a', name: 'Alpha', sector: 'public' },
        { id: 'b', name: 'Beta', sector: 'civil-society' },
      ],
      ties: [{ source: 'a', target: 'b', level: 2, independent: false }],
    });
    const expected: Record<string, string> = {
      en: 'Imported 2 actors and 1 tie.',
      da: 'Importerede 2 aktører og 1 samarbejde.',
      de: '2 Akteure und 1 Verbindung importiert.',
    };
    for (const [locale, notice] of Object.entries(expected)) {
      const el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix draft-key=${uid()} locale=${locale} layout="grid"></lc-partnership-matrix>`,
      );
      await el.updateComplete;
      await openPanel(el, 'data');
      fill($<HTMLTextAreaElement>(el, '#import-text')!, map);
      $<HTMLButtonElement>(el, '#import')!.click();
      await el.updateComplete;
      expect($(el, '[part="notice"]')!.textContent, locale).to.equal(notice);
    }
  });

  it('imports a map that rates pairs differently each way: keeps the stronger, and says which pairs', async () => {
    const file = JSON.stringify({
      directed: true,
      actors: smallActors,
      ties: [
        { source: 'town', target: 'college', level: 1, independent: false },
        { source: 'college', target: 'town', level: 3, independent: true },
        // Equal levels, one flagged: the pair runs without a public authority.
        { source: 'bank', target: 'club', level: 2, independent: false },
        { source: 'club', target: 'bank', level: 2, independent: true },
        // The same both ways: nothing is lost, nothing to say.
        { source: 'town', target: 'club', level: 2, independent: false },
        { source: 'club', target: 'town', level: 2, independent: false },
        { source: 'town', target: 'bank', level: 1, independent: false },
      ],
    });
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} layout="grid"></lc-partnership-matrix>`,
    );
    await openPanel(el, 'data');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      fill($<HTMLTextAreaElement>(el, '#import-text')!, file);
      $<HTMLButtonElement>(el, '#import')!.click();
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(el.ties).to.deep.equal([
      { source: 'town', target: 'college', level: 3, independent: true },
      { source: 'town', target: 'bank', level: 1, independent: false },
      { source: 'town', target: 'club', level: 2, independent: false },
      { source: 'bank', target: 'club', level: 2, independent: true },
    ]);
    const notice = $(el, '[part="notice"]')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.equal(
      'Imported 4 actors and 4 ties. The file rates 2 pairs differently in each direction: Town hall – City College, ' +
        'Savings Bank – Sport Club. In this matrix a tie is mutual, so each pair keeps its stronger rating ' +
        '(at equal levels, “without a public authority” if either direction has it).',
    );
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<lc-partnership-matrix> import:');
    expect(warnings[0]).to.contain('town → college and college → town; bank → club and club → bank');
    await expect(el).to.be.accessible();

    // One pair, in Arabic: the names each in its own direction, the Arabic comma between pairs.
    el.locale = 'ar';
    await el.updateComplete;
    const one = JSON.parse(file);
    one.ties = one.ties.slice(0, 2);
    console.warn = () => undefined;
    try {
      expect(el.importJson(JSON.stringify(one))).to.be.true;
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(notice.textContent).to.contain(
      'يقيّم الملف زوجاً واحداً بشكل مختلف في كل اتجاه: \u2068Town hall\u2069 – \u2068City College\u2069.',
    );
    await expect(el).to.be.accessible();

    // A directed matrix keeps both directions: nothing merged, nothing to say.
    const directed = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} layout="grid" directed></lc-partnership-matrix>`,
    );
    expect(directed.importJson(file)).to.be.true;
    await directed.updateComplete;
    expect(directed.ties).to.have.length(7);
    expect($(directed, '[part="notice"]')!.textContent).to.equal('Imported 4 actors and 7 ties.');
  });

  it('exports a CSV edge list and node list that network tools read, with formulas defused', async () => {
    const el = await matrix(
      [
        { id: 'x', name: '=HYPERLINK("http://evil")', sector: 'culture' },
        { id: 'y', name: 'Bank, "the big one"', sector: 'business-finance' },
      ],
      [{ source: 'x', target: 'y', level: 2, independent: true }],
    );
    const edges = parseCsv(el.exportTiesCsv());
    expect(edges).to.deep.equal([
      ['source', 'target', 'level', 'independent'],
      ['x', 'y', '2', 'true'],
    ]);
    const nodes = parseCsv(el.exportActorsCsv());
    expect(nodes[1]).to.deep.equal(['x', `'=HYPERLINK("http://evil")`, 'culture']);
    expect(nodes[2]).to.deep.equal(['y', 'Bank, "the big one"', 'business-finance']);
  });

  it('defuses a formula in full-width signs, as the other exports do', async () => {
    // An actor's name is trimmed, so a leading space never reaches the export (the units test that rule).
    const el = await matrix(
      [
        { id: 'x', name: '\uff1dHYPERLINK("http://x","y")', sector: 'culture' },
        { id: 'y', name: '\uff0d1+1', sector: 'business-finance' },
        { id: 'z', name: '\uff20cmd', sector: 'education' },
      ],
      [],
    );
    const nodes = parseCsv(el.exportActorsCsv());
    expect(nodes.slice(1)).to.deep.equal([
      ['x', `'\uff1dHYPERLINK("http://x","y")`, 'culture'],
      ['y', `'\uff0d1+1`, 'business-finance'],
      ['z', `'\uff20cmd`, 'education'],
    ]);
  });

  it('offers the downloads as buttons', async () => {
    const el = await matrix();
    await openPanel(el, 'data');
    const labels = $$(el, '[part="data"] .export button').map((b) => b.textContent!.trim());
    expect(labels).to.deep.equal(['Download JSON', 'Download ties (CSV)', 'Download actors (CSV)']);
  });

  it('downloads the JSON and the CSVs (with a byte order mark) as files', async () => {
    const el = await matrix();
    await openPanel(el, 'data');
    const downloads: Array<{ name: string; href: string }> = [];
    el.addEventListener('click', (event) => {
      const target = event.composedPath()[0];
      if (target instanceof HTMLAnchorElement && target.download) {
        downloads.push({ name: target.download, href: target.href });
        event.preventDefault();
      }
    });
    for (const button of $$(el, '[part="data"] .export button')) button.click();
    expect(downloads.map((d) => d.name)).to.deep.equal([
      'partnerships.json',
      'partnership-ties.csv',
      'partnership-actors.csv',
    ]);
    const bytes = async (href: string) => new Uint8Array(await (await fetch(href)).arrayBuffer());
    const [json, ties, actors] = await Promise.all(downloads.map((d) => bytes(d.href)));
    const bom = [0xef, 0xbb, 0xbf];
    expect(new TextDecoder().decode(json)).to.equal(el.exportJson());
    expect([...ties!.slice(0, 3)]).to.deep.equal(bom);
    expect(new TextDecoder().decode(ties)).to.equal(el.exportTiesCsv());
    expect([...actors!.slice(0, 3)]).to.deep.equal(bom);
    expect(new TextDecoder().decode(actors)).to.equal(el.exportActorsCsv());
  });
});

describe('<lc-partnership-matrix> the file chooser of the import', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  async function panel(locale = 'en') {
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} locale=${locale} .actors=${smallActors}></lc-partnership-matrix>`,
    );
    await el.updateComplete;
    await openPanel(el, 'data');
    return el;
  }
  const fileInput = (el: LcPartnershipMatrix) => $<HTMLInputElement>(el, 'input[type="file"]')!;

  for (const width of [1280, 320]) {
    it(`is a target of at least 44 × 44 CSS px at ${width} px, the whole button opening the chooser`, async () => {
      await setViewport({ width, height: 800 });
      const el = await panel();
      const input = fileInput(el);
      input.scrollIntoView({ block: 'center' });
      const box = input.getBoundingClientRect();
      expect(box.width, 'width').to.be.at.least(44);
      expect(box.height, 'height').to.be.at.least(44);
      // What shows is the text of the input's label, drawn as a button; the input lies over all of
      // it, so a click or a tap anywhere on it reaches the input (and its chooser).
      const shown = $(el, '.file-button [part="button"]')!.getBoundingClientRect();
      const [midX, midY] = [shown.left + shown.width / 2, shown.top + shown.height / 2];
      for (const [x, y] of [
        [shown.left + 1, midY],
        [shown.right - 1, midY],
        [midX, shown.top + 1],
        [midX, shown.bottom - 1],
        [midX, midY],
      ] as const) {
        const hit = el.shadowRoot!.elementFromPoint(x, y);
        expect(hit === input, `the input at ${x},${y}, not ${hit?.localName}.${hit?.className}`).to.be.true;
      }
      expect(box.width).to.be.closeTo(shown.width, 2.5);
      expect(box.height).to.be.closeTo(shown.height, 2.5);
      // The browser's own "Choose File" and "No file chosen" (in its language, not the element's) are not shown.
      expect(getComputedStyle(input).fontSize).to.equal('0px');
    });
  }

  it('is reached with Tab, shows its focus ring and opens the chooser with Enter or Space', async () => {
    const el = await panel();
    const input = fileInput(el);
    let clicks = 0;
    input.addEventListener('click', (event) => {
      clicks++;
      event.preventDefault(); // no dialog in a test
    });
    $$<HTMLButtonElement>(el, '[part="data"] .export button').pop()!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el) === input, 'the file input has the focus').to.be.true;
    const style = getComputedStyle(input);
    expect(`${style.outlineStyle} ${style.outlineWidth}`).to.equal('solid 3px');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    expect(clicks).to.equal(2);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.id).to.equal('import-text');
  });

  for (const [locale, name] of [
    ['en', 'Import a JSON file'],
    ['da', da['data.import-file']],
    ['de', de['data.import-file']],
    ['ar', ar['data.import-file']],
  ] as const) {
    it(`is named in ${locale} by the text it shows, and passes axe`, async () => {
      const el = await panel(locale);
      const input = fileInput(el);
      expect(input.labels![0]!.textContent!.trim()).to.equal(name);
      expect($(el, '.file-button [part="button"]')!.textContent!.trim()).to.equal(name);
      // The browser's tooltip over a file input ("No file chosen") would be in its own language.
      expect(input.title).to.equal(name);
      type Node = { role?: string; name?: string; children: Node[] };
      const snapshot = (await a11ySnapshot({})) as unknown as Node;
      expect(
        findAccessibilityNode<Node>(snapshot, (n) => n.name === name && n.role === 'button'),
        'a button',
      ).to.exist;
      await expect(el).to.be.accessible();
    });
  }

  it('imports the chosen file, keeps its text in the box, and can take the same file again', async () => {
    const el = await panel();
    const changes = countChanges(el);
    const json = JSON.stringify({
      actors: [
        { id: 'a', name: 'Harbour', sector: 'business-finance' },
        { id: 'b', name: 'Library', sector: 'culture' },
        { id: 'c', name: 'Choir', sector: 'culture' },
      ],
      ties: [
        { source: 'a', target: 'b', level: 2, independent: true },
        { source: 'b', target: 'c', level: 1, independent: false },
      ],
    });
    const input = fileInput(el);
    const files = new DataTransfer();
    files.items.add(new File([json], 'map.json', { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => el.actors.length === 3, 'the imported actors');
    await el.updateComplete;
    expect(el.actors.map((a) => a.name)).to.deep.equal(['Harbour', 'Library', 'Choir']);
    expect(levelOf(el, 'a', 'b')).to.equal(2);
    expect($<HTMLTextAreaElement>(el, '#import-text')!.value).to.equal(json);
    expect($(el, '[part="notice"]')!.textContent).to.equal('Imported 3 actors and 2 ties.');
    expect(changes.change).to.equal(1);
    expect(input.value, 'emptied, so choosing the same file again imports it again').to.equal('');
  });
});

describe('<lc-partnership-matrix> bad input', () => {
  it('refuses duplicate actor ids from a property, names them, and keeps what it had', async () => {
    const el = await matrix();
    const errors = await captureConsoleErrors(async () => {
      el.actors = [
        { id: 'a', name: 'One', sector: 'culture' },
        { id: 'a', name: 'Two', sector: 'culture' },
      ];
      await el.updateComplete;
    });
    const text = alertText(el).join(' ');
    expect(text).to.contain('The actors given to this element have problems');
    expect(text).to.contain('actors[1].id: the actor id “a” is used twice (first at actors[0].id)');
    expect(errors.some((e) => e.includes('<lc-partnership-matrix> actors: actors[1].id'))).to.be.true;
    expect(el.actors).to.deep.equal(smallActors);
    expect(el.ties).to.deep.equal(smallTies);
    // Good data clears the message.
    el.actors = smallActors.slice(0, 3);
    await el.updateComplete;
    expect(alertText(el)).to.deep.equal([]);
  });

  it('refuses two actors of one name from a property (case and spacing aside), names them, and keeps what it had', async () => {
    const el = await matrix();
    const errors = await captureConsoleErrors(async () => {
      el.actors = [
        { id: 'alpha', name: 'Alpha', sector: 'culture' },
        { id: 'beta', name: 'Beta', sector: 'culture' },
        { id: 'alpha-2', name: ' alpha ', sector: 'education' },
      ];
      await el.updateComplete;
    });
    const alert = $$(el, '[part="error"][role="alert"]');
    expect(alert, 'one alert').to.have.length(1);
    const text = alertText(el).join(' ');
    expect(text).to.contain('The actors given to this element have problems; the matrix keeps what it had.');
    expect(text).to.contain(
      'actors[2].name: the name “alpha” is the same as “Alpha” at actors[0].name (names that differ only in letter case or spacing count as the same).',
    );
    expect(errors.some((e) => e.includes('<lc-partnership-matrix> actors: actors[2].name: the name "alpha"'))).to.be
      .true;
    expect(el.actors).to.deep.equal(smallActors);
    await expect(el).to.be.accessible();
  });

  it('refuses ties to an unknown actor and levels out of range from a property', async () => {
    const el = await matrix();
    await captureConsoleErrors(async () => {
      el.ties = [
        { source: 'town', target: 'mars', level: 2, independent: false },
        { source: 'town', target: 'bank', level: 9 as never, independent: false },
      ];
      await el.updateComplete;
    });
    const text = alertText(el).join(' ');
    expect(text).to.contain('ties[1].level: the level must be a whole number from 0 to 4, not 9.');
    expect(el.ties).to.deep.equal(smallTies);
    await captureConsoleErrors(async () => {
      el.ties = [{ source: 'town', target: 'mars', level: 2, independent: false }];
      await el.updateComplete;
    });
    expect(alertText(el).join(' ')).to.contain('ties[0].target: there is no actor “mars”.');

    // Ties set before their actors: taken once the actors are there, and the error goes.
    el.actors = [...smallActors, { id: 'mars', name: 'Mars Club', sector: 'culture' }];
    await el.updateComplete;
    expect(alertText(el)).to.deep.equal([]);
    expect(levelOf(el, 'town', 'mars')).to.equal(2);

    // A whole map replaces whatever was refused before it.
    await captureConsoleErrors(async () => {
      el.ties = [{ source: 'town', target: 'harbour', level: 2, independent: false }];
      await el.updateComplete;
    });
    expect(alertText(el).join(' ')).to.contain('there is no actor “harbour”');
    el.data = { actors: smallActors, ties: smallTies };
    await el.updateComplete;
    expect(alertText(el)).to.deep.equal([]);
    expect(el.ties).to.deep.equal(smallTies);
  });

  it('shows what is wrong with an import, changes nothing, and keeps the pasted text', async () => {
    const el = await matrix();
    const seen = countChanges(el);
    await openPanel(el, 'data');
    const area = $<HTMLTextAreaElement>(el, '#import-text')!;
    const cases: Array<[string, string]> = [
      [
        JSON.stringify({ actors: smallActors, ties: [{ source: 'town', target: 'mars', level: 1 }] }),
        'ties[0].target: there is no actor “mars”.',
      ],
      [
        JSON.stringify({ actors: [...smallActors, { id: 'bank', name: 'Another bank', sector: 'culture' }] }),
        'actors[4].id: the actor id “bank” is used twice (first at actors[2].id).',
      ],
      [
        JSON.stringify({ actors: [...smallActors, { id: 'bank-2', name: 'SAVINGS BANK ', sector: 'culture' }] }),
        'actors[4].name: the name “SAVINGS BANK” is the same as “Savings Bank” at actors[2].name',
      ],
      [
        JSON.stringify({ actors: smallActors, ties: [{ source: 'town', target: 'bank', level: 7 }] }),
        'ties[0].level: the level must be a whole number from 0 to 4, not 7.',
      ],
      ['{"actors": [', 'The text is not valid JSON'],
    ];
    await captureConsoleErrors(async () => {
      for (const [text, problem] of cases) {
        fill(area, text);
        $<HTMLButtonElement>(el, '#import')!.click();
        await el.updateComplete;
        const alert = alertText(el).join(' ');
        expect(alert).to.contain('Nothing was changed: the data has problems.');
        expect(alert).to.contain(problem);
        expect($<HTMLTextAreaElement>(el, '#import-text')!.value, 'the pasted text is kept').to.equal(text);
        expect($<HTMLTextAreaElement>(el, '#import-text')!.getAttribute('aria-invalid')).to.equal('true');
      }
    });
    expect(el.actors).to.deep.equal(smallActors);
    expect(el.ties).to.deep.equal(smallTies);
    expect(seen.change).to.equal(0);
  });

  it('reports a bad attribute in place and in the console', async () => {
    const errors = await captureConsoleErrors(async () => {
      const el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix
          layout="table"
          endpoint="javascript:alert(1)"
          heading-level="9"
          locale="not a locale!"
          .actors=${smallActors}
          .ties=${smallTies}
        ></lc-partnership-matrix>`,
      );
      const text = alertText(el).join(' ');
      expect(text).to.contain('layout must be "auto", "grid" or "list"');
      expect(text).to.contain('endpoint must be an http(s) URL, not "javascript:"');
      expect(text).to.contain('heading-level must be 2 to 6');
      expect(text).to.contain('locale must be a language tag');
      expect($(el, '[part="base"]')!.getAttribute('lang'), 'the bad locale is not used').to.equal('en');
      expect($(el, '.numbers')!.textContent).to.contain('33%');
      expect($(el, 'h3'), 'falls back to a level-3 heading').to.exist;
      expect($(el, '[part~="submit"]'), 'no send button for a bad endpoint').to.not.exist;
    });
    expect(errors.some((e) => e.includes('<lc-partnership-matrix> layout'))).to.be.true;
    expect(errors.some((e) => e.includes('<lc-partnership-matrix> endpoint'))).to.be.true;
  });

  it('marks a problem, said in English for the developer, as English in an Arabic element', async () => {
    await captureConsoleErrors(async () => {
      const el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix
          draft-key=${uid()}
          layout="table"
          locale="ar"
          .actors=${smallActors}
        ></lc-partnership-matrix>`,
      );
      const quoted = $(el, '[role="alert"] [lang]')!;
      expect([quoted.getAttribute('lang'), quoted.getAttribute('dir')]).to.deep.equal(['en', 'ltr']);
      expect(quoted.textContent).to.equal('layout must be "auto", "grid" or "list"');
      await expect(el).to.be.accessible();
    });
  });
});

describe('<lc-partnership-matrix> src', () => {
  it('loads actors and ties from a JSON file', async () => {
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix
        draft-key=${uid()}
        layout="grid"
        src="/test/fixtures/partnerships-small.json"
      ></lc-partnership-matrix>`,
    );
    await waitFor(() => el.actors.length === 3, 'the actors from the file');
    await el.updateComplete;
    expect(el.ties).to.have.length(2);
    expect(cellAt(el, 1, 2).getAttribute('aria-label')).to.equal(
      'City College, Savings Bank, 2 Joint activity, without a public authority',
    );
  });

  it('names what is wrong with a bad file, or a missing one', async () => {
    const errors = await captureConsoleErrors(async () => {
      const bad = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix
          draft-key=${uid()}
          src="/test/fixtures/partnerships-bad.json"
        ></lc-partnership-matrix>`,
      );
      await waitFor(() => alertText(bad).length, 'a message about the file');
      const text = alertText(bad).join(' ');
      expect(text).to.contain(
        'The partnership map at /test/fixtures/partnerships-bad.json could not be loaded: it has problems.',
      );
      expect(text).to.contain('ties[0].target: there is no actor “harbour”.');
      expect(text).to.contain('ties[0].level: the level must be a whole number from 0 to 4, not 5.');
      const missing = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix draft-key=${uid()} src="/test/fixtures/no-such-file.json"></lc-partnership-matrix>`,
      );
      await waitFor(() => alertText(missing).length, 'a message about the missing file');
      expect(alertText(missing).join(' ')).to.contain('HTTP 404');
    });
    expect(errors.some((e) => e.includes('<lc-partnership-matrix> src'))).to.be.true;
  });
});

describe('<lc-partnership-matrix> actors', () => {
  it('adds an actor from the keyboard, with an id made from its name, and refuses an empty name', async () => {
    const el = await matrix();
    const seen = countChanges(el);
    await openPanel(el, 'actors');
    $<HTMLInputElement>(el, '#add-name')!.focus();
    await press('Enter');
    await el.updateComplete;
    expect($(el, '#add-error')!.textContent).to.equal('Give the actor a name.');
    expect($(el, '#add-name')!.getAttribute('aria-invalid')).to.equal('true');
    // The line says the name's problem: it describes the name, not the sector beside it too.
    expect($(el, '#add-name')!.getAttribute('aria-describedby')).to.equal('add-error');
    expect($(el, '#add-sector')!.hasAttribute('aria-describedby'), 'the sector not described by it').to.be.false;
    expect(el.actors).to.have.length(4);

    await sendKeys({ type: 'Choir & Co' });
    // No sector chosen for the person (a default would count a choir as a public authority).
    await press('Enter');
    await el.updateComplete;
    expect($(el, '#add-error')!.textContent).to.equal(
      'Choose the actor’s sector: it decides what counts as working without a public authority.',
    );
    const sector = $<HTMLSelectElement>(el, '.add select')!;
    await waitFor(() => focused(el) === sector, 'the focus on the sector');
    expect(sector.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#add-name')!.getAttribute('aria-invalid')).to.equal('false');
    expect(sector.getAttribute('aria-describedby')).to.equal('add-error');
    expect($(el, '#add-name')!.hasAttribute('aria-describedby'), 'the name not described by it').to.be.false;
    expect(el.actors).to.have.length(4);
    sector.value = 'culture';
    sector.dispatchEvent(new Event('change'));
    $<HTMLInputElement>(el, '#add-name')!.focus();
    await press('Enter');
    await el.updateComplete;
    expect(el.actors[4]).to.deep.equal({ id: 'choir-co', name: 'Choir & Co', sector: 'culture' });
    expect($<HTMLInputElement>(el, '#add-name')!.value).to.equal('');
    expect(focused(el)!.id, 'focus stays in the name field for the next one').to.equal('add-name');
    expect($$(el, '[role="gridcell"]')).to.have.length(25);
    expect($(el, '[part="notice"]')!.textContent).to.equal('Added Choir & Co.');
    expect(seen.change).to.equal(1);
    // The next actor asks for its own sector: a bank added next is not filed under culture.
    expect(sector.value, 'no sector carried over').to.equal('');
    await sendKeys({ type: 'Bank' });
    await press('Enter');
    await el.updateComplete;
    expect(el.actors, 'not added without its own sector').to.have.length(5);
    expect($(el, '#add-error')!.textContent).to.contain('Choose the actor’s sector');
  });

  it('renames an actor, and keeps an empty name in the field with a message instead of losing it', async () => {
    const el = await matrix();
    await openPanel(el, 'actors');
    const input = $$<HTMLInputElement>(el, '.actor-list input')[1]!;
    input.value = 'College of the North';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.actors[1]!.name).to.equal('College of the North');
    expect(cellAt(el, 1, 0).getAttribute('aria-label')).to.contain('College of the North, Town hall');
    expect($$(el, '[role="columnheader"]')[2]!.textContent!.trim()).to.equal('College of the North');

    input.value = '   ';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.actors[1]!.name).to.equal('College of the North');
    expect($$<HTMLInputElement>(el, '.actor-list input')[1]!.value).to.equal('   ');
    expect($(el, '#rename-1')!.textContent).to.equal('Give the actor a name.');
  });

  it('refuses to add an actor whose name another has (case and spacing aside), says so, and keeps what was typed', async () => {
    const el = await matrix();
    const seen = countChanges(el);
    await openPanel(el, 'actors');
    const sector = $<HTMLSelectElement>(el, '#add-sector')!;
    sector.value = 'culture';
    sector.dispatchEvent(new Event('change'));
    $<HTMLInputElement>(el, '#add-name')!.focus();
    await sendKeys({ type: '  savings  BANK ' });
    await press('Enter');
    await el.updateComplete;
    const message =
      'There is already an actor called Savings Bank. Names that differ only in letter case or spacing count as the same.';
    expect($(el, '#add-error')!.textContent).to.equal(message);
    const name = $<HTMLInputElement>(el, '#add-name')!;
    expect(name.value, 'what was typed is kept').to.equal('  savings  BANK ');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(name.getAttribute('aria-describedby')).to.equal('add-error');
    expect(focused(el), 'the focus stays in the field').to.equal(name);
    // Said, politely, where the element says what an edit did.
    expect($(el, '[part="notice"]')!.getAttribute('role')).to.equal('status');
    expect($(el, '[part="notice"]')!.textContent).to.equal(message);
    expect(el.actors).to.deep.equal(smallActors);
    expect(seen.change).to.equal(0);
    await expect(el).to.be.accessible();

    // Another name goes in.
    await sendKeys({ type: 'North' });
    await press('Enter');
    await el.updateComplete;
    expect(el.actors.map((a) => a.name)).to.include('savings  BANK North');
    expect($(el, '#add-error')!.textContent).to.equal('');
    expect(seen.change).to.equal(1);
  });

  it('says every refused name in its status line too, not only in the field the focus is already in', async () => {
    const el = await matrix();
    await openPanel(el, 'actors');
    const sector = $<HTMLSelectElement>(el, '#add-sector')!;
    sector.value = 'culture';
    sector.dispatchEvent(new Event('change'));
    $<HTMLInputElement>(el, '#add-name')!.focus();
    await press('Enter');
    await el.updateComplete;
    expect($(el, '#add-error')!.textContent).to.equal('Give the actor a name.');
    expect($(el, '[part="notice"]')!.textContent).to.equal('Give the actor a name.');
    const input = $$<HTMLInputElement>(el, '.actor-list input')[1]!;
    input.value = 'x'.repeat(201);
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($(el, '[part="notice"]')!.textContent).to.equal('A name can have at most 200 characters.');
    input.value = ' ';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($(el, '[part="notice"]')!.textContent).to.equal('Give the actor a name.');
    await expect(el).to.be.accessible();
  });

  it('refuses to rename an actor to another’s name, keeps the name typed in its field, and takes its own name in other letters', async () => {
    const el = await matrix();
    const seen = countChanges(el);
    await openPanel(el, 'actors');
    const input = $$<HTMLInputElement>(el, '.actor-list input')[2]!;
    input.value = 'TOWN HALL';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const message =
      'There is already an actor called Town hall. Names that differ only in letter case or spacing count as the same.';
    expect($(el, '#rename-2')!.textContent).to.equal(message);
    expect($$<HTMLInputElement>(el, '.actor-list input')[2]!.value).to.equal('TOWN HALL');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('rename-2');
    expect($(el, '[part="notice"]')!.textContent).to.equal(message);
    expect(el.actors[2]!.name, 'the matrix keeps the old name').to.equal('Savings Bank');
    expect(seen.change).to.equal(0);
    await expect(el).to.be.accessible();

    // The same actor's own name, in other letters: a rename like any other.
    input.value = 'SAVINGS BANK';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.actors[2]!.name).to.equal('SAVINGS BANK');
    expect($(el, '#rename-2')!.textContent).to.equal('');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(seen.change).to.equal(1);
  });

  for (const [locale, message] of [
    [
      'da',
      'Der er allerede en aktør, der hedder Savings Bank. Navne, der kun adskiller sig ved store og små bogstaver eller mellemrum, regnes for det samme.',
    ],
    [
      'de',
      'Es gibt schon einen Akteur namens Savings Bank. Namen, die sich nur in Groß- und Kleinschreibung oder Leerzeichen unterscheiden, gelten als gleich.',
    ],
    [
      'ar',
      'توجد بالفعل جهة باسم \u2068Savings Bank\u2069. الأسماء التي لا تختلف إلا في حالة الأحرف أو المسافات تُعدّ اسماً واحداً.',
    ],
  ] as const) {
    it(`says why a name is refused in ${locale}, and passes axe`, async () => {
      const el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix
          draft-key=${uid()}
          layout="grid"
          locale=${locale}
          .actors=${smallActors}
        ></lc-partnership-matrix>`,
      );
      await el.updateComplete;
      await openPanel(el, 'actors');
      const input = $$<HTMLInputElement>(el, '.actor-list input')[0]!;
      input.value = 'savings bank';
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect($(el, '#rename-0')!.textContent).to.equal(message);
      expect($(el, '[part="notice"]')!.textContent).to.equal(message);
      await expect(el).to.be.accessible();
    });
  }

  it('removes an actor with its ties, and Undo puts both back', async () => {
    const el = await matrix();
    await openPanel(el, 'actors');
    const before = { actors: el.actors, ties: el.ties };
    $$<HTMLButtonElement>(el, '.actor-list button')[0]!.click();
    await el.updateComplete;
    expect(el.actors.map((a) => a.id)).to.deep.equal(['college', 'bank', 'club']);
    expect(levelOf(el, 'town', 'college')).to.equal(0);
    expect($(el, '[part="notice"]')!.textContent).to.equal('Removed Town hall and its 1 tie.');
    expect(focused(el)!.id, 'focus moves to Undo').to.equal('undo');
    expect($$(el, '[role="gridcell"]')).to.have.length(9);

    await press('Enter');
    await el.updateComplete;
    expect(el.actors).to.deep.equal(before.actors);
    expect(el.ties).to.deep.equal(before.ties);
    expect($(el, '#undo')).to.not.exist;
    expect($(el, '[part="notice"]')!.textContent).to.equal('Restored Town hall.');

    // An actor without ties: no "and its 0 ties".
    $$<HTMLButtonElement>(el, '.actor-list button')[0]!.click();
    await el.updateComplete;
    $$<HTMLButtonElement>(el, '.actor-list button')[0]!.click(); // City College, no tie left
    await el.updateComplete;
    expect($(el, '[part="notice"]')!.textContent).to.equal('Removed City College.');
  });

  it('removes one actor for a double press of its Remove: the rows move under the second press', async () => {
    const el = await matrix(actorsOf(6), []);
    await openPanel(el, 'actors');
    const remove = $$<HTMLButtonElement>(el, '.actor-list button[data-kind="remove"]')[3]!;
    remove.scrollIntoView({ block: 'center' });
    const box = remove.getBoundingClientRect();
    const at: [number, number] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
    // Two presses where the button was, a moment apart, as a finger's double tap (the second
    // lands after the Undo line has pushed the list down).
    await sendMouse({ type: 'click', position: at });
    await el.updateComplete;
    await sendMouse({ type: 'click', position: at });
    await el.updateComplete;
    expect(el.actors.map((a) => a.name)).to.deep.equal(['Actor 1', 'Actor 2', 'Actor 3', 'Actor 5', 'Actor 6']);
    // The second click of a double-click too (its detail is 2), however late it comes.
    $$<HTMLButtonElement>(el, '.actor-list button[data-kind="remove"]')[0]!.dispatchEvent(
      new MouseEvent('click', { bubbles: true, detail: 2 }),
    );
    await el.updateComplete;
    expect(el.actors, 'nothing removed by a second click').to.have.length(5);
    await sendMouse({ type: 'move', position: [0, 0] });
    // A keyboard user's next Remove, pressed at once on another actor's button (the focus went to
    // Undo and was brought there on purpose): it removes that actor.
    $$<HTMLButtonElement>(el, '.actor-list button[data-kind="remove"]')[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.actors.map((a) => a.name)).to.deep.equal(['Actor 2', 'Actor 3', 'Actor 5', 'Actor 6']);
    $$<HTMLButtonElement>(el, '.actor-list button[data-kind="remove"]')[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(
      el.actors.map((a) => a.name),
      'a second key press, as soon',
    ).to.deep.equal(['Actor 3', 'Actor 5', 'Actor 6']);
  });

  it('puts back every actor removed, the last first, with one Undo each', async () => {
    const el = await matrix();
    await openPanel(el, 'actors');
    const before = { actors: el.actors, ties: el.ties };
    const remove = (name: string) =>
      $$<HTMLButtonElement>(el, '.actor-list button[data-kind="remove"]')
        .find((b) => b.getAttribute('aria-label')!.includes(name))!
        .click();
    remove('Town hall');
    await el.updateComplete;
    remove('Savings Bank');
    await el.updateComplete;
    expect(el.actors.map((a) => a.id)).to.deep.equal(['college', 'club']);
    expect($(el, '.undo > span')!.textContent).to.equal('Removed Savings Bank and its 1 tie.');

    $<HTMLButtonElement>(el, '#undo')!.click();
    await el.updateComplete;
    expect(el.actors.map((a) => a.id)).to.deep.equal(['college', 'bank', 'club']);
    expect($(el, '.undo > span')!.textContent, 'the earlier removal is still offered').to.equal(
      'Removed Town hall and its 1 tie.',
    );
    $<HTMLButtonElement>(el, '#undo')!.click();
    await el.updateComplete;
    expect(el.actors).to.deep.equal(before.actors);
    expect(el.ties).to.deep.equal(before.ties);
    expect($(el, '#undo')).to.not.exist;
  });

  it('says how many rows the grid has, and where each row is, with rows out of view left out of the tree', async () => {
    // Rows out of view are skipped (content-visibility), and Chromium leaves them out of the
    // accessibility tree: the grid's count and each row's index keep "row 40 of 61" true.
    const el = await matrix(actorsOf(6), []);
    const indices = () => $$(el, '[role="row"]').map((row) => row.getAttribute('aria-rowindex'));
    expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('7');
    expect(indices()).to.deep.equal(['1', '2', '3', '4', '5', '6', '7']);
    await openPanel(el, 'actors');
    $$<HTMLButtonElement>(el, '.actor-list button[data-kind="remove"]')[1]!.click();
    await el.updateComplete;
    // Keyed rows stay in place, and say their new place.
    expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('6');
    expect(indices()).to.deep.equal(['1', '2', '3', '4', '5', '6']);
  });

  it('keeps the other actors’ rows as they are when one is removed and put back (list, grid and ties list)', async () => {
    // Keyed by actor: with 60 actors, a removal that rewrote every later row took a third of a second.
    const el = await matrix(actorsOf(6), []);
    await openPanel(el, 'actors');
    const rows = () => {
      const items = $$(el, '.actor-list li');
      const grid = $$(el, '[role="row"]:not(.head)');
      return new Map(
        el.actors.map((a, i) => [a.id, { item: items[i]!, row: grid[i]!, input: items[i]!.querySelector('input')! }]),
      );
    };
    const before = rows();
    $$<HTMLButtonElement>(el, '.actor-list button[data-kind="remove"]')[2]!.click();
    await el.updateComplete;
    expect(focused(el)!.id, 'focus moves to Undo').to.equal('undo');
    const removed = [...before.keys()][2]!;
    const after = rows();
    expect([...after.keys()]).to.deep.equal([...before.keys()].filter((id) => id !== removed));
    for (const [id, nodes] of after) {
      expect(nodes.item, `${id}: its list item`).to.equal(before.get(id)!.item);
      expect(nodes.input, `${id}: its name field`).to.equal(before.get(id)!.input);
      expect(nodes.row, `${id}: its grid row`).to.equal(before.get(id)!.row);
    }
    // Each row still says what it is now: its number, and its cells for five actors.
    expect(after.get([...after.keys()][2]!)!.input.getAttribute('aria-label')).to.equal('Name of actor 3');
    expect($$(el, '[role="gridcell"]')).to.have.length(25);

    $<HTMLButtonElement>(el, '#undo')!.click();
    await el.updateComplete;
    expect(focused(el), 'focus on the name of the actor put back').to.equal(
      $(el, `.actor-list li[data-id="${removed}"] input`),
    );
    const restored = rows();
    expect([...restored.keys()]).to.deep.equal([...before.keys()]);
    for (const [id, nodes] of restored) {
      if (id === removed) continue;
      expect(nodes.item, `${id}: its list item`).to.equal(before.get(id)!.item);
      expect(nodes.row, `${id}: its grid row`).to.equal(before.get(id)!.row);
    }
    expect($$(el, '[role="gridcell"]')).to.have.length(36);

    // The list's ties of one actor: the others' rows stay too.
    el.layout = 'list';
    await el.updateComplete;
    const ties = () => new Map($$(el, 'ul.ties li').map((li) => [li.querySelector('label')!.textContent, li]));
    const shown = ties();
    $$<HTMLButtonElement>(el, '.actor-list button[data-kind="remove"]')[3]!.click();
    await el.updateComplete;
    const left = ties();
    expect(left.size).to.equal(shown.size - 1);
    for (const [name, li] of left) expect(li, `${name}: its row in the list`).to.equal(shown.get(name));
  });

  it('gives an actor added after a removal an id of its own, so Undo still puts the removed one back', async () => {
    // Ids as the element makes them from names: a new "Town hall" would be "town-hall" too.
    const el = await matrix(
      [{ id: 'town-hall', name: 'Town hall', sector: 'public-authority' }, ...smallActors.slice(1)],
      [{ source: 'town-hall', target: 'college', level: 3, independent: false }],
    );
    await openPanel(el, 'actors');
    $$<HTMLButtonElement>(el, '.actor-list button[data-kind="remove"]')[0]!.click();
    await el.updateComplete;
    fill($<HTMLInputElement>(el, '#add-name')!, 'Town hall');
    const sector = $<HTMLSelectElement>(el, '#add-sector')!;
    sector.value = 'public-authority';
    sector.dispatchEvent(new Event('change'));
    $<HTMLFormElement>(el, 'form.add')!.requestSubmit();
    await el.updateComplete;
    expect(el.actors.map((a) => a.name)).to.deep.equal(['City College', 'Savings Bank', 'Sport Club', 'Town hall']);
    const added = el.actors.at(-1)!;
    expect(added.id, 'not the removed actor’s id').to.equal('town-hall-2');
    $<HTMLButtonElement>(el, '#undo')!.click();
    await el.updateComplete;
    expect(el.actors.map((a) => a.id)).to.deep.equal(['town-hall', 'college', 'bank', 'club', 'town-hall-2']);
    expect(levelOf(el, 'town-hall', 'college'), 'with its tie').to.equal(3);
  });

  it('keeps a rename being typed through a render before it is taken, and Escape gives it up', async () => {
    const el = await matrix();
    await openPanel(el, 'actors');
    const input = () => $$<HTMLInputElement>(el, '.actor-list input[data-kind="name"]')[1]!;
    input().focus();
    await press('End');
    await sendKeys({ type: ' of Technology' });
    // Anything that renders the element meanwhile (a turned window, a submission's news, the
    // page's ties set from code) leaves it as typed.
    el.requestUpdate();
    await el.updateComplete;
    expect(input().value).to.equal('City College of Technology');
    el.ties = [...smallTies, { source: 'bank', target: 'town', level: 1, independent: false }];
    await el.updateComplete;
    expect(input().value).to.equal('City College of Technology');
    expect(document.activeElement === el && focused(el) === input(), 'still typing').to.be.true;
    expect(el.actors[1]!.name, 'not taken yet').to.equal('City College');
    input().focus();
    input().dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.actors[1]!.name).to.equal('City College of Technology');

    // Escape gives up what is typed: the actor's name is back in the field.
    input().focus();
    await sendKeys({ type: ' North' });
    el.requestUpdate();
    await el.updateComplete;
    expect(input().value).to.equal('City College of Technology North');
    await press('Escape');
    await el.updateComplete;
    expect(input().value).to.equal('City College of Technology');
    el.requestUpdate();
    await el.updateComplete;
    expect(input().value).to.equal('City College of Technology');
    expect(el.actors[1]!.name).to.equal('City College of Technology');
  });

  it('a public-sector that is not one of its sectors (a typo, a blank): said, and no share outside it is computed', async () => {
    const actors = [
      { id: 'hall', name: 'Town hall', sector: 'public-authority' },
      { id: 'college', name: 'College', sector: 'education' },
    ];
    const ties = [{ source: 'hall', target: 'college', level: 2 as const, independent: false }];
    const el = await matrix(actors, ties);
    expect(el.figures.outsidePublicShare, 'the default: the tie is with the town hall').to.equal(0);
    for (const value of ['public-authorities', '  ']) {
      const errors = await captureConsoleErrors(async () => {
        el.setAttribute('public-sector', value);
        await el.updateComplete;
      });
      const said = 'public-sector must be one of the sectors (public-authority, education, business-finance, ';
      expect(alertText(el).join(' '))
        .to.contain(said)
        .and.to.contain(`citizens-group), not "${value.replace(/\s+/g, ' ')}"`);
      expect(errors.join('\n')).to.contain('public-sector: must be one of the sectors (public-authority, ');
      expect(el.figures.outsidePublicShare, `not 1 for "${value}"`).to.equal(null);
    }
    el.setAttribute('public-sector', 'education');
    await el.updateComplete;
    expect(alertText(el)).to.deep.equal([]);
    expect(el.figures.outsidePublicShare, 'a sector it has').to.equal(0);
    // A host's own sectors without a public authority, the attribute not set: nothing to say, no share.
    el.removeAttribute('public-sector');
    el.sectors = [{ id: 'public-authority-x' }, { id: 'education' }];
    await el.updateComplete;
    expect(alertText(el).join(' ')).not.to.contain('public-sector');
  });

  it('offers the default sectors with localized labels, or the host’s own list', async () => {
    const el = await matrix();
    await openPanel(el, 'actors');
    expect($$(el, '.add select option').map((o) => o.textContent!.trim())).to.deep.equal([
      'Choose a sector',
      'Public authority',
      'Education',
      'Business and finance',
      'Civil society and sport',
      'Culture',
      'Health and social care',
      'Citizens’ group',
    ]);
    el.locale = 'de';
    await el.updateComplete;
    expect($$(el, '.add select option')[3]!.textContent!.trim()).to.equal('Wirtschaft und Finanzen');
    el.sectors = [{ id: 'municipality', label: 'Municipality' }, { id: 'education' }];
    await el.updateComplete;
    expect($$(el, '.add select option').map((o) => o.textContent!.trim())).to.deep.equal([
      'Sektor wählen',
      'Municipality',
      'Bildung',
    ]);
  });
});
