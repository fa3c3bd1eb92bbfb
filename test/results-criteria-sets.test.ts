// <lc-results> and the criteria set its results name (`criteriaSet`): the page's set labels, orders
// and completes only results of that set, and a round is compared only with a round of the same
// set. The rounds are posted to the reference collector (demo/collector, real SQLite), which names
// the set each round was answered with, as a city's portal would.
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/components/community/define.js';
import '../src/components/results/define.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import type { LcResults } from '../src/components/results/lc-results.js';
import type { Results } from '../src/core/results.js';
import type { CriteriaSet } from '../src/criteria/schema.js';
import { captureConsoleWarnings, seedReference, waitFor } from './support/helpers.js';

const criterion = (id: string, title: string): CriteriaSet['criteria'][number] => ({
  id,
  title,
  question: `How well do we do with ${title.toLowerCase()}?`,
  why: `${title} matters to the city.`,
  prompts: ['What happened?', 'Who noticed?', 'What changed?'],
  levels: ['Nothing', 'Some cases', 'Regular', 'Tested', 'Systematic'],
});

/** A city's own set: "trust" is trust in buses, not the built-in Trust; not in alphabetical order. */
const CITY: CriteriaSet = {
  id: 'city-set',
  version: '1.1',
  locale: 'en',
  name: 'Our city set',
  criteria: [
    criterion('trust', 'Trust in buses'),
    criterion('c3-parks', 'Parks'),
    criterion('c1-mobility', 'Mobility'),
  ],
};

type Answer = readonly [criterion: string, level: number | null];

/** Posts ratings of `set` to the reference collector, as a page with that set would. */
const seed = (community: string, round: string, set: string, version: string, answers: readonly Answer[]) =>
  seedReference(community, round, answers, { id: set, version });

const newCommunity = () => `sets-${Math.random().toString(36).slice(2, 10)}`;
const src = (community: string, round: string) => `/__lc/reference/api/results?community=${community}&round=${round}`;

/** The `<lc-results>` console warnings while `fn` runs. */
const captureWarnings = async (fn: () => Promise<void>): Promise<string[]> =>
  (await captureConsoleWarnings(fn)).filter((w) => w.includes('<lc-results>'));

const clean = (text: string) =>
  text
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const rows = (el: LcResults) =>
  [...el.shadowRoot!.querySelectorAll('table.figures tbody tr')].map((r) => r.getAttribute('data-criterion'));
const rowText = (el: LcResults, id: string) =>
  [...el.shadowRoot!.querySelector(`table.figures tr[data-criterion="${id}"]`)!.querySelectorAll('th, td')].map((c) =>
    clean(c.textContent!),
  );
const note = (el: LcResults) => el.shadowRoot!.querySelector('.other-set');
const status = (el: LcResults) => clean(el.shadowRoot!.querySelector('[part="status"]')!.textContent!);

async function render(template: TemplateResult): Promise<LcResults> {
  const root = await fixture<LcCommunity>(template);
  const el = root.querySelector('lc-results')!;
  await waitFor(() => el.shadowRoot!.querySelector('table.figures'), 'the figures');
  return el;
}

/** Lets the page's set arrive and the element render with it. */
async function settled(el: LcResults): Promise<void> {
  await new Promise((r) => setTimeout(r, 300));
  await el.updateComplete;
}

