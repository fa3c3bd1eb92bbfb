// <lc-results>: loading, validation, figures, anonymity, comparison and exports. The fixtures in
// test/fixtures/results-*.json are served by the test runner; the figures expected below are
// worked out by hand from the answers listed here (the same answers produced the fixtures).
//
// 2026-spring (community test-town), answers per perspective:
//   initiatives          citizen 0 1 1 2 1 (1.0)        authority 1 2 2 2 3 (2.0)      overall 15/10 = 1.5
//   trust                citizen 1 1 2 1 0 ? (1.0)      authority 3 4 3 4 3 (3.4)
//                        business 2 2 3 ? 2 (4 with a level: hidden at min-group 5; 9/4 = 2.25)
//                        3 answers without a perspective: 4 3 2
//                        overall 40/17 = 2.35, 19 answers, 2 "don't know" (2/19 = 11 %)
//   inclusion            citizen 2 2 2 2 2 (2.0)        authority 2 2 2 3 2 (2.2)      overall 21/10 = 2.1
//   community-mentality  citizen 3 3 4 3 3 ? ? (3.2)    authority 3 3 3 2 3 (2.8)      overall 30/10 = 3.0, 12 answers, 2 "don't know" (17 %)
//   local-pride          citizen 4 4 4 4 4 (not in the criteria set: shown by its id)
// 2025-autumn: initiatives 1.5, trust 2.0, inclusion 2.5 (10 answers each, 5 per perspective).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/community/define.js';
import '../src/components/results/define.js';
import type { LcResults } from '../src/components/results/lc-results.js';
import { roundUrl } from '../src/components/results/lc-results.js';
import { msg as resultsMsg, strings as resultsStrings } from '../src/components/results/strings.js';
import { groupStats, type Results } from '../src/core/results.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import { captureConsoleErrors, newBucket, seedReference, setFaults, waitFor } from './support/helpers.js';

const SPRING = '/test/fixtures/results-2026-spring.json';
const AUTUMN = '/test/fixtures/results-2025-autumn.json';

async function ready(el: LcResults): Promise<LcResults> {
  await waitFor(() => el.shadowRoot!.querySelector('table, [role="alert"]'), 'results or an error');
  await el.updateComplete;
  return el;
}

