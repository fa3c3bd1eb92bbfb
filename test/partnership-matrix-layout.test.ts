// <lc-partnership-matrix> on phones and tablets: the layout for the window (short windows get the
// list), the grid's sticky headers never hiding the focused cell, the focus and the picker when the
// layout changes (the device turned, the page zoomed), and the list's controls at 320 px.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import '../src/components/partnership-matrix/define.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import type { Actor } from '../src/core/envelope.js';
import { axNodes, axTree, forcedColors, waitFor } from './support/helpers.js';
import {
  $,
  $$,
  cellAt,
  focused,
  focusedCell,
  press,
  smallActors,
  smallTies,
  uid,
} from './partnership-matrix-support.js';

/** Names as long as real ones: the column headers are as tall as they get (about 233 px). */
const longActors: Actor[] = Array.from({ length: 12 }, (_, i) => ({
  id: `o${i + 1}`,
  name: `Regional Development and Cooperation Agency Number ${i + 1}`,
  sector: i % 2 ? 'education' : 'public-authority',
}));

async function mount(layout: 'auto' | 'grid', actors = smallActors, ties = smallTies) {
  const el = await fixture<LcPartnershipMatrix>(
    html`<lc-partnership-matrix
      draft-key=${uid()}
      layout=${layout}
      .actors=${actors}
      .ties=${ties}
    ></lc-partnership-matrix>`,
  );
  await el.updateComplete;
  return el;
}

/** Two frames: the resize observer and media queries report with rendering. */
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r))));

const pickerOpen = (el: LcPartnershipMatrix) => $(el, '[part="picker"]')!.matches(':popover-open');

describe('<lc-partnership-matrix> layout for the window', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const [width, height] of [
    [740, 360],
    [844, 390],
    // 1280 × 720 at a zoom of 175 %.
    [731, 411],
  ] as const) {
    it(`shows the list in a window of ${width} × ${height} px, too short for the grid's headers and rows`, async () => {
      await setViewport({ width, height });
      const el = await mount('auto', longActors, []);
      expect($(el, '[part="list"]'), 'the list').to.exist;
      expect($(el, '[role="grid"]')).to.not.exist;
    });
  }

  it('shows the grid in a window tall enough for its headers and three rows', async () => {
    await setViewport({ width: 1000, height: 540 });
    const el = await mount('auto', longActors, []);
    await frames();
    const scroller = $(el, '.scroller')!;
    const head = $(el, '.row.head')!;
    const rows = scroller.clientHeight - head.getBoundingClientRect().height;
    expect(rows, `${scroller.clientHeight} px of box, its headers ${head.offsetHeight} px`).to.be.at.least(3 * 44);
  });

  it('turns to the list when the window turns short, and back', async function () {
    // Media queries report with rendering frames, which a page in the background does not get.
    if (document.visibilityState !== 'visible') this.skip();
    await setViewport({ width: 1000, height: 700 });
    const el = await mount('auto');
    expect($(el, '[role="grid"]')).to.exist;
    await setViewport({ width: 1000, height: 400 });
    await waitFor(() => $(el, '[part="list"]'), 'the list in a short window');
    await setViewport({ width: 1000, height: 700 });
    await waitFor(() => $(el, '[role="grid"]'), 'the grid again');
  });
});

describe('<lc-partnership-matrix> the grid’s sticky headers', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('never hide the focused cell: the scroll padding is the headers’ own height', async () => {
    await setViewport({ width: 1200, height: 800 });
    const el = await mount('grid', longActors, []);
    await frames();
    const head = $(el, '.row.head')!;
    expect(head.offsetHeight, 'headers taller than the 10em of before').to.be.above(170);
    cellAt(el, longActors.length - 1, 0).focus();
    for (let k = 0; k < longActors.length - 1; k++) {
      await press('ArrowUp');
      await el.updateComplete;
      const cell = focused(el)!.getBoundingClientRect();
      const bottom = head.getBoundingClientRect().bottom;
      expect(cell.top, `cell ${focusedCell(el)} at ${cell.top}, the headers down to ${bottom}`).to.be.at.least(
        bottom - 1,
      );
    }
    expect(focusedCell(el)).to.deep.equal([0, 0]);
  });
});