describe('<lc-results> and criteria sets', () => {
  it("shows results of another set than the page's by their ids, says so, and compares no rounds of two sets", async () => {
    // Round r2 answered with the set "transport-set", r1 with the page's own "city-set": the same
    // ids, other criteria.
    const community = newCommunity();
    await seed(community, 'r1', 'city-set', '1.0', [
      ['c1-mobility', 2],
      ['trust', 1],
    ]);
    await seed(community, 'r2', 'transport-set', '1.0', [
      ['c1-mobility', 4],
      ['trust', 0],
    ]);
    let el!: LcResults;
    const warnings = await captureWarnings(async () => {
      el = await render(
        html`<lc-community locale="en" .criteria=${CITY}>
          <lc-results src=${src(community, 'r2')} compare-round="r1" min-group="1"></lc-results>
        </lc-community>`,
      );
      await waitFor(() => note(el), 'the note on the other set');
      await waitFor(() => status(el).startsWith('Round'), 'the status after both rounds loaded');
      await settled(el);
    });
    expect(clean(note(el)!.textContent!)).to.equal(
      'These results were answered with the criteria set transport-set, not with this page’s set city-set: their criteria are shown by their ids.',
    );
    expect(note(el)!.getAttribute('role')).to.equal('note');
    // The results' own order and ids: none of the page's titles, order or criteria.
    expect(rows(el)).to.deep.equal(['c1-mobility', 'trust']);
    expect(rowText(el, 'trust')).to.deep.equal(['trust', '0.0', '1', '0% (0)']);
    // No change between two sets' criteria: no column, no dashed line; the status says why.
    expect(el.shadowRoot!.querySelector('td.change')).to.equal(null);
    expect(el.shadowRoot!.querySelector('path.compare-line')).to.equal(null);
    expect(status(el)).to.equal(
      'Round r1 was answered with another criteria set (city-set) than round r2 (transport-set): the two rounds are not compared.',
    );
    // The console names both sets, once each; in the order the two rounds' loads settle, which varies.
    expect([...warnings].sort()).to.deep.equal(
      [
        '[lc-elements] <lc-results>: the results of round "r2" answer the criteria set "transport-set", not the page\'s "city-set": their criteria are shown by their ids, without the page\'s titles.',
        '[lc-elements] <lc-results>: round "r1" answers the criteria set "city-set" and round "r2" the set "transport-set": the rounds are not compared.',
      ].sort(),
    );
    await expect(el).to.be.accessible();
  });

  it("on a page with the built-in set, a city's own criterion is not shown as the built-in one", async () => {
    const community = newCommunity();
    await seed(community, 'r1', 'transport-set', '1.0', [
      ['trust', 3],
      ['c1-mobility', 2],
    ]);
    let el!: LcResults;
    const warnings = await captureWarnings(async () => {
      el = await render(
        html`<lc-community locale="en">
          <lc-results src=${src(community, 'r1')} min-group="1"></lc-results>
        </lc-community>`,
      );
      await waitFor(() => note(el), 'the note on the other set');
      await settled(el);
    });
    expect(clean(note(el)!.textContent!)).to.contain(
      'criteria set transport-set, not with this page’s set common-criteria',
    );
    // Not "Trust", and not sorted first as the built-in set's order would.
    expect(rows(el)).to.deep.equal(['c1-mobility', 'trust']);
    expect(rowText(el, 'trust')[0]).to.equal('trust');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"transport-set", not the page\'s "common-criteria"');
  });

  it("lists the criteria of the page's set nobody has answered yet, in the set's order", async () => {
    const community = newCommunity();
    await seed(community, 'r1', 'city-set', '1.0', [
      ['c1-mobility', 3],
      ['c1-mobility', 3],
      ['c1-mobility', 2],
    ]);
    let el!: LcResults;
    const warnings = await captureWarnings(async () => {
      el = await render(
        html`<lc-community locale="en" .criteria=${CITY}>
          <lc-results src=${src(community, 'r1')} min-group="1"></lc-results>
        </lc-community>`,
      );
      await waitFor(() => rows(el).length === 3, "the set's three criteria");
      await settled(el);
    });
    expect(rows(el)).to.deep.equal(['trust', 'c3-parks', 'c1-mobility']);
    // As a criterion of the built-in set nobody answered is shown.
    expect(rowText(el, 'trust')).to.deep.equal(['Trust in buses', '–none', '0', '–none']);
    expect(rowText(el, 'c3-parks')).to.deep.equal(['Parks', '–none', '0', '–none']);
    expect(rowText(el, 'c1-mobility')).to.deep.equal(['Mobility', '2.7', '3', '0% (0)']);
    // Three criteria: the chart, with an axis for each, not "needs at least three criteria".
    expect(el.shadowRoot!.querySelectorAll('svg.chart .axis-label')).to.have.length(3);
    expect(el.shadowRoot!.querySelector('.chart-area .note')).to.equal(null);
    expect(note(el)).to.equal(null);
    expect(warnings).to.deep.equal([]);
  });

  it("compares two versions of one set as one set, with the page's titles", async () => {
    // Version 1.1 added c3-parks: a criterion the earlier round did not have compares as none.
    const community = newCommunity();
    await seed(community, 'r1', 'city-set', '1.0', [
      ['trust', 1],
      ['c1-mobility', 2],
    ]);
    await seed(community, 'r2', 'city-set', '1.1', [
      ['trust', 3],
      ['c1-mobility', 2],
      ['c3-parks', 4],
    ]);
    let el!: LcResults;
    const warnings = await captureWarnings(async () => {
      el = await render(
        html`<lc-community locale="en" .criteria=${CITY}>
          <lc-results src=${src(community, 'r2')} compare-round="r1" min-group="1"></lc-results>
        </lc-community>`,
      );
      await waitFor(() => el.shadowRoot!.querySelector('path.compare-line'), 'the compared round');
      await waitFor(() => rowText(el, 'trust')[0] === 'Trust in buses', "the page's titles");
      await settled(el);
    });
    expect(rows(el)).to.deep.equal(['trust', 'c3-parks', 'c1-mobility']);
    expect(rowText(el, 'trust')).to.deep.equal(['Trust in buses', '3.0', '+2.0', '1', '0% (0)']);
    expect(rowText(el, 'c3-parks')[2]).to.equal('–none');
    expect(note(el)).to.equal(null);
    expect(status(el)).to.equal('');
    expect(warnings).to.deep.equal([]);
  });

  it("reads results that name no set (a static file) with the page's set, as before, and adds no criteria", async () => {
    const results: Results = {
      schema: 'lc-results/1',
      community: 'file-town',
      round: 'r1',
      generatedAt: '2026-05-01T10:00:00Z',
      criteria: [{ criterion: 'trust', overall: stats([2, 3]), perspectives: { citizen: stats([2, 3]) } }],
    };
    let el!: LcResults;
    const warnings = await captureWarnings(async () => {
      el = await render(
        html`<lc-community locale="en" .criteria=${CITY}>
          <lc-results .results=${results} min-group="1"></lc-results>
        </lc-community>`,
      );
      await waitFor(() => rowText(el, 'trust')[0] === 'Trust in buses', "the page's titles");
      await settled(el);
    });
    expect(rows(el)).to.deep.equal(['trust']);
    expect(note(el)).to.equal(null);
    expect(warnings).to.deep.equal([]);
  });

  const texts: Record<string, { note: string; status: string }> = {
    da: {
      note: 'Disse resultater blev besvaret med kriteriesættet transport-set, ikke med denne sides sæt city-set: deres kriterier vises med deres id.',
      status:
        'Runde r1 blev besvaret med et andet kriteriesæt (city-set) end runde r2 (transport-set): de to runder sammenlignes ikke.',
    },
    de: {
      note: 'Diese Ergebnisse wurden mit dem Kriterienset transport-set beantwortet, nicht mit dem Set dieser Seite, city-set: Ihre Kriterien werden mit ihrer ID angezeigt.',
      status:
        'Runde r1 wurde mit einem anderen Kriterienset (city-set) beantwortet als Runde r2 (transport-set): Die beiden Runden werden nicht verglichen.',
    },
    ar: {
      note: 'أُجيب عن هذه النتائج بمجموعة المعايير transport-set، لا بمجموعة هذه الصفحة city-set: تُعرض معاييرها بمعرّفاتها.',
      status: 'أُجيب عن الجولة r1 بمجموعة معايير (city-set) غير مجموعة الجولة r2 (transport-set): لا تُقارَن الجولتان.',
    },
  };
  for (const [locale, expected] of Object.entries(texts)) {
    it(`in ${locale}, says that the results and the compared round answer other sets`, async () => {
      const community = newCommunity();
      await seed(community, 'r1', 'city-set', '1.0', [['trust', 1]]);
      await seed(community, 'r2', 'transport-set', '1.0', [['trust', 2]]);
      let el!: LcResults;
      await captureWarnings(async () => {
        el = await render(
          html`<lc-community locale=${locale} .criteria=${CITY}>
            <lc-results src=${src(community, 'r2')} compare-round="r1" min-group="1"></lc-results>
          </lc-community>`,
        );
        await waitFor(() => note(el), 'the note on the other set');
        await waitFor(() => status(el).includes('city-set'), 'the status after both rounds loaded');
        await settled(el);
      });
      expect(clean(note(el)!.textContent!)).to.equal(expected.note);
      expect(status(el)).to.equal(expected.status);
      await expect(el).to.be.accessible();
    });
  }
});

function stats(levels: number[]) {
  const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const level of levels) counts[level as 0 | 1 | 2 | 3 | 4] += 1;
  const mean = levels.reduce((a, b) => a + b, 0) / levels.length;
  return { n: levels.length, levels: counts, dontKnow: 0, mean, median: mean };
}