function rowText(el: LcResults, table: string, criterion: string): string[] {
  const row = el.shadowRoot!.querySelector(`${table} tr[data-criterion="${criterion}"]`)!;
  return [...row.querySelectorAll('th, td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
}

function alerts(el: LcResults): string[] {
  return [...el.shadowRoot!.querySelectorAll('[role="alert"]')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim());
}

/** The chart on the page. */
const live = (el: LcResults) => el.shadowRoot!.querySelector<SVGSVGElement>('svg.chart')!;

async function springResults(): Promise<Results> {
  return (await fetch(SPRING)).json();
}

describe('<lc-results> figures', () => {
  it('shows the mean, answers and "don\'t know" share per criterion, in the criteria set\'s order', async () => {
    const el = await ready(await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en"></lc-results>`));
    const rows = [...el.shadowRoot!.querySelectorAll('table.figures tbody tr')].map((r) =>
      r.getAttribute('data-criterion'),
    );
    expect(rows).to.deep.equal(['initiatives', 'trust', 'inclusion', 'community-mentality', 'local-pride']);
    expect(rowText(el, 'table.figures', 'initiatives')).to.deep.equal(['Taking initiatives', '1.5', '10', '0% (0)']);
    // "Don't know" is a share of its own and never counted in the mean (40/19 would be 2.1).
    expect(rowText(el, 'table.figures', 'trust')).to.deep.equal(['Trust', '2.4', '19', '11% (2)']);
    expect(rowText(el, 'table.figures', 'inclusion')).to.deep.equal(['Inclusion in practice', '2.1', '10', '0% (0)']);
    expect(rowText(el, 'table.figures', 'community-mentality')).to.deep.equal([
      'Community mentality',
      '3.0',
      '12',
      '17% (2)',
    ]);
    // An id the criteria set does not know is shown as it is.
    expect(rowText(el, 'table.figures', 'local-pride')).to.deep.equal(['local-pride', '4.0', '5', '0% (0)']);
    const caption = el.shadowRoot!.querySelector('table.figures caption')!.textContent!;
    expect(caption).to.contain('round 2026-spring');
    expect(el.shadowRoot!.querySelectorAll('table.figures thead th[scope="col"]')).to.have.length(4);
    expect(el.shadowRoot!.querySelectorAll('table.figures tbody th[scope="row"]')).to.have.length(5);
  });

  it('shows gaps as the difference of the means it shows, and lists no gap that reads 0.0', async () => {
    // trust: citizens 10/6 = 1.67, shown 1.7; authorities 14/6 = 2.33, shown 2.3: the gap reads 0.6
    // (not 0.7, the unrounded 0.67). inclusion: 2.0 and 51/25 = 2.04, both shown 2.0: no gap.
    const el = await ready(
      await fixture<LcResults>(html`<lc-results src="/test/fixtures/results-rounding.json" locale="en"></lc-results>`),
    );
    expect(rowText(el, 'table.by-perspective', 'trust')).to.deep.equal([
      'Trust',
      '1.7, 6 with a level',
      '2.3, 6 with a level',
      '0.6',
    ]);
    expect(rowText(el, 'table.by-perspective', 'inclusion').at(-1)).to.equal('0.0');
    const items = [...el.shadowRoot!.querySelectorAll('.gaps li')];
    expect(items.map((li) => li.getAttribute('data-criterion'))).to.deep.equal(['trust']);
    expect(items[0]!.querySelector('.gap')!.textContent).to.contain('0.6');
  });

  it('shows the means per perspective and lists the largest gaps first, each with a prompt', async () => {
    const el = await ready(await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en"></lc-results>`));
    const headers = [...el.shadowRoot!.querySelectorAll('table.by-perspective thead th')].map((t) =>
      t.textContent!.trim(),
    );
    expect(headers).to.deep.equal(['Criterion', 'Citizens', 'Authorities', 'Businesses', 'Gap']);
    expect(rowText(el, 'table.by-perspective', 'trust')).to.deep.equal([
      'Trust',
      '1.0, 5 with a level, 1 don’t know',
      '3.4, 5 with a level',
      'hidden',
      '2.4',
    ]);
    const items = [...el.shadowRoot!.querySelectorAll('.gaps li')];
    // trust 3.4 − 1.0 = 2.4; initiatives 2.0 − 1.0 = 1.0; community-mentality 3.2 − 2.8 = 0.4; inclusion 2.2 − 2.0 = 0.2
    expect(items.map((li) => li.getAttribute('data-criterion'))).to.deep.equal([
      'trust',
      'initiatives',
      'community-mentality',
      'inclusion',
    ]);
    const first = items[0]!;
    expect(first.querySelector('.sentence')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Citizens rate “Trust” 1.0, authorities 3.4.',
    );
    expect(first.querySelector('.gap')!.textContent).to.contain('2.4');
    // The prompt is the criterion's first reflective prompt.
    const trust = commonCriteriaEn.criteria.find((c) => c.id === 'trust')!;
    expect(first.querySelector('.prompt')!.textContent!.trim()).to.equal(trust.prompts[0]);
    expect(items[2]!.querySelector('.sentence')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Authorities rate “Community mentality” 2.8, citizens 3.2.',
    );
    // Each mean says what it is made of: answers with a level, and "don't know" besides.
    expect(first.querySelector('.answers')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Citizens: 5 with a level, 1 don’t know; authorities: 5 with a level.',
    );
  });

  // community-mentality, citizens: 3 3 4 3 3 and two "don't know": a mean of 16/5 = 3.2 over 5
  // answers, not over the 7 answers the group gave.
  const counts: Record<string, { cell: string; gap: string }> = {
    en: {
      cell: '3.2, 5 with a level, 2 don’t know',
      gap: 'Authorities: 5 with a level; citizens: 5 with a level, 2 don’t know.',
    },
    da: {
      cell: '3,2, 5 med et niveau, 2 ved ikke',
      gap: 'Myndigheder: 5 med et niveau; borgere: 5 med et niveau, 2 ved ikke.',
    },
    de: {
      cell: '3,2, 5 mit einer Stufe, 2-mal „weiß nicht“',
      gap: 'Behörden: 5 mit einer Stufe; Bürgerinnen und Bürger: 5 mit einer Stufe, 2-mal „weiß nicht“.',
    },
    ar: {
      cell: `${new Intl.NumberFormat('ar', { minimumFractionDigits: 1 }).format(3.2)}، ${(5).toLocaleString('ar')} إجابات بمستوى، «لا أعرف»: ${(2).toLocaleString('ar')}`,
      gap: `السلطات: ${(5).toLocaleString('ar')} إجابات بمستوى؛ المواطنون: ${(5).toLocaleString('ar')} إجابات بمستوى، «لا أعرف»: ${(2).toLocaleString('ar')}.`,
    },
  };
  for (const [locale, expected] of Object.entries(counts)) {
    it(`says in ${locale} how many answers a perspective's mean is made of, and how many said "don't know"`, async () => {
      const el = await ready(await fixture<LcResults>(html`<lc-results src=${SPRING} locale=${locale}></lc-results>`));
      // The isolates around inserted text in a right-to-left UI are left out.
      const text = (node: Element) =>
        node
          .textContent!.replace(/[\u2068\u2069]/g, '')
          .replace(/\s+/g, ' ')
          .trim();
      const cell = el.shadowRoot!.querySelector(
        'tr[data-criterion="community-mentality"] td[data-perspective="citizen"]',
      )!;
      expect(text(cell)).to.equal(expected.cell);
      // One count a line, so the column stays narrow.
      expect([...cell.querySelectorAll('.n')].map((n) => getComputedStyle(n).display)).to.deep.equal([
        'block',
        'block',
      ]);
      const gap = el.shadowRoot!.querySelector('.gaps li[data-criterion="community-mentality"] .answers')!;
      expect(text(gap)).to.equal(expected.gap);
    });
  }

  it('lets the host name other perspectives through `strings`', async () => {
    const el = await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en"></lc-results>`);
    el.strings = { 'perspective.citizen': 'residents' };
    await ready(el);
    expect(el.shadowRoot!.querySelector('.gaps li .sentence')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Residents rate “Trust” 1.0, authorities 3.4.',
    );
  });

  it("formats numbers in the element's locale", async () => {
    const el = await ready(await fixture<LcResults>(html`<lc-results src=${SPRING} locale="da"></lc-results>`));
    await waitFor(() => rowText(el, 'table.figures', 'trust')[0] === 'Tillid', 'the Danish criteria');
    expect(rowText(el, 'table.figures', 'trust')).to.deep.equal(['Tillid', '2,4', '19', '11 % (2)']);
    expect(el.shadowRoot!.querySelector('.gaps li .sentence')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Borgere vurderer »Tillid« til 1,0, myndigheder til 3,4.',
    );
  });

  it('fires lc-results-load with the validated results', async () => {
    const el = document.createElement('lc-results');
    const loaded = new Promise<Results>((resolve) =>
      el.addEventListener('lc-results-load', (e) => resolve(e.results), { once: true }),
    );
    el.src = SPRING;
    await fixture(html`<div>${el}</div>`);
    expect((await loaded).round).to.equal('2026-spring');
  });

  it('takes results as a property, validated the same way', async () => {
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    el.results = await springResults();
    await ready(el);
    expect(rowText(el, 'table.figures', 'trust')[1]).to.equal('2.4');
    const errors = await captureConsoleErrors(async () => {
      el.results = { ...(await springResults()), generatedAt: 'yesterday' };
      await el.updateComplete;
    });
    expect(alerts(el).join(' ')).to.contain('generatedAt');
    expect(errors.some((e) => e.includes('<lc-results> results:') && e.includes('generatedAt'))).to.be.true;
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
  });

  it("takes a generatedAt with a UTC offset, as Python's isoformat() writes it, and shows that moment", async () => {
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    const spring = await springResults();
    const format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    for (const generatedAt of ['2026-11-30T15:00:03.205000+00:00', '2026-11-30T16:00:03+01:00']) {
      el.results = { ...spring, generatedAt };
      await ready(el);
      expect(alerts(el), generatedAt).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('table.figures'), generatedAt).to.exist;
      const meta = el.shadowRoot!.querySelector('[part~="meta"]')!.textContent!.replace(/\s+/g, ' ');
      expect(meta).to.contain(format.format(new Date('2026-11-30T15:00:03Z')));
    }
  });

  it('with fewer than three criteria: the table, a note instead of the chart, and no chart toggle', async () => {
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    const spring = await springResults();
    el.results = { ...spring, criteria: spring.criteria.slice(0, 2) };
    await ready(el);
    expect(el.shadowRoot!.querySelector('svg.chart')).to.equal(null);
    expect(el.shadowRoot!.querySelector('#chart .note')!.textContent).to.contain('at least three criteria');
    expect(el.shadowRoot!.textContent).to.contain('The chart needs at least three criteria');
    expect(el.toSVG(), 'no chart to export').to.equal('');
    const buttons = [...el.shadowRoot!.querySelectorAll('[part~="toolbar"] button')].map((b) => b.textContent!.trim());
    expect(buttons, 'nothing to hide or show').to.not.include('Hide chart');
    expect(buttons).to.deep.equal(['Download figures (CSV)']);
    el.results = spring;
    await ready(el);
    const all = [...el.shadowRoot!.querySelectorAll('[part~="toolbar"] button')].map((b) => b.textContent!.trim());
    expect(all).to.include('Hide chart');
  });

  it('says so when nothing is configured and when a round has no answers', async () => {
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    expect(el.shadowRoot!.textContent).to.contain('No results to show yet.');
    el.results = { ...(await springResults()), criteria: [] };
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('No answers yet in round 2026-spring.');
    // As the reference collector answers for a round nobody has answered: every criterion, at 0.
    const none = {
      n: 0,
      levels: [0, 0, 0, 0, 0] as [number, number, number, number, number],
      dontKnow: 0,
      mean: null,
      median: null,
    };
    const spring = await springResults();
    el.results = {
      ...spring,
      criteria: spring.criteria.map((c) => ({ criterion: c.criterion, overall: none, perspectives: {} })),
    };
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('No answers yet in round 2026-spring.');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
  });

  it('keeps a community or round named with bidi controls from reordering the sentence around it', async () => {
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    el.results = { ...(await springResults()), community: 'evil\u202etown', round: 'round-\u05d0' };
    await el.updateComplete;
    const meta = el.shadowRoot!.querySelector('[part="meta"] span')!.textContent!;
    // Each inserted value sits in an isolate (FSI … PDI): its override ends there, not at the line's end.
    expect(meta).to.contain('\u2068evil\u202etown\u2069');
    expect(meta).to.contain('\u2068round-\u05d0\u2069');
    // Plain text in a left-to-right UI is left as it is.
    el.results = await springResults();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="meta"] span')!.textContent).to.not.contain('\u2068');
  });
});

describe('<lc-results> configuration', () => {
  it('takes its locale from the enclosing <lc-community>', async () => {
    const host = await fixture<HTMLElement>(
      html`<lc-community locale="de"><lc-results src=${SPRING}></lc-results></lc-community>`,
    );
    const el = await ready(host.querySelector('lc-results')!);
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('Ergebnisse');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('de');
  });

  it('sets its heading level, its sections one below', async () => {
    const el = await ready(
      await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en" heading-level="3"></lc-results>`),
    );
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.localName).to.equal('h3');
    expect([...el.shadowRoot!.querySelectorAll('[part="subheading"]')].map((h) => h.localName)).to.deep.equal([
      'h4',
      'h4',
    ]);
  });

  it('loads src again on refresh(), and shows the figures the server has now', async () => {
    // The reference collector (real SQLite): two answers, then a third between the loads.
    const community = `results-${Math.random().toString(36).slice(2, 10)}`;
    await seedReference(community, 'r1', [
      ['trust', 4],
      ['trust', 2],
    ]);
    const src = `/__lc/reference/api/results?community=${community}&round=r1`;
    const el = await ready(
      await fixture<LcResults>(html`<lc-results src=${src} min-group="1" locale="en"></lc-results>`),
    );
    expect(rowText(el, 'table.figures', 'trust').slice(1, 3), 'mean, answers').to.deep.equal(['3.0', '2']);
    await seedReference(community, 'r1', [['trust', 0]]);
    el.refresh();
    // The figures shown meanwhile are the old ones (kept on show while it loads): wait for the new.
    await waitFor(() => rowText(el, 'table.figures', 'trust')[2] === '3', 'the third answer');
    expect(rowText(el, 'table.figures', 'trust').slice(1, 3), 'mean, answers').to.deep.equal(['2.0', '3']);
  });

  it('offers "Try again" after a failed load, and tries again when the browser comes back online', async () => {
    const bucket = newBucket('results-retry');
    await setFaults(bucket.name, [{ status: 500 }, { status: 503 }]);
    const src = `/__lc/serve/${bucket.name}?file=test/fixtures/results-2026-spring.json`;
    let el!: LcResults;
    await captureConsoleErrors(async () => {
      el = await fixture<LcResults>(html`<lc-results src=${src} locale="en"></lc-results>`);
      await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'), 'the failed load');
    });
    const retry = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="error"] button');
    expect(retry()!.textContent!.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();
    await captureConsoleErrors(async () => {
      retry()!.click();
      await waitFor(() => el.shadowRoot!.querySelector('[part="error"]')?.textContent?.includes('503'), 'the second');
    });
    // Back online: it tries again on its own.
    window.dispatchEvent(new Event('online'));
    await waitFor(() => el.shadowRoot!.querySelector('tr[data-criterion="trust"]'), 'the figures');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('"Try again" keeps the focus in the element and says when the figures are in', async () => {
    const bucket = newBucket('results-retry-focus');
    // The second answer is slow: the focus can be seen waiting while it loads.
    await setFaults(bucket.name, [{ status: 500 }, { status: 503, stallMs: 1000 }]);
    const src = `/__lc/serve/${bucket.name}?file=test/fixtures/results-2026-spring.json`;
    let el!: LcResults;
    await captureConsoleErrors(async () => {
      el = await fixture<LcResults>(html`<lc-results src=${src} locale="en"></lc-results>`);
      await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'), 'the failed load');
    });
    const focused = () => el.shadowRoot!.activeElement;
    const status = el.shadowRoot!.querySelector('[part="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal('');
    // Pressed, it goes while the figures load: the focus waits on the heading, not on <body>.
    el.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.focus();
    await captureConsoleErrors(async () => {
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focused()?.id).to.equal('heading');
      await waitFor(() => el.shadowRoot!.querySelector('[part="error"]')?.textContent?.includes('503'), 'the second');
    });
    // Failed again: on the new "Try again".
    await waitFor(() => focused()?.classList.contains('retry'), 'the focus on the new "Try again"');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.shadowRoot!.querySelector('tr[data-criterion="trust"]'), 'the figures');
    expect(focused()?.id).to.equal('heading');
    expect(el.shadowRoot!.querySelector('[part="status"]'), 'the same live region').to.equal(status);
    await waitFor(() => status.textContent === 'The results are loaded.', 'the announcement');
    await expect(el).to.be.accessible();
  });

  it('keeps its figures on show while refresh() loads them again, and when that fails', async () => {
    const bucket = newBucket('results-refresh');
    const src = `/__lc/serve/${bucket.name}?file=test/fixtures/results-2026-spring.json`;
    const el = await ready(await fixture<LcResults>(html`<lc-results src=${src} locale="en"></lc-results>`));
    const trust = () => el.shadowRoot!.querySelector('tr[data-criterion="trust"]');
    expect(trust()).to.not.equal(null);
    const errors: Event[] = [];
    el.addEventListener('lc-results-error', (e) => errors.push(e));
    await setFaults(bucket.name, [{ status: 500 }]);
    el.refresh();
    await el.updateComplete;
    expect(trust(), 'still shown while loading').to.not.equal(null);
    await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'), 'the failed refresh');
    await el.updateComplete;
    expect(trust(), 'still shown after the failure').to.not.equal(null);
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('HTTP 500');
    expect(errors).to.have.length(1);
    el.refresh();
    await waitFor(() => !el.shadowRoot!.querySelector('[part="error"]'), 'the error gone once it loads');
    expect(trust()).to.not.equal(null);

    // Another URL is other figures: the old ones are not kept on show while it loads.
    el.src = SPRING;
    await el.updateComplete;
    expect(trust(), 'not the figures of another URL').to.equal(null);
    await waitFor(() => trust(), 'the new figures');
  });
});

describe('<lc-results> anonymity', () => {
  it('hides a group of 4 answers with a level at min-group 5 and says so', async () => {
    const el = await ready(await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en"></lc-results>`));
    const cell = el.shadowRoot!.querySelector('tr[data-criterion="trust"] td[data-perspective="business"]')!;
    expect(cell.textContent!.trim()).to.equal('hidden');
    const note = el.shadowRoot!.querySelector('[part="note"]')!;
    expect(note.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '1 group has fewer than 5 answers with a level and is hidden to protect anonymity.',
    );
    // No figure of the hidden group leaks into the CSV either.
    expect(el.toCSV()).to.contain('trust,Trust,perspective,business,hidden,,,,,,,,,,,,\r\n');
    expect(el.toCSV()).not.to.contain('2.25');
  });

  it('shows the same group at min-group 3', async () => {
    const el = await ready(
      await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en" min-group="3"></lc-results>`),
    );
    const cell = el.shadowRoot!.querySelector('tr[data-criterion="trust"] td[data-perspective="business"]')!;
    // business: 2 2 3 2 → 9/4 = 2.25 → 2.3; 5 answers including one "don't know"
    expect(cell.textContent!.replace(/\s+/g, ' ').trim()).to.equal('2.3, 4 with a level, 1 don’t know');
    expect(el.shadowRoot!.querySelector('[part="note"]')).to.equal(null);
  });

  it("writes the scale's ends in the digits of the locale, as every figure (ar-EG: Arabic-Indic)", async () => {
    const el = await ready(await fixture<LcResults>(html`<lc-results src=${SPRING} locale="ar-EG"></lc-results>`));
    const n = (value: number) => value.toLocaleString('ar-EG');
    const text = (selector: string) => el.shadowRoot!.querySelector(selector)!.textContent!.replace(/\s+/g, ' ');
    expect(text('#table-caption')).to.contain(`(من ${n(0)} إلى ${n(4)})`);
    expect(text('#perspectives-caption')).to.contain(`(من ${n(0)} إلى ${n(4)})`);
    expect(text('#chart-desc')).to.contain(`من ${n(0)} (لم يُعالَج) في المركز إلى ${n(4)} (منهجي)`);
    expect(text('#chart-desc')).to.not.match(/[0-9]/);
  });

  it('gives "answers" the form the threshold needs, not the form of the count of groups', async () => {
    const el = await ready(
      await fixture<LcResults>(html`<lc-results src=${SPRING} locale="ar" min-group="11"></lc-results>`),
    );
    const n = (value: number) => value.toLocaleString('ar');
    const note = el.shadowRoot!.querySelector('[part="note"]')!.textContent!.replace(/\s+/g, ' ');
    // Four criteria have fewer than 11 answers with a level: "4 معايير" (few), "11 إجابة" (many).
    expect(note).to.contain(`لدى ${n(4)} معايير أقل من ${n(11)} إجابة بمستوى محدد إجمالاً؛ أرقامها مخفية.`);
    expect(note).not.to.contain('إجابات');
    const divergence = el.shadowRoot!.querySelector('[part="divergence"] .intro')!.textContent!.trim();
    expect(divergence).to.equal(
      `لا توجد فروق بين وجهات النظر لعرضها: يتطلب ذلك مجموعتين على الأقل لدى كل منهما ${n(11)} إجابة أو أكثر بمستوى محدد.`,
    );
    // A threshold of one takes the singular where the language has one.
    await resultsStrings.load('de');
    expect(resultsMsg('de', 'anonymity.fewer', { count: 1 })).to.equal('weniger als 1 Antwort mit einer Stufe');
    expect(
      resultsMsg('en', 'anonymity.small', { count: 2, fewer: resultsMsg('en', 'anonymity.fewer', { count: 1 }) }),
    ).to.equal('2 groups have fewer than 1 answer with a level and are hidden to protect anonymity.');
  });

  const roundOf = (criteria: Array<[string, Record<string, Array<number | null>>]>): Results => ({
    schema: 'lc-results/1',
    community: 'x',
    round: 'r1',
    generatedAt: '2026-05-01T10:00:00Z',
    criteria: criteria.map(([criterion, groups]) => ({
      criterion,
      overall: groupStats(Object.values(groups).flat()),
      perspectives: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, groupStats(v)])),
    })),
  });
  const text = (node: Element) =>
    node
      .textContent!.replace(/[\u2068\u2069]/g, '')
      .replace(/\s+/g, ' ')
      .trim();

  it('hides one more group when the totals would give a small one away', async () => {
    const crit = (id: string, groups: Record<string, Array<number | null>>) => ({
      criterion: id,
      overall: groupStats(Object.values(groups).flat()),
      perspectives: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, groupStats(v)])),
    });
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    // overall − citizen − authority would be the 4 business answers, so authority (5, smaller
    // than citizen's 6) is hidden too.
    el.results = {
      schema: 'lc-results/1',
      community: 'x',
      round: 'r1',
      generatedAt: '2026-05-01T10:00:00Z',
      criteria: [crit('trust', { citizen: [1, 1, 2, 1, 0, 2], authority: [3, 4, 3, 4, 3], business: [2, 2, 3, 2] })],
    };
    await ready(el);
    const cells = [...el.shadowRoot!.querySelectorAll('tr[data-criterion="trust"] td[data-perspective]')].map((c) =>
      c.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(cells).to.deep.equal(['1.2, 6 with a level', 'hidden', 'hidden']);
    expect(el.shadowRoot!.querySelector('[part="note"]')!.textContent).to.contain(
      '1 more group is hidden so that a small group cannot be worked out from the totals.',
    );
    // With one group left there is no gap to discuss.
    expect(el.shadowRoot!.querySelector('.gaps')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('.divergence .intro')!)).to.equal(
      'There are no differences between perspectives to show: that needs at least two groups with 5 or more answers with a level.',
    );
  });

  it('says where the gap is shown that answers without a perspective are no part of it', async () => {
    // citizens 2.0, authorities 3.0, people who gave no perspective 0.0, in one row: the gap is 1.0.
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    el.results = roundOf([
      ['trust', { citizen: [2, 2, 2, 2, 2, 2], authority: [3, 3, 3, 3, 3, 3], unspecified: [0, 0, 0, 0, 0, 0] }],
    ]);
    await ready(el);
    expect(rowText(el, 'table.by-perspective', 'trust').at(-1)).to.equal('1.0');
    const rule =
      'Gaps are between perspectives only: people who gave no perspective are shown, but are no part of them.';
    const said = el.shadowRoot!.querySelector<HTMLElement>('#perspectives-rule')!;
    expect(text(said)).to.equal(rule);
    expect(said.closest('[part="perspectives"]'), 'beside the table').to.not.equal(null);
    expect(el.shadowRoot!.querySelector('table.by-perspective')!.getAttribute('aria-describedby')).to.equal(
      'perspectives-rule',
    );
    expect(text(el.shadowRoot!.querySelector('.divergence .intro')!)).to.equal(
      `The largest gaps between perspectives come first: good places to start a discussion. ${rule}`,
    );
    await expect(el).to.be.accessible();

    // In the group's name as the host gives it, in the element's language.
    el.strings = { 'perspective.unspecified': 'the others' };
    el.locale = 'da';
    await waitFor(() => text(said).startsWith('Forskellene'), 'the Danish rule');
    expect(text(said)).to.equal(
      'Forskellene regnes kun mellem perspektiverne: the others vises, men indgår ikke i dem.',
    );

    // Without such answers, nothing to say.
    el.strings = undefined;
    el.locale = 'en';
    el.results = roundOf([['trust', { citizen: [2, 2, 2, 2, 2, 2], authority: [3, 3, 3, 3, 3, 3] }]]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#perspectives-rule')).to.equal(null);
    expect(el.shadowRoot!.querySelector('table.by-perspective')!.hasAttribute('aria-describedby')).to.be.false;
    expect(text(el.shadowRoot!.querySelector('.divergence .intro')!)).to.not.contain('no perspective');
  });

  it('says perspectives shown side by side rate alike, not that there are too few of them', async () => {
    // Two perspectives of 6 answers each, with the same mean for every criterion: a gap of 0.0.
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    el.results = roundOf([
      ['trust', { citizen: [2, 2, 2, 2, 2, 2], authority: [2, 2, 2, 2, 2, 2] }],
      ['inclusion', { citizen: [3, 3, 3, 3, 3, 3], authority: [3, 3, 3, 3, 3, 3] }],
    ]);
    await ready(el);
    expect(rowText(el, 'table.by-perspective', 'trust').at(-1)).to.equal('0.0');
    expect(el.shadowRoot!.querySelector('.gaps')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('.divergence .intro')!)).to.equal(
      'Where two or more perspectives are shown, they rate each criterion alike (to one decimal): there are no differences between them to show.',
    );
    await expect(el).to.be.accessible();
  });

  it('shows how many answered when every answer is "don\'t know", without a mean or a hidden note', async () => {
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    const answers = (groups: Record<string, Array<number | null>>) => ({
      overall: groupStats(Object.values(groups).flat()),
      perspectives: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, groupStats(v)])),
    });
    el.results = {
      schema: 'lc-results/1',
      community: 'x',
      round: 'r1',
      generatedAt: '2026-05-01T10:00:00Z',
      criteria: [
        { criterion: 'trust', ...answers({ citizen: [null, null, null], authority: [null, null, null, null] }) },
        { criterion: 'inclusion', ...answers({ citizen: [2, 2, 2, 2, 2], authority: [3, 3, 3, 3, 3] }) },
      ],
    };
    await ready(el);
    // Seven people said they do not know how trust is built: a finding, not a small group to hide.
    // ("–" shows no mean; "none" is its name for a screen reader.)
    expect(rowText(el, 'table.figures', 'trust')).to.deep.equal(['Trust', '–none', '7', '100% (7)']);
    const cells = [...el.shadowRoot!.querySelectorAll('tr[data-criterion="trust"] td[data-perspective]')].map((c) =>
      c.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(cells).to.deep.equal(['–none, 0 with a level, 3 don’t know', '–none, 0 with a level, 4 don’t know']);
    expect(el.shadowRoot!.querySelector('[part="note"]')).to.equal(null);
    expect(el.toCSV()).to.contain('x,r1,trust,Trust,overall,,shown,7,0,7,1,,,0,0,0,0,0,\r\n');
  });

  it('refuses a bad min-group and keeps the default threshold', async () => {
    const errors = await captureConsoleErrors(async () => {
      const el = await ready(
        await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en" min-group="abc"></lc-results>`),
      );
      await waitFor(() => el.shadowRoot!.querySelector('table'), 'the table');
      expect(alerts(el).join(' ')).to.contain('min-group must be a whole number');
      const cell = el.shadowRoot!.querySelector('tr[data-criterion="trust"] td[data-perspective="business"]')!;
      expect(cell.textContent!.trim()).to.equal('hidden');
    });
    expect(errors.some((e) => e.includes('<lc-results> min-group'))).to.be.true;
  });
});

