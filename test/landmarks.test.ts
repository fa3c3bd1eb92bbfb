// Landmarks on pages that hold an element more than once: axe's `landmark-unique` (every landmark
// has a role and name of its own) and the names Chromium gives them, as a screen reader's list of
// landmarks shows them.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import type { AxeResults } from 'axe-core';
import 'axe-core/axe.min.js';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/reflection-journal/define.js';
import '../src/components/results/define.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import type { LcResults } from '../src/components/results/lc-results.js';
import type { Results } from '../src/core/results.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import { clearHash, IDS, mount, settle } from './support/assessment.js';
import { waitFor } from './support/helpers.js';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

type AxNode = { role: string; name?: string; children?: AxNode[] };
const LANDMARKS = new Set(['banner', 'complementary', 'contentinfo', 'form', 'main', 'navigation', 'region', 'search']);

/**
 * Every landmark in Chromium's accessibility tree, as "role: name", in page order. A form without
 * a name is no landmark (HTML-AAM; axe agrees), though Chromium's snapshot lists it as "form".
 */
async function landmarks(atLeast = 1): Promise<string[]> {
  const all = (node: AxNode): AxNode[] => [node, ...(node.children ?? []).flatMap(all)];
  const read = async () =>
    all((await a11ySnapshot({})) as unknown as AxNode)
      .filter((n) => LANDMARKS.has(n.role) && !(n.role === 'form' && !n.name))
      .map((n) => `${n.role}: ${n.name ?? ''}`);
  // Chromium builds its accessibility tree after layout, on its own schedule: on a busy machine a
  // snapshot taken just after the elements rendered can still be empty. Read again until it holds
  // `atLeast` landmarks (or 5 s have passed); the caller then checks the list exactly.
  let list = await read();
  for (const start = Date.now(); list.length < atLeast && Date.now() - start < 5000; list = await read()) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return list;
}

/**
 * axe's `landmark-unique` alone, so a run that skipped it could not pass unnoticed: it must have
 * checked `count` landmarks and found no two alike. (`to.be.accessible()` runs it too, with the rest.)
 */
async function expectUniqueLandmarks(root: Element, count: number): Promise<void> {
  const results: AxeResults = await window.axe.run(root, {
    runOnly: { type: 'rule', values: ['landmark-unique'] },
    resultTypes: ['violations', 'passes'],
  });
  const failed = results.violations.flatMap((v) => v.nodes.map((n) => n.html));
  expect(failed, 'landmarks named alike').to.deep.equal([]);
  expect(results.passes.find((p) => p.id === 'landmark-unique')?.nodes ?? []).to.have.length(count);
}

const uid = () => Math.random().toString(36).slice(2, 10);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function journals(host: ParentNode): Promise<LcReflectionJournal[]> {
  const list = [...host.querySelectorAll('lc-reflection-journal')];
  await Promise.all(list.map((j) => j.updateComplete));
  await waitFor(() => list.every((j) => j.shadowRoot!.querySelector('input[type="checkbox"]')), 'the criteria');
  await Promise.all(list.map((j) => j.updateComplete));
  return list;
}

describe('landmarks: two journals on one page', () => {
  it('names each journal’s form and past entries after its criterion', async () => {
    // The composing pattern of docs/developers.md: a journal in a card, once with its own criterion.
    const host = await fixture(
      html`<lc-community community=${`c-${uid()}`} round="r1" storage="none" locale="en">
        <lc-criterion-card criterion="trust" variant="compact">
          <lc-reflection-journal slot="journal" criterion="trust"></lc-reflection-journal>
        </lc-criterion-card>
        <lc-criterion-card criterion="inclusion" variant="compact">
          <lc-reflection-journal slot="journal"></lc-reflection-journal>
        </lc-criterion-card>
      </lc-community>`,
    );
    const [trust, inclusion] = await journals(host);
    expect(await landmarks()).to.deep.equal([
      'form: New entry: Trust',
      'region: Past entries: Trust',
      'form: New entry: Inclusion in practice',
      'region: Past entries: Inclusion in practice',
    ]);
    // The visible headings stay short: the card above says which criterion.
    expect(text(trust!.shadowRoot!.querySelector('#form-heading'))).to.equal('New entry');
    expect(text(inclusion!.shadowRoot!.querySelector('#entries-heading'))).to.equal('Past entries');
    await expectUniqueLandmarks(host, 4);
    await expect(host).to.be.accessible();
  });

  it('in Danish, German and Arabic, the names come from the string tables; Arabic isolates an English title', async () => {
    const cases = [
      { locale: 'da', form: 'Nyt indlæg: Tillid', past: 'Tidligere indlæg: Tillid' },
      { locale: 'de', form: 'Neuer Eintrag: Vertrauen', past: 'Bisherige Einträge: Vertrauen' },
      // The built-in criteria have no Arabic text: their English title is isolated in the Arabic name.
      { locale: 'ar', form: 'مدخل جديد: \u2068Trust\u2069', past: 'المدخلات السابقة: \u2068Trust\u2069' },
    ];
    for (const { locale, form, past } of cases) {
      fixtureCleanup();
      const host = await fixture(
        html`<lc-community community=${`c-${uid()}`} round="r1" storage="none" locale=${locale}>
          <lc-reflection-journal criterion="trust"></lc-reflection-journal>
          <lc-reflection-journal criterion="inclusion"></lc-reflection-journal>
        </lc-community>`,
      );
      const [journal] = await journals(host);
      const root = journal!.shadowRoot!;
      expect(root.querySelector('form')!.getAttribute('aria-label'), locale).to.equal(form);
      expect(root.querySelector('[part="entries-section"]')!.getAttribute('aria-label'), locale).to.equal(past);
      expect((await landmarks()).slice(0, 2), locale).to.deep.equal([`form: ${form}`, `region: ${past}`]);
      await expectUniqueLandmarks(host, 4);
      await expect(host).to.be.accessible();
    }
  });

  it('a host’s `strings` rename them, with the criterion still in its placeholder', async () => {
    const host = await fixture(
      html`<lc-community community=${`c-${uid()}`} round="r1" storage="none" locale="en">
        <lc-reflection-journal
          criterion="trust"
          .strings=${{ 'form.label': 'Write about {criterion}' }}
        ></lc-reflection-journal>
      </lc-community>`,
    );
    await journals(host);
    expect((await landmarks())[0]).to.equal('form: Write about Trust');
  });

  it('without a criterion, keeps the plain names of its headings', async () => {
    const host = await fixture(
      html`<lc-community community=${`c-${uid()}`} round="r1" storage="none" locale="en">
        <lc-reflection-journal></lc-reflection-journal>
      </lc-community>`,
    );
    await journals(host);
    expect(await landmarks()).to.deep.equal(['form: New entry', 'region: Past entries']);
  });
});