describe('<lc-partnership-matrix> when the layout changes', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('closes the picker and moves the focus from the grid to the list’s control for that pair, and back', async function () {
    if (document.visibilityState !== 'visible') this.skip();
    await setViewport({ width: 1000, height: 700 });
    const el = await mount('auto');
    cellAt(el, 1, 2).focus();
    await press('Enter');
    await el.updateComplete;
    expect(pickerOpen(el)).to.be.true;

    // Turned sideways: a short window.
    await setViewport({ width: 1000, height: 400 });
    await waitFor(() => $(el, '[part="list"]'), 'the list');
    await el.updateComplete;
    expect(pickerOpen(el), 'the picker closed with its cell').to.be.false;
    expect($<HTMLSelectElement>(el, '#list-actor')!.value, 'City College’s ties').to.equal('1');
    expect(focused(el)?.id, 'the level of City College – Savings Bank').to.equal('lv-2');

    // From the list (Sport Club's tie with Town hall, its flag) to the grid: that pair's cell.
    const actor = $<HTMLSelectElement>(el, '#list-actor')!;
    actor.value = '3';
    actor.dispatchEvent(new Event('change'));
    await el.updateComplete;
    $<HTMLSelectElement>(el, '#lv-0')!.focus();
    // Wider: a zoom taken back, or the phone turned back.
    await setViewport({ width: 1000, height: 700 });
    await waitFor(() => $(el, '[role="grid"]'), 'the grid');
    await el.updateComplete;
    expect(focusedCell(el), 'Sport Club – Town hall').to.deep.equal([3, 0]);
  });

  it('moves the focus across a change of width too (640 px), and leaves focus elsewhere where it is', async function () {
    if (document.visibilityState !== 'visible') this.skip();
    await setViewport({ width: 1000, height: 700 });
    const el = await mount('auto');
    cellAt(el, 0, 0).focus();
    await setViewport({ width: 400, height: 700 });
    await waitFor(() => $(el, '[part="list"]'), 'the list');
    await el.updateComplete;
    expect(focused(el)?.id, 'the actor’s own cell: the list’s actor').to.equal('list-actor');

    const outside = document.createElement('button');
    el.after(outside);
    outside.focus();
    await setViewport({ width: 1000, height: 700 });
    await waitFor(() => $(el, '[role="grid"]'), 'the grid');
    await el.updateComplete;
    expect(document.activeElement === outside, 'the focus stays on the page’s button').to.be.true;
    outside.remove();
  });

  it('keeps the picker under its cell when the window is resized', async function () {
    if (document.visibilityState !== 'visible') this.skip();
    await setViewport({ width: 1200, height: 800 });
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 700px; margin-inline: auto">
        <lc-partnership-matrix draft-key=${uid()} layout="grid" .actors=${smallActors} .ties=${smallTies}>
        </lc-partnership-matrix>
      </div>`,
    );
    const el = wrap.querySelector<LcPartnershipMatrix>('lc-partnership-matrix')!;
    await el.updateComplete;
    const cell = cellAt(el, 1, 2);
    cell.focus();
    await press('Enter');
    await el.updateComplete;
    const picker = $(el, '[part="picker"]')!;
    const under = (what: string) => {
      const c = cell.getBoundingClientRect();
      const p = picker.getBoundingClientRect();
      expect(Math.abs(p.left - c.left), `${what}: picker at ${p.left}, its cell at ${c.left}`).to.be.below(2);
      expect(Math.abs(p.top - (c.bottom + 4)), `${what}: top`).to.be.below(2);
    };
    under('opened');
    // The page's centred column moves the cell 100 px to the left.
    await setViewport({ width: 1000, height: 800 });
    await frames();
    await el.updateComplete;
    expect(pickerOpen(el)).to.be.true;
    under('after the resize');
    await press('Escape');
  });
});

describe('<lc-partnership-matrix> the list at 320 px', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('keeps the "works without a public authority" box its full size beside its long label', async () => {
    await setViewport({ width: 320, height: 640 });
    // A portal's column on a 320 px phone, its page padded on both sides.
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 240px; margin-inline: auto">
        <lc-partnership-matrix draft-key=${uid()} .actors=${smallActors} .ties=${smallTies}></lc-partnership-matrix>
      </div>`,
    );
    const el = wrap.querySelector<LcPartnershipMatrix>('lc-partnership-matrix')!;
    await el.updateComplete;
    expect($(el, '[part="list"]'), 'the list').to.exist;
    const boxes = $$<HTMLInputElement>(el, 'input[data-kind="independent"]');
    expect(boxes.length).to.be.above(0);
    for (const box of boxes) {
      const { width, height } = box.getBoundingClientRect();
      expect(width, 'as wide as it is tall (1.25em)').to.be.closeTo(height, 0.5);
      expect(height).to.be.above(15);
    }
  });
});