describe('<lc-results> errors', () => {
  it('shows a malformed answer from src as an alert naming the problem, and logs it', async () => {
    let el!: LcResults;
    const errors = await captureConsoleErrors(async () => {
      el = await ready(
        await fixture<LcResults>(html`<lc-results src="/test/fixtures/results-bad.json" locale="en"></lc-results>`),
      );
    });
    const text = alerts(el).join(' ');
    expect(text).to.contain('The results could not be loaded');
    expect(text).to.contain('results-bad.json');
    expect(text).to.contain('criteria[0].overall.levels');
    expect(errors.some((e) => e.includes('<lc-results> src:') && e.includes('criteria[0].overall.levels'))).to.be.true;
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
  });

  it('refuses results with more perspectives than a page can show, as malformed', async () => {
    // Perspectives made up by whoever posts: thousands of groups would take seconds to lay out.
    const spring = await springResults();
    const many = (count: number) => ({
      ...spring,
      criteria: spring.criteria.map((c, i) =>
        i
          ? c
          : {
              ...c,
              perspectives: Object.fromEntries(
                Array.from({ length: count }, (_, k) => [`p${k}`, groupStats([2, 2, 2, 2, 2])]),
              ),
            },
      ),
    });
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    el.results = many(200);
    await ready(el);
    expect(el.shadowRoot!.querySelector('table')).not.to.equal(null);
    const errors = await captureConsoleErrors(async () => {
      el.results = many(201);
      await el.updateComplete;
    });
    expect(alerts(el).join(' ')).to.contain('criteria[0].perspectives: must have at most 200 perspectives');
    expect(errors.some((e) => e.includes('<lc-results> results:') && e.includes('perspectives'))).to.be.true;
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
  });

  it('shows an HTTP 500 from src as an alert, logs it and fires lc-results-error', async () => {
    // The test server's next answer for this bucket is a real HTTP 500 (no stubbed fetch).
    const bucket = newBucket('results-500');
    const url = `/__lc/serve/${bucket.name}?file=test/fixtures/results-2026-spring.json`;
    await setFaults(bucket.name, [{ status: 500 }]);
    const el = document.createElement('lc-results');
    el.locale = 'en';
    const failed = new Promise<string>((resolve) =>
      el.addEventListener('lc-results-error', (e) => resolve(e.message), { once: true }),
    );
    el.src = url;
    let message = '';
    const errors = await captureConsoleErrors(async () => {
      await fixture(html`<div>${el}</div>`);
      message = await failed;
    });
    await el.updateComplete;
    expect(message).to.contain('answered HTTP 500');
    expect(alerts(el).join(' ')).to.contain(
      `${bucket.name}?file=test/fixtures/results-2026-spring.json answered HTTP 500`,
    );
    expect(errors.some((e) => e.includes('<lc-results> src:') && e.includes('HTTP 500'))).to.be.true;
  });

  it('in another language, marks the load problem (in English, for the developer) as English', async () => {
    const bucket = newBucket('results-503-da');
    const url = `/__lc/serve/${bucket.name}?file=test/fixtures/results-2026-spring.json`;
    await setFaults(bucket.name, [{ status: 503 }]);
    let el!: LcResults;
    await captureConsoleErrors(async () => {
      el = await fixture<LcResults>(html`<lc-results src=${url} locale="da"></lc-results>`);
      await waitFor(() => el.shadowRoot!.querySelector('[part~="error"]'), 'the load error');
    });
    const alert = el.shadowRoot!.querySelector('[part~="error"]')!;
    const quoted = alert.querySelector('[lang]');
    expect(quoted, 'the problem marked').to.exist;
    expect(quoted!.getAttribute('lang')).to.equal('en');
    expect(quoted!.textContent).to.contain('answered HTTP 503');
    // The sentence around it is Danish, and not inside the English part.
    expect(alert.textContent!.replace(quoted!.textContent!, '')).to.not.contain('answered');
    await expect(el).to.be.accessible();
  });

  it('shows an HTTP 404 and a bad src URL', async () => {
    await captureConsoleErrors(async () => {
      const el = await ready(
        await fixture<LcResults>(html`<lc-results src="/test/fixtures/nothing-here.json" locale="en"></lc-results>`),
      );
      expect(alerts(el).join(' ')).to.contain('answered HTTP 404');
      const bad = await fixture<LcResults>(html`<lc-results src="javascript:alert(1)" locale="en"></lc-results>`);
      expect(alerts(bad).join(' ')).to.contain('src must be an http(s) URL');
    });
  });
});