describe('landmarks: <lc-assessment layout="page" with-journal>', () => {
  beforeEach(clearHash);
  afterEach(clearHash);

  it('has a form and a list of past entries per criterion, each named after it', async () => {
    const el = await mount({ layout: 'page', withJournal: true, storage: 'none' });
    await settle(el);
    const list = [...el.shadowRoot!.querySelectorAll('lc-reflection-journal')];
    expect(list).to.have.length(IDS.length);
    await journals(el.shadowRoot!);
    await settle(el);
    // Every journal's form and past entries carry its criterion's title.
    const titles = commonCriteriaEn.criteria.map((c) => c.title);
    const named = (selector: string) =>
      list.map((j) => j.shadowRoot!.querySelector(selector)!.getAttribute('aria-label'));
    expect(named('form')).to.deep.equal(titles.map((t) => `New entry: ${t}`));
    expect(named('[part="entries-section"]')).to.deep.equal(titles.map((t) => `Past entries: ${t}`));
    // Chromium's tree holds the cards in view (the others wait under content-visibility: auto):
    // the step list, then two per journal.
    const names = await landmarks();
    expect(names.slice(0, 5)).to.deep.equal([
      'navigation: Questions',
      `form: New entry: ${titles[0]}`,
      `region: Past entries: ${titles[0]}`,
      `form: New entry: ${titles[1]}`,
      `region: Past entries: ${titles[1]}`,
    ]);
    expect(new Set(names).size).to.equal(names.length);
    // axe reads the DOM: the step list and two landmarks per criterion, no two alike.
    await expectUniqueLandmarks(el, 1 + 2 * IDS.length);
    await expect(el).to.be.accessible();
  });
});

describe('landmarks: two <lc-results> on one page', () => {
  async function fixtureResults(community: string): Promise<Results> {
    const spring = (await (await fetch('/test/fixtures/results-2026-spring.json')).json()) as Results;
    return { ...spring, community };
  }

  async function loaded(el: LcResults): Promise<void> {
    await waitFor(() => el.shadowRoot!.querySelector('svg.chart .point'), 'the chart');
    await el.updateComplete;
  }

  it('names each element’s landmark after its community and round, with no landmark repeated inside', async () => {
    const north = await fixtureResults('north-district');
    const south = await fixtureResults('south-district');
    const host = await fixture(
      html`<div>
        <lc-results locale="en" .results=${north}></lc-results>
        <lc-results locale="en" .results=${south}></lc-results>
      </div>`,
    );
    const [a, b] = [...host.querySelectorAll('lc-results')];
    await loaded(a!);
    await loaded(b!);
    expect(await landmarks()).to.deep.equal([
      'region: Results for north-district, round 2026-spring',
      'region: Results for south-district, round 2026-spring',
    ]);
    // The tables still scroll in focusable areas named by their captions (groups, not landmarks).
    const areas = [...a!.shadowRoot!.querySelectorAll<HTMLElement>('.table-area')];
    expect(areas).to.have.length(2);
    for (const area of areas) {
      expect(area.getAttribute('role')).to.equal('group');
      expect(area.getAttribute('tabindex')).to.equal('0');
      expect(area.getAttribute('aria-labelledby')).to.match(/caption$/);
    }
    await expectUniqueLandmarks(host, 2);
    await expect(host).to.be.accessible();
  });

  it('while loading, or with no results, is no landmark (it has no community to be named after)', async () => {
    const el = await fixture<LcResults>(html`<lc-results locale="en"></lc-results>`);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.hasAttribute('role')).to.be.false;
    expect(await landmarks(0)).to.deep.equal([]);
  });

  it('in Danish, German and Arabic; Arabic isolates the community and round', async () => {
    const cases = [
      { locale: 'da', name: 'Resultater for north-district, runde 2026-spring' },
      { locale: 'de', name: 'Ergebnisse für north-district, Runde 2026-spring' },
      { locale: 'ar', name: 'نتائج \u2068north-district\u2069، الجولة \u20682026-spring\u2069' },
    ];
    const north = await fixtureResults('north-district');
    for (const { locale, name } of cases) {
      fixtureCleanup();
      const el = await fixture<LcResults>(html`<lc-results locale=${locale} .results=${north}></lc-results>`);
      await loaded(el);
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label'), locale).to.equal(name);
      expect(await landmarks(), locale).to.deep.equal([`region: ${name}`]);
      await expect(el).to.be.accessible();
    }
  });
});
