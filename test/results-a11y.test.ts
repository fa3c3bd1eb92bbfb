// <lc-results>: keyboard access to the chart, tooltips, right-to-left layout and axe in each locale.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../src/components/results/define.js';
import type { LcResults } from '../src/components/results/lc-results.js';
import { groupStats, type Results } from '../src/core/results.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import { axNodes, axTree, captureConsoleErrors, seedReference, waitFor } from './support/helpers.js';

const SPRING = '/test/fixtures/results-2026-spring.json';
const AUTUMN = '/test/fixtures/results-2025-autumn.json';

async function load(template: ReturnType<typeof html>): Promise<LcResults> {
  const host = await fixture<HTMLElement>(template);
  const el = (host.localName === 'lc-results' ? host : host.querySelector('lc-results')!) as LcResults;
  await waitFor(() => el.shadowRoot!.querySelector('svg.chart .point'), 'the chart points');
  await el.updateComplete;
  return el;
}

const active = (el: LcResults) => el.shadowRoot!.activeElement as Element | null;

describe('<lc-results> keyboard', () => {
  it('says a compared round that could not load in its alert, and only that (no white space around it)', async () => {
    let el!: LcResults;
    await captureConsoleErrors(async () => {
      el = await load(
        html`<lc-results src=${SPRING} compare-src="/test/fixtures/no-such-round.json" locale="en"></lc-results>`,
      );
      await waitFor(() => el.shadowRoot!.querySelector('[part="error"][role="alert"]'), 'the compare alert');
    });
    const alert = el.shadowRoot!.querySelector('[part="error"][role="alert"]')!;
    expect(alert.textContent).to.match(/^The round to compare with could not be loaded: \S/);
    expect(alert.textContent).to.equal(alert.textContent!.trim());
  });
  it('reaches the chart with Tab and moves between points with the arrow keys', async () => {
    const el = await load(html`<lc-results src=${SPRING} compare-src=${AUTUMN} locale="en"></lc-results>`);
    await waitFor(() => el.shadowRoot!.querySelector('path.compare-line'), 'the compared round');
    const svgButton = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')].pop()!;
    svgButton.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el);
    expect(active(el)!.classList.contains('point')).to.be.true;
    expect(active(el)!.getAttribute('aria-label')).to.equal(
      'Taking initiatives: mean 1.5 of 4, 10 answers, change 0.0 since round 2025-autumn',
    );
    // One tab stop for the whole chart (roving tabindex).
    expect([...el.shadowRoot!.querySelectorAll('.point')].map((p) => p.getAttribute('tabindex'))).to.deep.equal([
      '0',
      '-1',
      '-1',
      '-1',
      '-1',
    ]);

    await sendKeys({ press: 'ArrowRight' });
    expect(active(el)!.getAttribute('aria-label')).to.equal(
      'Trust: mean 2.4 of 4, 19 answers, 2 don’t know, change +0.4 since round 2025-autumn',
    );
    expect(active(el)!.getAttribute('tabindex')).to.equal('0');
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)!.getAttribute('aria-label')).to.match(/^Inclusion in practice: mean 2\.1 of 4/);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el)!.getAttribute('aria-label')).to.match(/^Taking initiatives/);
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el)!.getAttribute('aria-label')).to.equal('local-pride: mean 4.0 of 4, 5 answers');
    await sendKeys({ press: 'Home' });
    expect(active(el)!.getAttribute('data-index')).to.equal('0');
    await sendKeys({ press: 'End' });
    expect(active(el)!.getAttribute('data-index')).to.equal('4');

    // Tab leaves the chart for the table's scrolling area (a group named by the caption).
    await sendKeys({ press: 'Tab' });
    expect(active(el)!.getAttribute('role')).to.equal('group');
    expect(active(el)!.getAttribute('aria-labelledby')).to.equal('table-caption');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(active(el)!.getAttribute('data-index')).to.equal('4');
  });

  it('shows a visible focus ring and a tooltip on focus, hidden with Escape', async () => {
    const el = await load(html`<lc-results src=${SPRING} locale="en"></lc-results>`);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')];
    buttons.pop()!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const point = active(el)!;
    expect(getComputedStyle(point.querySelector('.focus-ring')!).visibility).to.equal('visible');
    const tooltip = el.shadowRoot!.querySelector('[part="tooltip"]')!;
    expect(tooltip.textContent!.trim()).to.equal('Trust: mean 2.4 of 4, 19 answers, 2 don’t know');
    expect(tooltip.getAttribute('aria-hidden')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')).to.equal(null);
    expect(active(el)).to.equal(point);
  });

  it('shows a tooltip on hover', async () => {
    const el = await load(html`<lc-results src=${SPRING} locale="en"></lc-results>`);
    const dot = el.shadowRoot!.querySelector('.point[data-index="2"] .dot')!;
    const box = dot.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await waitFor(() => el.shadowRoot!.querySelector('[part="tooltip"]'), 'the tooltip');
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent).to.contain('Inclusion in practice: mean 2.1');
    await sendMouse({ type: 'move', position: [0, 0] });
    await waitFor(() => !el.shadowRoot!.querySelector('[part="tooltip"]'), 'the tooltip to go');

    // Dismissable without moving the pointer (1.4.13): Escape, wherever the focus is.
    await sendMouse({
      type: 'move',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await waitFor(() => el.shadowRoot!.querySelector('[part="tooltip"]'), 'the tooltip again');
    expect(el.shadowRoot!.activeElement, 'the focus is not on the chart').to.equal(null);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')).to.equal(null);
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('gives the chart a name and a description, and each point an image role', async () => {
    const el = await load(html`<lc-results src=${SPRING} locale="en"></lc-results>`);
    const chart = el.shadowRoot!.querySelector('svg.chart')!;
    expect(chart.getAttribute('role')).to.equal('group');
    const title = el.shadowRoot!.getElementById(chart.getAttribute('aria-labelledby')!)!;
    expect(title.textContent).to.equal('Mean level per criterion, round 2026-spring');
    const desc = el.shadowRoot!.getElementById(chart.getAttribute('aria-describedby')!)!;
    expect(desc.textContent).to.contain('Radar chart of 5 criteria');
    expect(desc.textContent).to.contain('arrow keys');
    for (const p of el.shadowRoot!.querySelectorAll('.point')) expect(p.getAttribute('role')).to.equal('img');
    // The axis labels repeat the points' names and are hidden from assistive technology.
    expect(el.shadowRoot!.querySelector('.labels')!.getAttribute('aria-hidden')).to.equal('true');
  });
});

describe('<lc-results> right to left', () => {
  it('mirrors the layout and the chart, keeps English titles readable, and swaps the arrow keys', async () => {
    const el = await load(html`<lc-results src=${SPRING} locale="ar"></lc-results>`);
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(base.getAttribute('lang')).to.equal('ar');
    const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg.chart')!;
    const cx = svg.viewBox.baseVal.width / 2;
    // Axis 1 (Trust) is to the left of the top in a mirrored radar.
    expect(Number(el.shadowRoot!.querySelector('.point[data-index="1"] .dot')!.getAttribute('cx'))).to.be.below(cx);
    // Built-in content has no Arabic: the English titles are tagged and laid out left to right.
    const label = [...el.shadowRoot!.querySelectorAll('text.axis-label')].find((t) => t.textContent === 'Trust')!;
    expect(label.getAttribute('lang')).to.equal('en');
    expect(label.getAttribute('direction')).to.equal('ltr');
    // On the left side an LTR label ends at its anchor, so it grows away from the chart.
    expect(label.getAttribute('text-anchor')).to.equal('end');
    expect(el.shadowRoot!.querySelector('tr[data-criterion="trust"] th span')!.getAttribute('lang')).to.equal('en');
    expect(el.shadowRoot!.querySelector('table.figures caption')!.textContent).to.contain('الجولة');

    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')];
    buttons.pop()!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(active(el)!.getAttribute('data-index')).to.equal('1');
    await sendKeys({ press: 'ArrowRight' });
    expect(active(el)!.getAttribute('data-index')).to.equal('0');
    const mean = new Intl.NumberFormat('ar', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(1.5);
    expect(active(el)!.getAttribute('aria-label')).to.contain(mean);
  });
});

describe('<lc-results> axe', () => {
  for (const locale of ['en', 'da', 'de', 'ar']) {
    it(`has no violations in ${locale}, with a comparison and hidden groups`, async () => {
      const el = await load(
        html`<lc-results src=${SPRING} compare-src=${AUTUMN} locale=${locale} lang=${locale}></lc-results>`,
      );
      await waitFor(() => el.shadowRoot!.querySelector('path.compare-line'), 'the compared round');
      expect(el.shadowRoot!.querySelector('[part="note"]')).to.exist;
      await expect(el).to.be.accessible();
    });
  }

  for (const locale of ['en', 'ar']) {
    it(`has no violations in ${locale} with a mean of the compared round alone, and with the counts per perspective`, async () => {
      // 2026-spring has criteria 2025-autumn does not: their rows give the compared round's mean.
      const el = await load(
        html`<lc-results src=${AUTUMN} compare-src=${SPRING} locale=${locale} lang=${locale}></lc-results>`,
      );
      await waitFor(() => el.shadowRoot!.querySelector('path.compare-line'), 'the compared round');
      expect(el.shadowRoot!.querySelector('tr[data-criterion="local-pride"] td.change .sr-only')).to.equal(null);
      await expect(el).to.be.accessible();
      const spring = await load(html`<lc-results src=${SPRING} locale=${locale} lang=${locale}></lc-results>`);
      expect(spring.shadowRoot!.querySelectorAll('td[data-perspective] .n').length).to.be.greaterThan(8);
      await expect(spring).to.be.accessible();
    });
  }

  it('has no violations with a point focused and its tooltip shown', async () => {
    const el = await load(html`<lc-results src=${SPRING} locale="en"></lc-results>`);
    el.shadowRoot!.querySelector<SVGGElement>('.point')!.focus();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('has no violations when showing an error, or with the chart hidden', async () => {
    await captureConsoleErrors(async () => {
      const el = await fixture<LcResults>(
        html`<lc-results src="/test/fixtures/results-bad.json" locale="ar" min-group="0"></lc-results>`,
      );
      await waitFor(() => el.shadowRoot!.querySelectorAll('[role="alert"]').length === 2, 'two alerts');
      await expect(el).to.be.accessible();
    });
    const hidden = await load(html`<lc-results src=${SPRING} locale="da" hide-chart></lc-results>`);
    await expect(hidden).to.be.accessible();
  });
});

describe('<lc-results> in a narrow column (reflow at 320 CSS px)', () => {
  /** Everything in the shadow root drawn past the host's right edge, outside a scrolling region. */
  function pastTheEdge(el: LcResults): string[] {
    const edge = el.getBoundingClientRect().right + 0.5;
    const scrolls = (node: Element) => {
      for (let n = node.parentElement; n; n = n.parentElement) {
        if (getComputedStyle(n).overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...el.shadowRoot!.querySelectorAll('*')]
      .filter((node) => node.getBoundingClientRect().right > edge && !scrolls(node))
      .map((node) => `${node.localName}.${node.getAttribute('class') ?? ''}`);
  }

  const TRUST = { en: 'Trust', de: 'Vertrauen', da: 'Tillid', ar: 'Trust' };
  for (const [locale, trust] of Object.entries(TRUST)) {
    it(`fits 304 px in ${locale}: a compact chart scaled down, tables scrolling in their own regions`, async () => {
      // A positioned scroll container: whatever the element draws past its edges (absolutely
      // positioned things too) makes it scroll. A wide font with the text spacing of WCAG 1.4.12.
      const host = await fixture<HTMLElement>(
        html`<div
          style="inline-size: 304px; position: relative; overflow: auto; font-family: 'DejaVu Sans', sans-serif;
            line-height: 1.5; letter-spacing: 0.12em; word-spacing: 0.16em"
        >
          <lc-results src=${SPRING} compare-src=${AUTUMN} locale=${locale}></lc-results>
        </div>`,
      );
      const el = host.querySelector('lc-results')!;
      await waitFor(() => el.shadowRoot!.querySelector('path.compare-line'), 'the compared round');
      const labels = () => [...el.shadowRoot!.querySelectorAll<SVGTextElement>('text.axis-label')];
      await waitFor(() => labels().some((t) => t.textContent === trust), `the criteria in ${locale}`);
      while (!(await el.updateComplete));
      expect(pastTheEdge(el)).to.deep.equal([]);
      expect(host.scrollWidth, 'the element scrolls sideways').to.equal(host.clientWidth);

      // The chart: as wide as the element, every axis label inside its viewBox (a long word too),
      // and labels still of about 9 px or more (the compact layout: the wide one's would be 5 px).
      const chart = el.shadowRoot!.querySelector<SVGSVGElement>('svg.chart')!;
      expect(chart.getBoundingClientRect().width).to.equal(304);
      const box = chart.viewBox.baseVal;
      expect((304 / box.width) * Number(chart.getAttribute('font-size'))).to.be.at.least(9);
      for (const label of labels()) {
        const b = label.getBBox();
        expect(b.x, label.textContent!).to.be.at.least(box.x);
        expect(b.x + b.width, label.textContent!).to.be.at.most(box.x + box.width);
        expect(b.y, label.textContent!).to.be.at.least(box.y);
        expect(b.y + b.height, label.textContent!).to.be.at.most(box.y + box.height);
      }

      // The tables are wider than 304 px: each scrolls inside a focusable area, named by its caption
      // (a group: the element itself is the landmark).
      for (const area of el.shadowRoot!.querySelectorAll<HTMLElement>('.table-area')) {
        expect(area.getAttribute('role')).to.equal('group');
        expect(area.getAttribute('tabindex')).to.equal('0');
        expect(el.shadowRoot!.getElementById(area.getAttribute('aria-labelledby')!)!.textContent!.trim()).not.to.equal(
          '',
        );
        expect(getComputedStyle(area).overflowX).to.equal('auto');
        expect(area.getBoundingClientRect().width).to.be.at.most(304);
        // Its caption is read in full without scrolling, and stays in view when the table scrolls.
        const box = area.getBoundingClientRect();
        const caption = area.querySelector('caption')!;
        for (const scrollLeft of [0, area.scrollWidth]) {
          area.scrollLeft = locale === 'ar' ? -scrollLeft : scrollLeft;
          const c = caption.getBoundingClientRect();
          expect(c.left, `caption, scrolled ${scrollLeft}`).to.be.at.least(box.left - 0.5);
          expect(c.right, `caption, scrolled ${scrollLeft}`).to.be.at.most(box.right + 0.5);
        }
        area.scrollLeft = 0;
      }
    });
  }

  it('keeps the round picker inside the element when a round has a long name', async () => {
    const community = `narrow-${Math.random().toString(36).slice(2, 10)}`;
    const long = 'autumn-2026-citizens-panel-of-the-northern-districts-and-villages';
    const answers = [
      ['trust', 2],
      ['inclusion', 3],
      ['initiatives', 1],
    ] as const;
    await seedReference(community, long, answers);
    await seedReference(community, 'spring-2027', answers);
    const src = `/__lc/reference/api/results?community=${community}&round=spring-2027`;
    const host = await fixture<HTMLElement>(
      html`<div
        style="inline-size: 304px; position: relative; overflow: auto; letter-spacing: 0.12em; word-spacing: 0.16em"
      >
        <lc-results src=${src} locale="en"></lc-results>
      </div>`,
    );
    const el = host.querySelector('lc-results')!;
    const select = await waitFor(() => el.shadowRoot!.querySelector('select'), 'the round picker');
    expect([...select.options].map((o) => o.value)).to.include(long);
    expect(select.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    expect(host.scrollWidth, 'the element scrolls sideways').to.equal(host.clientWidth);
  });

  it('keeps the tooltip of a point near the edge inside the chart', async () => {
    const host = await fixture<HTMLElement>(
      html`<div style="inline-size: 304px"><lc-results src=${SPRING} locale="en"></lc-results></div>`,
    );
    const el = host.querySelector('lc-results')!;
    await waitFor(() => el.shadowRoot!.querySelector('svg.chart .point'), 'the chart points');
    const area = el.shadowRoot!.querySelector('.chart-area')!.getBoundingClientRect();
    // Points 1 (Trust, on the right) and 4 (on the left).
    for (const index of [1, 4]) {
      el.shadowRoot!.querySelector<SVGGElement>(`.point[data-index="${index}"]`)!.focus();
      await el.updateComplete;
      const tip = el.shadowRoot!.querySelector('[part="tooltip"]')!.getBoundingClientRect();
      expect(tip.left, `point ${index}`).to.be.at.least(area.left - 0.5);
      expect(tip.right, `point ${index}`).to.be.at.most(area.right + 0.5);
    }
  });

  it('goes back to the wide chart when its column widens', async () => {
    const host = await fixture<HTMLElement>(
      html`<div style="inline-size: 304px"><lc-results src=${SPRING} locale="en"></lc-results></div>`,
    );
    const el = host.querySelector('lc-results')!;
    const chart = () => el.shadowRoot!.querySelector<SVGSVGElement>('svg.chart');
    await waitFor(() => chart()?.querySelector('.point'), 'the chart points');
    const narrow = chart()!.viewBox.baseVal.width;
    host.style.inlineSize = '600px';
    await waitFor(() => chart()!.viewBox.baseVal.width > narrow, 'the wide layout');
    expect(chart()!.getBoundingClientRect().width / chart()!.viewBox.baseVal.width).to.be.below(1.2);
  });
});

describe('<lc-results> chart point targets', () => {
  afterEach(async () => {
    await sendMouse({ type: 'move', position: [0, 0] });
    await setViewport({ width: 800, height: 600 });
  });

  /** Each point's target (its hit circle) as drawn, in CSS px, with the centre of its dot. */
  function targets(el: LcResults) {
    return [...el.shadowRoot!.querySelectorAll<SVGGElement>('.point')].map((point) => {
      const hit = point.querySelector('.hit')!.getBoundingClientRect();
      const dot = point.querySelector('.dot')!.getBoundingClientRect();
      return {
        width: hit.width,
        height: hit.height,
        x: hit.x + hit.width / 2,
        y: hit.y + hit.height / 2,
        dotX: dot.x + dot.width / 2,
        dotY: dot.y + dot.height / 2,
      };
    });
  }
  const smallest = (el: LcResults) => Math.min(...targets(el).flatMap((t) => [t.width, t.height]));
  const largest = (el: LcResults) => Math.max(...targets(el).flatMap((t) => [t.width, t.height]));

  /** Lets a resize be observed and the chart render again (an observer's callback, a task, a render). */
  async function settle(el: LcResults) {
    for (let i = 0; i < 3; i++) {
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)));
    }
  }

  for (const width of [1280, 320]) {
    it(`makes each point a target of at least 44 × 44 CSS px in a ${width} px wide window`, async () => {
      await setViewport({ width, height: 900 });
      const el = await load(html`<lc-results src=${SPRING} compare-src=${AUTUMN} locale="en"></lc-results>`);
      await waitFor(() => el.shadowRoot!.querySelector('path.compare-line'), 'the compared round');
      await settle(el);
      const all = targets(el);
      expect(all).to.have.length(5);
      for (const [i, t] of all.entries()) {
        expect(t.width, `point ${i} width`).to.be.at.least(44);
        expect(t.height, `point ${i} height`).to.be.at.least(44);
        // Centred on its dot, and no bigger than it needs to be (a target too big takes its neighbours').
        expect(t.x, `point ${i}`).to.be.closeTo(t.dotX, 0.5);
        expect(t.y, `point ${i}`).to.be.closeTo(t.dotY, 0.5);
        expect(t.width, `point ${i} width`).to.be.at.most(46);
      }
      // The circle is what the pointer meets: its edge answers for the point.
      const top = all[0]!;
      const edge = el.shadowRoot!.elementFromPoint(top.x, top.y - 21)?.closest('.point');
      expect(edge?.getAttribute('data-index')).to.equal('0');
    });
  }

  it('keeps them 44 px as the column narrows and widens, the wide layout at its smallest scale too', async () => {
    await setViewport({ width: 1280, height: 900 });
    const host = await fixture<HTMLElement>(
      html`<div style="inline-size: 700px"><lc-results src=${SPRING} locale="en"></lc-results></div>`,
    );
    const el = host.querySelector('lc-results')!;
    await waitFor(() => el.shadowRoot!.querySelector('svg.chart .point'), 'the chart points');
    const chart = () => el.shadowRoot!.querySelector<SVGSVGElement>('svg.chart')!;
    // 450 px: still the wide layout (from 440 px), drawn at about 0.7 of its size.
    for (const width of [700, 450, 304, 600]) {
      host.style.inlineSize = `${width}px`;
      await settle(el);
      await waitFor(() => smallest(el) >= 44, `targets of 44 px in ${width} px (now ${smallest(el)})`, 3000).catch(
        () => undefined,
      );
      const scale = chart().getBoundingClientRect().width / chart().viewBox.baseVal.width;
      expect(smallest(el), `${width} px, scale ${scale.toFixed(2)}`).to.be.at.least(44);
      expect(largest(el), `${width} px, scale ${scale.toFixed(2)}`).to.be.at.most(46);
    }
  });

  describe('where targets overlap', () => {
    // Five criteria: two with a mean of 0 (both drawn at the centre), two of 0.2 on neighbouring
    // axes (a few px from the centre and from each other), one of 4.
    const ids = commonCriteriaEn.criteria.slice(0, 5).map((c) => c.id);
    const levels = [
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 1],
      [4, 4, 4, 4, 4],
    ];
    const results: Results = {
      schema: 'lc-results/1',
      community: 'close',
      round: 'r1',
      generatedAt: '2026-05-01T10:00:00Z',
      criteria: ids.map((criterion, i) => ({
        criterion,
        overall: groupStats(levels[i]!),
        perspectives: { citizen: groupStats(levels[i]!) },
      })),
    };
    const title = (i: number) => commonCriteriaEn.criteria[i]!.title;

    async function close() {
      await setViewport({ width: 1280, height: 900 });
      const el = await fixture<LcResults>(html`<lc-results locale="en" .results=${results}></lc-results>`);
      await waitFor(() => el.shadowRoot!.querySelector('svg.chart .point'), 'the chart points');
      el.scrollIntoView({ block: 'start' });
      await settle(el);
      return { el, points: targets(el) };
    }
    const tooltip = (el: LcResults) =>
      el.shadowRoot!.querySelector('[part="tooltip"]')?.textContent!.replace(/\s+/g, ' ').trim() ?? '';

    it('gives the pointer to the nearest point, not to the one whose target is drawn on top', async () => {
      const { el, points } = await close();
      const [, , a, b] = points;
      // The two points are closer than their targets are wide: b's target (drawn later) covers a's dot.
      const apart = Math.hypot(a!.dotX - b!.dotX, a!.dotY - b!.dotY);
      expect(apart).to.be.below(22);
      for (const [index, p] of [
        [2, a!],
        [3, b!],
      ] as const) {
        await sendMouse({ type: 'move', position: [Math.round(p.dotX), Math.round(p.dotY)] });
        await waitFor(
          () => tooltip(el).startsWith(`${title(index)}:`),
          `the tooltip of point ${index}: "${tooltip(el)}"`,
          2000,
        ).catch(() => undefined);
        expect(tooltip(el)).to.match(new RegExp(`^${title(index)}: mean 0.2`));
      }
      // A tap or a click focuses the point nearest to it, too.
      await sendMouse({ type: 'move', position: [Math.round(a!.dotX), Math.round(a!.dotY)] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(active(el)?.getAttribute('data-index')).to.equal('2');
      expect(tooltip(el)).to.match(new RegExp(`^${title(2)}: mean 0.2`));
    });

    it('names every point drawn on one spot in the tooltip there', async () => {
      const { el, points } = await close();
      const centre = points[0]!;
      await sendMouse({ type: 'move', position: [Math.round(centre.dotX), Math.round(centre.dotY)] });
      await waitFor(() => tooltip(el).includes(title(1)), `both points at the centre: "${tooltip(el)}"`, 2000).catch(
        () => undefined,
      );
      const text = tooltip(el);
      expect(text).to.contain(`${title(0)}: mean 0.0 of 4`);
      expect(text).to.contain(`${title(1)}: mean 0.0 of 4`);
      expect(text).not.to.contain(title(2));
      await expect(el).to.be.accessible();
    });
  });
});

// The figures added last round as a screen reader gets them (Chromium's own accessibility tree,
// not axe's computation): each mean per perspective parted from its counts by a comma read, not
// seen, with no space before it; and the compared round's mean ("was 4.0") in its change cell.
describe('<lc-results> per-perspective counts and compared means in the accessibility tree', () => {
  const expected = {
    en: { cell: '3.2, 5 with a level, 2 don’t know', was: 'was 4.0' },
    da: { cell: '3,2, 5 med et niveau, 2 ved ikke', was: 'var 4,0' },
    de: { cell: '3,2, 5 mit einer Stufe, 2-mal „weiß nicht“', was: 'war 4,0' },
    ar: { cell: '3.2، 5 إجابات بمستوى، «لا أعرف»: 2', was: 'كان \u20684.0\u2069' },
  };
  const cells = async () => axNodes(await axTree()).filter((n) => n.role === 'cell');

  for (const [locale, { cell, was }] of Object.entries(expected)) {
    it(`reads them in ${locale}, and passes axe`, async () => {
      const spring = await load(html`<lc-results src=${SPRING} locale=${locale} lang=${locale}></lc-results>`);
      const names = (await cells()).map((n) => n.name ?? '');
      expect(names, 'community mentality, citizens').to.include(cell);
      const counted = names.filter((n) => /\d.*[,،].*\d/.test(n));
      expect(counted.length).to.be.greaterThan(8);
      expect(
        names.filter((n) => /\s[,،]/.test(n)),
        'no space before a comma',
      ).to.deep.equal([]);
      // On screen the mean and each count are lines of their own, without the comma after the mean.
      const commas = [...spring.shadowRoot!.querySelectorAll<HTMLElement>('td[data-perspective] .value > .comma')];
      expect(commas.length).to.be.greaterThan(8);
      for (const comma of commas) expect(comma.getBoundingClientRect().width, 'the comma not seen').to.equal(0);
      await expect(spring).to.be.accessible();
      spring.remove();

      // 2026-spring has criteria 2025-autumn does not: their change cells give the compared mean.
      const compared = await load(
        html`<lc-results src=${AUTUMN} compare-src=${SPRING} locale=${locale} lang=${locale}></lc-results>`,
      );
      await waitFor(() => compared.shadowRoot!.querySelector('path.compare-line'), 'the compared round');
      await compared.updateComplete;
      const row = compared.shadowRoot!.querySelector('tr[data-criterion="local-pride"]')!;
      expect(row.querySelector('td.change')!.textContent!.trim()).to.equal(was);
      expect((await cells()).map((n) => n.name)).to.include(was);
      await expect(compared).to.be.accessible();
    });
  }
});