describe('<lc-results> rounds', () => {
  it("builds the compared round's URL from src", () => {
    expect(roundUrl('/api/results?community=a&round=2026-spring', '2025-autumn', 'https://x.test/')).to.equal(
      'https://x.test/api/results?community=a&round=2025-autumn',
    );
    expect(roundUrl('/api/results?community=a', '2025 autumn', 'https://x.test/')).to.equal(
      'https://x.test/api/results?community=a&round=2025+autumn',
    );
  });

  it('shows the change per criterion in the table and a dashed second line on the chart', async () => {
    const el = await ready(
      await fixture<LcResults>(
        html`<lc-results src=${SPRING} compare-src=${AUTUMN} compare-round="2025-autumn" locale="en"></lc-results>`,
      ),
    );
    await waitFor(() => el.shadowRoot!.querySelector('td.change'), 'the change column');
    const header = [...el.shadowRoot!.querySelectorAll('table.figures thead th')].map((t) => t.textContent!.trim());
    expect(header).to.include('Change since round 2025-autumn');
    // initiatives 1.5 − 1.5; trust 2.35 − 2.0 = +0.35; inclusion 2.1 − 2.5 = −0.4; the others have no earlier figure.
    const changes = [...el.shadowRoot!.querySelectorAll('table.figures td.change')].map((c) =>
      c.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(changes).to.deep.equal(['0.0', '+0.4', '-0.4', '–none', '–none']);
    const line = el.shadowRoot!.querySelector('path.compare-line')!;
    expect(line.getAttribute('stroke-dasharray')).to.equal('6 4');
    // Three of five axes have an earlier figure: an open line, not a closed polygon.
    expect(line.getAttribute('d')!.match(/L/g)).to.have.length(2);
    expect(line.getAttribute('d')).not.to.contain('Z');
    expect(el.shadowRoot!.querySelector('path.current-line')!.getAttribute('d')).to.match(/Z$/);
    expect(el.shadowRoot!.querySelector('svg.chart title')!.textContent).to.equal(
      'Mean level per criterion, round 2026-spring compared with round 2025-autumn',
    );
    const trust = el.shadowRoot!.querySelector('.point[data-index="1"]')!;
    expect(trust.getAttribute('aria-label')).to.equal(
      'Trust: mean 2.4 of 4, 19 answers, 2 don’t know, change +0.4 since round 2025-autumn',
    );
    expect(el.shadowRoot!.querySelector('[part="legend"]')!.textContent).to.contain('Round 2025-autumn (dashed line)');
  });

  it("shows the compared round's mean in the table where this round has none (the chart draws it)", async () => {
    // Trust was answered in r1 (4 4: a mean of 4.0), not in r2: the collector lists it at 0 answers.
    const community = `results-${Math.random().toString(36).slice(2, 10)}`;
    await seedReference(community, 'r1', [
      ['trust', 4],
      ['trust', 4],
      ['initiatives', 2],
      ['inclusion', 3],
    ]);
    await seedReference(community, 'r2', [
      ['initiatives', 1],
      ['inclusion', 2],
      ['emerging-needs', 3],
    ]);
    const src = `/__lc/reference/api/results?community=${community}&round=r2`;
    const el = await ready(
      await fixture<LcResults>(html`<lc-results src=${src} compare-round="r1" min-group="1" locale="en"></lc-results>`),
    );
    await waitFor(() => el.shadowRoot!.querySelector('path.compare-line'), 'the compared round');
    await el.updateComplete;
    // (Twelve criteria: the row's title may carry its number on the chart.)
    expect(rowText(el, 'table.figures', 'trust').slice(1)).to.deep.equal(['–none', 'was 4.0', '0', '–none']);
    expect(rowText(el, 'table.figures', 'initiatives')[2]).to.equal('-1.0');
    // Every point of the compared round's line is in the table.
    const dots = el.shadowRoot!.querySelectorAll('circle.compare-dot').length;
    const changes = [...el.shadowRoot!.querySelectorAll('table.figures td.change')].filter(
      (c) => !c.querySelector('.sr-only'),
    );
    expect(dots).to.equal(3);
    expect(changes).to.have.length(3);
  });

  // local-pride (4.0) and community-mentality (3.0) are in 2026-spring only: compared the other
  // way round (as when a new criteria set dropped them), the chart still draws their points.
  const was: Record<string, string[]> = {
    en: ['was 3.0', 'was 4.0'],
    da: ['var 3,0', 'var 4,0'],
    de: ['war 3,0', 'war 4,0'],
    ar: [3, 4].map((v) => `كان ${new Intl.NumberFormat('ar', { minimumFractionDigits: 1 }).format(v)}`),
  };
  for (const [locale, expected] of Object.entries(was)) {
    it(`in ${locale}, shows the mean of a criterion only the compared round has`, async () => {
      const el = await ready(
        await fixture<LcResults>(html`<lc-results src=${AUTUMN} compare-src=${SPRING} locale=${locale}></lc-results>`),
      );
      await waitFor(() => el.shadowRoot!.querySelector('path.compare-line'), 'the compared round');
      await el.updateComplete;
      const cell = (id: string) =>
        el
          .shadowRoot!.querySelector(`table.figures tr[data-criterion="${id}"] td.change`)!
          .textContent!.replace(/[\u2068\u2069]/g, '')
          .replace(/\s+/g, ' ')
          .trim();
      expect([cell('community-mentality'), cell('local-pride')]).to.deep.equal(expected);
      expect(el.shadowRoot!.querySelectorAll('circle.compare-dot')).to.have.length(5);
    });
  }

  it('takes the compared round as a property', async () => {
    const el = await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en"></lc-results>`);
    el.compareResults = await (await fetch(AUTUMN)).json();
    await ready(el);
    await waitFor(() => el.shadowRoot!.querySelector('td.change'), 'the change column');
    expect(rowText(el, 'table.figures', 'trust')).to.deep.equal(['Trust', '2.4', '+0.4', '19', '11% (2)']);
  });

  it('fetches compare-round from src with the round replaced, and refuses an answer for another round', async () => {
    const src = `${SPRING}?community=test-town&round=2026-spring`;
    let el!: LcResults;
    const errors = await captureConsoleErrors(async () => {
      el = await fixture<LcResults>(html`<lc-results src=${src} compare-round="2025-autumn" locale="en"></lc-results>`);
      await waitFor(() => alerts(el).length, 'the comparison error');
    });
    const expected = new URL(`${SPRING}?community=test-town&round=2025-autumn`, location.href).href;
    expect(performance.getEntriesByType('resource').some((e) => e.name === expected)).to.be.true;
    // A static file answers with its own round whatever the query says: the element notices.
    expect(alerts(el).join(' ')).to.contain('The round to compare with could not be loaded: ');
    expect(alerts(el).join(' ')).to.contain('answered with round "2026-spring", not "2025-autumn"');
    expect(errors.some((e) => e.includes('<lc-results> compare-round:'))).to.be.true;
    // The current round is still shown.
    expect(rowText(el, 'table.figures', 'trust')[1]).to.equal('2.4');
    expect(el.shadowRoot!.querySelector('td.change')).to.equal(null);
  });

  it('offers the rounds the collector holds, and compares on choice', async () => {
    const el = await ready(await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en"></lc-results>`));
    const select = el.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['', '2025-autumn']);
    expect(select.closest('label')!.textContent).to.contain('Compare with');
    await captureConsoleErrors(async () => {
      select.value = '2025-autumn';
      select.dispatchEvent(new Event('change'));
      await waitFor(() => alerts(el).length, 'the comparison request to end');
    });
    expect(el.compareRound).to.equal('2025-autumn');
  });

  it('says when the round the person chose to compare with is shown, not only that it is loading', async () => {
    const community = `results-${Math.random().toString(36).slice(2, 10)}`;
    await seedReference(community, 'r1', [
      ['trust', 4],
      ['initiatives', 2],
      ['inclusion', 3],
    ]);
    await seedReference(community, 'r2', [
      ['trust', 3],
      ['initiatives', 1],
      ['inclusion', 2],
    ]);
    const src = `/__lc/reference/api/results?community=${community}&round=r2`;
    const el = await ready(
      await fixture<LcResults>(html`<lc-results src=${src} min-group="1" locale="en"></lc-results>`),
    );
    const status = el.shadowRoot!.querySelector('[part="status"]')!;
    const said: string[] = [];
    new MutationObserver(() => said.push(status.textContent!.trim())).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    const select = await waitFor(() => el.shadowRoot!.querySelector('select'), 'the round picker');
    select.focus();
    select.value = 'r1';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => el.shadowRoot!.querySelector('path.compare-line'), 'the compared round');
    await waitFor(() => status.textContent!.trim() !== '', 'the status once it is shown');
    // From the one to the other, with nothing (an empty status) between.
    expect(said).to.deep.equal(['Loading the results…', 'The comparison with round r1 is shown.']);
    expect(el.shadowRoot!.querySelector('[part="status"]'), 'the same live region').to.equal(status);
    // Back to none: what it said of round r1 is no longer true.
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('path.compare-line')).to.equal(null);
    expect(status.textContent!.trim()).to.equal('');
  });

  it('compares with a round the collector does not list: the picker shows it, and the status says it has no answers', async () => {
    // The reference collector (demo/collector, real SQLite) answers any round; this one has none.
    const community = `results-${Math.random().toString(36).slice(2, 10)}`;
    await seedReference(community, 'r-now', [
      ['trust', 2],
      ['inclusion', 3],
      ['initiatives', 1],
    ]);
    const src = `/__lc/reference/api/results?community=${community}&round=r-now`;
    const el = await ready(
      await fixture<LcResults>(
        html`<lc-results src=${src} compare-round="r-never" min-group="1" locale="en"></lc-results>`,
      ),
    );
    const status = () => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
    await waitFor(() => status().startsWith('Round'), 'the status after both rounds loaded');
    await el.updateComplete;
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.options[select.selectedIndex]!.textContent!.trim()).to.equal('r-never');
    expect(status()).to.equal('Round r-never has no answers to compare with.');
    // Nothing to draw or subtract: no dashed line, no legend entry, no change column.
    expect(el.shadowRoot!.querySelector('path.compare-line')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part="legend"] li')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('td.change')).to.equal(null);
    expect(alerts(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('compares with a round written decomposed: the round the collector answers for, listed once', async () => {
    // "forår" with its "å" as an "a" and a combining ring (as macOS may paste it): the collector
    // files and answers the round composed, and the element takes that answer as the round asked.
    const community = `results-${Math.random().toString(36).slice(2, 10)}`;
    const answers = [
      ['trust', 2],
      ['inclusion', 3],
      ['initiatives', 1],
    ] as const;
    await seedReference(community, 'for\u00e5r', answers);
    await seedReference(community, 'efter\u00e5r', answers);
    const src = `/__lc/reference/api/results?community=${community}&round=${encodeURIComponent('efter\u00e5r')}`;
    const decomposed = 'for\u00e5r'.normalize('NFD');
    expect(decomposed).to.not.equal('for\u00e5r');
    let el!: LcResults;
    const errors = await captureConsoleErrors(async () => {
      el = await ready(
        await fixture<LcResults>(
          html`<lc-results src=${src} compare-round=${decomposed} min-group="1" locale="en"></lc-results>`,
        ),
      );
      await waitFor(() => el.shadowRoot!.querySelector('path.compare-line'), 'the compared round');
      await el.updateComplete;
    });
    expect(alerts(el)).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    const select = el.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['No comparison', 'for\u00e5r']);
    expect(select.options[select.selectedIndex]!.value).to.equal('for\u00e5r');
  });

  it('compares with a round whose every figure is too few to show: no line, and the status says why', async () => {
    const community = `results-${Math.random().toString(36).slice(2, 10)}`;
    // At min-group="5": now, trust's five answers are shown (inclusion's two are not); the round
    // compared with has three answers to trust, hidden, and nothing else.
    await seedReference(community, 'r-now', [
      ['trust', 2],
      ['trust', 3],
      ['trust', 2],
      ['trust', 4],
      ['trust', 3],
      ['inclusion', 3],
      ['inclusion', 1],
    ]);
    await seedReference(community, 'r-tiny', [
      ['trust', 1],
      ['trust', 2],
      ['trust', 1],
    ]);
    const src = `/__lc/reference/api/results?community=${community}&round=r-now`;
    const el = await ready(
      await fixture<LcResults>(
        html`<lc-results src=${src} compare-round="r-tiny" min-group="5" locale="en"></lc-results>`,
      ),
    );
    const status = () => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
    await waitFor(() => status().startsWith('Round'), 'the status after both rounds loaded');
    await el.updateComplete;
    expect(status()).to.equal(
      'Round r-tiny has too few answers to show any of its figures: there is nothing to compare with.',
    );
    expect(el.shadowRoot!.querySelector('path.compare-line')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part="legend"] li'), 'no legend for a line not drawn').to.have.length(1);
    expect(el.shadowRoot!.querySelector('td.change')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('compare-round naming the round shown is a configuration problem, and nothing is compared', async () => {
    // A page moved on to this round, its compare-round left at it: every change would be 0.0.
    const community = `results-${Math.random().toString(36).slice(2, 10)}`;
    await seedReference(community, 'r-now', [
      ['trust', 2],
      ['inclusion', 3],
      ['initiatives', 1],
    ]);
    const src = `/__lc/reference/api/results?community=${community}&round=r-now`;
    let el!: LcResults;
    const errors = await captureConsoleErrors(async () => {
      el = await ready(
        await fixture<LcResults>(
          html`<lc-results src=${src} compare-round="r-now" min-group="1" locale="en"></lc-results>`,
        ),
      );
      await waitFor(() => alerts(el).length, 'the configuration problem');
      await new Promise((r) => setTimeout(r, 300));
      await el.updateComplete;
    });
    expect(alerts(el).join(' ')).to.contain(
      'compare-round is "r-now", the round shown: a round is not compared with itself',
    );
    expect(errors.filter((e) => e.includes('<lc-results> compare-round: is "r-now", the round shown'))).to.have.length(
      1,
    );
    // The round shown, alone: no dashed line, no legend entry for it, no change column.
    expect(el.shadowRoot!.querySelector('path.compare-line')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part="legend"] li')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('td.change')).to.equal(null);
    expect(rowText(el, 'table.figures', 'trust')[1]).to.equal('2.0');
    await expect(el).to.be.accessible();
  });

  it('needs a src for compare-round', async () => {
    const errors = await captureConsoleErrors(async () => {
      const el = await fixture<LcResults>(html`<lc-results compare-round="2025-autumn" locale="en"></lc-results>`);
      expect(alerts(el).join(' ')).to.contain('compare-round needs a src');
    });
    expect(errors.some((e) => e.includes('<lc-results> compare-round: needs a src'))).to.be.true;
  });
});

describe('<lc-results> exports', () => {
  it('exports the figures of both rounds as CSV', async () => {
    const el = await fixture<LcResults>(
      html`<lc-results src=${SPRING} compare-src=${AUTUMN} locale="en"></lc-results>`,
    );
    await ready(el);
    await waitFor(() => el.shadowRoot!.querySelector('td.change'), 'the comparison');
    const lines = el.toCSV().trimEnd().split('\r\n');
    expect(lines[0]!.split(',')).to.have.length(19);
    // trust overall: 19 answers, 17 with a level, 2 "don't know" (0.105), mean 2.35, median 2,
    // levels 1 3 5 5 3, change 2.35 − 2.0 = 0.35
    expect(lines).to.include('test-town,2026-spring,trust,Trust,overall,,shown,19,17,2,0.105,2.35,2,1,3,5,5,3,0.35');
    expect(lines).to.include('test-town,2026-spring,trust,Trust,perspective,citizen,shown,6,5,1,0.167,1,1,1,3,1,0,0,');
    expect(lines).to.include('test-town,2025-autumn,trust,Trust,overall,,shown,10,10,0,0,2,2,0,5,0,5,0,');
    expect(lines).to.include('test-town,2026-spring,local-pride,local-pride,overall,,shown,5,5,0,0,4,4,0,0,0,0,5,');
  });

  it('exports the chart while it is hidden', async () => {
    const el = await ready(
      await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en" hide-chart></lc-results>`),
    );
    const doc = new DOMParser().parseFromString(el.toSVG(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelector('path')!.getAttribute('stroke')).to.match(/^rgb/);
    expect(doc.querySelectorAll('circle')).to.have.length(5);
  });

  it('offers the CSV and the chart as downloads', async () => {
    const el = await ready(await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en"></lc-results>`));
    const downloads: Array<{ name: string; href: string }> = [];
    el.addEventListener('click', (event) => {
      const target = event.composedPath()[0];
      if (target instanceof HTMLAnchorElement && target.download) {
        downloads.push({ name: target.download, href: target.href });
        event.preventDefault();
      }
    });
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')];
    buttons.find((b) => b.textContent!.includes('CSV'))!.click();
    buttons.find((b) => b.textContent!.includes('SVG'))!.click();
    expect(downloads.map((d) => d.name)).to.deep.equal([
      'results-test-town-2026-spring.csv',
      'results-test-town-2026-spring.svg',
    ]);
    // A byte order mark first (Response.text() would drop it), then the same text as toCSV().
    const bytes = new Uint8Array(await (await fetch(downloads[0]!.href)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).to.equal(el.toCSV());
    const svgText = await (await fetch(downloads[1]!.href)).text();
    expect(svgText).to.equal(el.toSVG());
  });

  it('names its downloads after the community and round in their own letters', async () => {
    const spring = await springResults();
    const names: string[] = [];
    for (const [community, round] of [
      ['Ærø Kommune', 'forår-2026'],
      ['مجتمع', 'ربيع'],
      // Decomposed (an "a" and a combining ring): the same name as the composed one.
      ['A\u030arhus', 'Forår 2026'],
      // Nothing a name can be made of: still a name, never an empty one or a dot.
      ['..', '/?*'],
      // Marks that belong to their letters (Arabic vowels, a Devanagari vowel sign, İ in lower case).
      ['مُجتمَع', 'हिंदी'],
      ['İstanbul', '2026'],
    ]) {
      const el = await ready(
        await fixture<LcResults>(
          html`<lc-results locale="en" .results=${{ ...spring, community: community!, round: round! }}></lc-results>`,
        ),
      );
      el.addEventListener('click', (event) => {
        const target = event.composedPath()[0];
        if (target instanceof HTMLAnchorElement && target.download) {
          names.push(target.download);
          event.preventDefault();
        }
      });
      const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')];
      buttons.find((b) => b.textContent!.includes('CSV'))!.click();
      buttons.find((b) => b.textContent!.includes('SVG'))!.click();
      el.remove();
    }
    expect(names).to.deep.equal([
      'results-ærø-kommune-forår-2026.csv',
      'results-ærø-kommune-forår-2026.svg',
      'results-مجتمع-ربيع.csv',
      'results-مجتمع-ربيع.svg',
      'results-århus-forår-2026.csv',
      'results-århus-forår-2026.svg',
      'results-x-x.csv',
      'results-x-x.svg',
      'results-مُجتمَع-हिंदी.csv',
      'results-مُجتمَع-हिंदी.svg',
      'results-i̇stanbul-2026.csv',
      'results-i̇stanbul-2026.svg',
    ]);
  });

  it('exports the chart as a standalone SVG with inline presentation attributes', async () => {
    const el = await ready(
      await fixture<LcResults>(html`<lc-results src=${SPRING} compare-src=${AUTUMN} locale="en"></lc-results>`),
    );
    await waitFor(() => el.shadowRoot!.querySelector('path.compare-line'), 'the compared line');
    const text = el.toSVG();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    const root = doc.documentElement;
    expect(root.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(root.firstElementChild!.localName).to.equal('title');
    expect(root.querySelector('desc')!.textContent).to.contain('The dashed line shows round 2025-autumn.');
    // No classes, scripts, event handlers, ids, focus stops or external references.
    expect(
      root.querySelectorAll('[class], [tabindex], [id], [role] [role], script, a, image, use, foreignObject'),
    ).to.have.length(0);
    expect(text).not.to.match(/href|url\(|on\w+=|<!--/);
    // The colours and dashes come from the page's styles, inlined.
    const paths = [...root.querySelectorAll('path')];
    expect(paths).to.have.length(2);
    for (const p of paths) expect(p.getAttribute('stroke')).to.match(/^rgb/);
    // Every colour in the notation every SVG viewer reads, the defaults mixed in oklab included.
    for (const node of root.querySelectorAll('[fill], [stroke]')) {
      for (const name of ['fill', 'stroke']) {
        const value = node.getAttribute(name);
        if (value) expect(value, `${node.localName} ${name}`).to.match(/^(rgba?\(|none$)/);
      }
    }
    expect(paths[0]!.getAttribute('stroke-dasharray')).to.match(/^6(px)?,? 4(px)?$/);
    // The labels and the points (5 current, 3 earlier) are in it.
    expect([...root.querySelectorAll('text')].map((t) => t.textContent).join(' ')).to.contain('Trust');
    expect(root.querySelectorAll('circle')).to.have.length(8);
    // The legend the page shows beside the chart is in the file: each round's line, drawn as on the
    // chart, beside its name.
    const legendLines = (svg: Element) =>
      [...svg.querySelectorAll('line')].filter((line) => line.nextElementSibling?.localName === 'text');
    const legend = legendLines(root).map((line) => ({
      dashed: line.hasAttribute('stroke-dasharray'),
      stroke: line.getAttribute('stroke'),
      text: line.nextElementSibling?.textContent,
    }));
    expect(legend).to.deep.equal([
      { dashed: false, stroke: paths[1]!.getAttribute('stroke'), text: 'Round 2026-spring' },
      { dashed: true, stroke: paths[0]!.getAttribute('stroke'), text: 'Round 2025-autumn (dashed line)' },
    ]);
    // And it is drawn inside the file's picture, under the chart.
    const box = root.getAttribute('viewBox')!.split(' ').map(Number);
    const last = legendLines(root)[1]!;
    expect(Number(last.getAttribute('y1'))).to.be.below(box[1]! + box[3]!);
    expect(Number(last.getAttribute('y1'))).to.be.above(Number(live(el).viewBox.baseVal.height));
  });

  it('exports a chart without a comparison without a legend', async () => {
    const el = await ready(await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en"></lc-results>`));
    const doc = new DOMParser().parseFromString(el.toSVG(), 'image/svg+xml');
    const lines = [...doc.querySelectorAll('line')];
    expect(lines, 'the axes').to.have.length(5);
    expect(lines.filter((line) => line.nextElementSibling?.localName === 'text')).to.have.length(0);
    expect(doc.documentElement.textContent).not.to.contain('Round 2026-spring');
  });
});

describe('<lc-results> chart', () => {
  it('can be hidden by attribute and shown with the toggle, the table staying', async () => {
    const el = await ready(
      await fixture<LcResults>(html`<lc-results src=${SPRING} locale="en" hide-chart></lc-results>`),
    );
    const area = el.shadowRoot!.querySelector<HTMLElement>('#chart')!;
    expect(getComputedStyle(area).display).to.equal('none');
    expect(el.shadowRoot!.querySelector('table.figures')).to.exist;
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-controls="chart"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.textContent!.trim()).to.equal('Show chart');
    toggle.click();
    await el.updateComplete;
    expect(el.hideChart).to.be.false;
    expect(getComputedStyle(area).display).not.to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  });
});