// The list a short window gets (a phone held sideways), with the Undo line of removed actors and a
// rename being typed: axe in each language, Undo's name and what it puts back in Chromium's
// accessibility tree, its focus ring in forced colours, and the focus and the typing kept when
// the window grows tall enough for the grid.
describe('<lc-partnership-matrix> the short window’s list, Undo and renames', () => {
  afterEach(async () => {
    await forcedColors(false);
    await setViewport({ width: 800, height: 600 });
  });

  for (const locale of ['en', 'da', 'de', 'ar']) {
    it(`${locale}: Undo says what it puts back, passes axe, and keeps its focus ring in forced colours`, async () => {
      await setViewport({ width: 844, height: 390 });
      const el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix
          draft-key=${uid()}
          locale=${locale}
          .actors=${smallActors}
          .ties=${smallTies}
        ></lc-partnership-matrix>`,
      );
      await el.updateComplete;
      expect($(el, '[part="list"]'), 'the list in 844 × 390').to.exist;
      $<HTMLElement>(el, '[part="actors"] > summary')!.click();
      await waitFor(() => $(el, '.actor-list input'), 'the Actors panel');
      // Two removed, from the keyboard: the Undo stack holds both, the last one on top.
      for (const index of [3, 2]) {
        $$<HTMLButtonElement>(el, '.actor-list button[data-kind="remove"]')[index]!.focus();
        await press('Enter');
        await el.updateComplete;
      }
      const undo = $<HTMLButtonElement>(el, '#undo')!;
      await waitFor(() => focused(el) === undo, 'the focus on Undo');
      const line = undo.previousElementSibling!.textContent!.trim();
      expect(line).to.contain(smallActors[2]!.name);
      const node = axNodes(await axTree()).find((n) => n.focused);
      expect([node?.role, node?.name, node?.description]).to.deep.equal(['button', undo.textContent!.trim(), line]);
      await expect(el).to.be.accessible();
      await forcedColors(true);
      const ring = getComputedStyle(undo);
      expect(ring.outlineStyle, 'a focus outline, which forced colours keep').to.not.equal('none');
      expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
      await forcedColors(false);
      // Undo puts back the last removed, and then says the one before it.
      await press('Enter');
      await el.updateComplete;
      await el.updateComplete;
      expect(el.actors.map((a) => a.id)).to.include(smallActors[2]!.id);
      expect($(el, '#undo-what')!.textContent).to.contain(smallActors[3]!.name);
      expect($(el, '#undo')!.getAttribute('aria-describedby')).to.equal('undo-what');
    });
  }

  it('keeps a rename being typed, and the focus on it, when the short window turns tall (the grid)', async function () {
    // Media queries report with rendering frames, which a page in the background does not get.
    if (document.visibilityState !== 'visible') this.skip();
    await setViewport({ width: 844, height: 390 });
    const el = await mount('auto');
    expect($(el, '[part="list"]')).to.exist;
    $<HTMLElement>(el, '[part="actors"] > summary')!.click();
    await waitFor(() => $(el, '.actor-list input'), 'the Actors panel');
    const name = $$<HTMLInputElement>(el, '.actor-list input[data-kind="name"]')[1]!;
    name.focus();
    await press('End');
    await sendKeys({ type: ' North' });
    await setViewport({ width: 1000, height: 700 });
    await waitFor(() => $(el, '[role="grid"]'), 'the grid');
    await el.updateComplete;
    const after = $$<HTMLInputElement>(el, '.actor-list input[data-kind="name"]')[1]!;
    expect(after.value).to.equal(`${smallActors[1]!.name} North`);
    expect(focused(el), 'the focus where the person was typing').to.equal(after);
    expect(el.actors[1]!.name, 'not taken until the rename is done').to.equal(smallActors[1]!.name);
    await expect(el).to.be.accessible();
  });
});

/** The luminance contrast of two opaque `rgb()` colours, as forced colours compute them. */
function contrast(a: string, b: string): number {
  const lum = (colour: string) => {
    const [r, g, bl] = colour.match(/[\d.]+/g)!.map((c) => Number(c) / 255);
    const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(bl!);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return Math.round(((hi! + 0.05) / (lo! + 0.05)) * 10) / 10;
}

/** Each box's text colour against its own background, with what it is. */
function contrasts(boxes: Element[]): Record<string, number> {
  return Object.fromEntries(
    boxes.map((box, i) => {
      const style = getComputedStyle(box);
      return [
        `${i} ${box.className} "${box.textContent!.trim().slice(0, 12)}"`,
        contrast(style.color, style.backgroundColor),
      ];
    }),
  );
}

// Forced colours with a dark theme (Windows' "Night sky"): the level swatches' and the list's ties'
// own colours were more specific than the forced colours' rule for the levels, and stayed dark text
// on the black Canvas (1.1:1); the list's unchecked checkbox, not forced, drew as a filled square.
describe('<lc-partnership-matrix> in forced colours with a dark theme', () => {
  afterEach(async () => {
    await forcedColors(false);
    await setViewport({ width: 800, height: 600 });
  });

  it('the legend’s and the level picker’s swatches read at 4.5:1', async () => {
    await setViewport({ width: 1024, height: 800 });
    await forcedColors(true, 'dark');
    const el = await mount('grid');
    const swatches = $$(el, '.legend .swatch, [part="picker"] .swatch');
    expect(swatches.length).to.be.at.least(9);
    expect(Object.entries(contrasts(swatches)).filter(([, ratio]) => ratio < 4.5)).to.deep.equal([]);
    expect(getComputedStyle(swatches[0]!).backgroundColor, 'the forced Canvas is dark').to.equal('rgb(0, 0, 0)');
  });

  it('the list’s ties read at 4.5:1, and their checkboxes take the forced colours', async () => {
    await setViewport({ width: 360, height: 640 });
    await forcedColors(true, 'dark');
    const el = await mount('auto');
    expect($(el, '[part="list"]'), 'the list at 360 px').to.exist;
    const ties = $$(el, 'li.tie');
    expect(ties.filter((tie) => /\bl[1-4]\b/.test(tie.className)).length, 'ties of a level').to.be.at.least(1);
    expect(Object.entries(contrasts(ties)).filter(([, ratio]) => ratio < 4.5)).to.deep.equal([]);
    const names = ties.map((tie) =>
      contrast(getComputedStyle(tie.querySelector('.who')!).color, getComputedStyle(tie).backgroundColor),
    );
    expect(
      names.filter((ratio) => ratio < 4.5),
      'the names on their ties',
    ).to.deep.equal([]);
    const boxes = $$(el, 'li.tie input[type="checkbox"]');
    expect(boxes.length).to.be.at.least(1);
    expect(boxes.map((box) => getComputedStyle(box).forcedColorAdjust)).to.deep.equal(boxes.map(() => 'auto'));
  });
});
