import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/community/define.js';
import '../src/components/partnership-matrix/define.js';
import '../src/components/reflection-journal/define.js';
import '../src/components/results/define.js';
import '../src/components/self-rating/define.js';
import { smallActors } from './partnership-matrix-support.js';
import { newBucket, setOffline, waitFor } from './support/helpers.js';

// The shared tokens of docs/theming.md theme every element: one rule above them all. The older
// names some elements read first (`--lc-focus-ring`, `--lc-text`…) still work where the documented
// ones are not set; a focus token is a colour either way.

const TEXT = 'rgb(10, 20, 30)';
const FOCUS = 'rgb(200, 100, 0)';
const OLD_FOCUS = 'rgb(0, 120, 60)';

/** The element that has the focus, through shadow roots. */
function deepActive(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const ELEMENTS = {
  'lc-partnership-matrix': async (host: HTMLElement) => {
    await host.querySelector('lc-partnership-matrix')!.updateComplete;
  },
  'lc-reflection-journal': async (host: HTMLElement) => {
    await host.querySelector('lc-reflection-journal')!.updateComplete;
  },
  'lc-results': async (host: HTMLElement) => {
    const el = host.querySelector('lc-results')!;
    await waitFor(() => el.shadowRoot!.querySelector('.table-area'), 'the figures');
  },
  'lc-self-rating': async (host: HTMLElement) => {
    await host.querySelector('lc-self-rating')!.updateComplete;
  },
};

async function mount(tag: keyof typeof ELEMENTS, tokens: string) {
  const host = await fixture<HTMLElement>(
    html`<div>
      <button id="before">before</button>
      <lc-community community="theming" round="r1" storage="none">
        ${tag === 'lc-partnership-matrix' ? html`<lc-partnership-matrix></lc-partnership-matrix>` : ''}
        ${tag === 'lc-reflection-journal' ? html`<lc-reflection-journal draft-key="theming"></lc-reflection-journal>` : ''}
        ${tag === 'lc-results' ? html`<lc-results src="/test/fixtures/results-2026-spring.json"></lc-results>` : ''}
        ${tag === 'lc-self-rating' ? html`<lc-self-rating criterion="trust"></lc-self-rating>` : ''}
      </lc-community>
    </div>`,
  );
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`.themed { ${tokens} }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  host.classList.add('themed');
  await ELEMENTS[tag](host);
  return {
    el: host.querySelector(tag)!,
    cleanUp: () => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)),
  };
}

/** Tabs from the button before the element to its first focus stop; returns that stop's outline. */
async function firstFocusRing() {
  (document.getElementById('before') as HTMLButtonElement).focus();
  await sendKeys({ press: 'Tab' });
  const focused = deepActive()!;
  expect(focused.getRootNode(), 'the focus is inside the element').to.be.instanceOf(ShadowRoot);
  const style = getComputedStyle(focused);
  return { style: style.outlineStyle, color: style.outlineColor, width: style.outlineWidth };
}

describe('theming with the shared tokens', () => {
  for (const tag of Object.keys(ELEMENTS) as (keyof typeof ELEMENTS)[]) {
    it(`${tag}: --lc-text-color and --lc-focus-color`, async () => {
      const { el, cleanUp } = await mount(tag, `--lc-text-color: ${TEXT}; --lc-focus-color: ${FOCUS};`);
      try {
        expect(getComputedStyle(el).color).to.equal(TEXT);
        expect(await firstFocusRing()).to.deep.equal({ style: 'solid', color: FOCUS, width: '3px' });
      } finally {
        cleanUp();
      }
    });
  }

  for (const tag of ['lc-partnership-matrix', 'lc-reflection-journal', 'lc-results'] as const) {
    it(`${tag}: the older --lc-focus-ring, a colour, when --lc-focus-color is not set`, async () => {
      const { cleanUp } = await mount(tag, `--lc-focus-ring: ${OLD_FOCUS};`);
      try {
        expect(await firstFocusRing()).to.deep.equal({ style: 'solid', color: OLD_FOCUS, width: '3px' });
      } finally {
        cleanUp();
      }
    });
  }

  it('lc-self-rating: the checked option is a tint of the accent when --lc-accent-soft is not set', async () => {
    const { el, cleanUp } = await mount('lc-self-rating', `--lc-accent: rgb(0, 128, 0);`);
    try {
      el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[2]!.click();
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const checked = el.shadowRoot!.querySelector('[aria-checked="true"]')!;
      const colour = getComputedStyle(checked).backgroundColor;
      // `rgb(…)` in 0–255, or `color(srgb …)` (color-mix) in 0–1.
      const scale = colour.startsWith('color(') ? 255 : 1;
      const [r, g, b] = colour
        .replace(/^color\(srgb|^rgba?\(/, '')
        .match(/[\d.]+/g)!
        .map((x) => Number(x) * scale);
      // 10% green over white: a light green, not the default light blue.
      expect(g! > r! && g! > b!, colour).to.be.true;
      expect(r! > 200 && b! > 200, colour).to.be.true;
    } finally {
      cleanUp();
    }
  });

  it('lc-reflection-journal: the older --lc-text when --lc-text-color is not set', async () => {
    const { el, cleanUp } = await mount('lc-reflection-journal', `--lc-text: ${TEXT};`);
    try {
      expect(getComputedStyle(el).color).to.equal(TEXT);
    } finally {
      cleanUp();
    }
  });
});

describe('a dark theme with the shared tokens only', () => {
  it('lc-partnership-matrix: every level, the focused row and column, the heatmap and the list read well', async () => {
    const host = await fixture<HTMLElement>(
      html`<div>
        <lc-community community="theming-dark" round="r1" storage="none" endpoint="/__lc/collect/theming-dark">
          <lc-partnership-matrix></lc-partnership-matrix>
        </lc-community>
      </div>`,
    );
    const sheet = new CSSStyleSheet();
    // The dark theme of stories/theming.stories.ts, without any --lc-matrix-* token.
    sheet.replaceSync(`.dark { color-scheme: dark; background: #16181d; color: #e8eaf0;
      --lc-accent: #8ab4ff; --lc-accent-text: #0b1530; --lc-accent-soft: #233252; --lc-text-color: #e8eaf0;
      --lc-muted-text: #b4bac8; --lc-surface: #20232b; --lc-field-background: #16181d; --lc-field-text: #e8eaf0;
      --lc-border-color: #8a91a3; --lc-focus-color: #ffd166; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    host.classList.add('dark');
    try {
      const el = host.querySelector('lc-partnership-matrix')!;
      el.actors = smallActors;
      el.ties = [
        { source: 'town', target: 'college', level: 1, independent: false },
        { source: 'town', target: 'bank', level: 2, independent: true },
        { source: 'town', target: 'club', level: 3, independent: false },
        { source: 'college', target: 'bank', level: 4, independent: true },
      ];
      await el.updateComplete;
      // Its Send button takes --lc-accent-text, as every element's does.
      const send = el.shadowRoot!.querySelector<HTMLElement>('[part~="submit"]')!;
      expect(getComputedStyle(send).color).to.equal('rgb(11, 21, 48)');
      const cell = el.shadowRoot!.querySelector<HTMLElement>('[role="gridcell"]:not(.self)')!;
      cell.focus();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.current'), 'the focused row and column are marked').to.not.equal(null);
      await expect(host).to.be.accessible();
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  it('lc-self-rating: its status reads well queued and sent, without any status token', async () => {
    const bucket = newBucket('theming-dark-rating');
    const host = await fixture<HTMLElement>(
      html`<div>
        <lc-self-rating criterion="trust" endpoint=${bucket.endpoint}></lc-self-rating>
      </div>`,
    );
    const sheet = new CSSStyleSheet();
    // The dark set of docs/theming.md, which sets no --lc-status-background or --lc-success-background.
    sheet.replaceSync(`.dark { color-scheme: dark; background: #16181d; color: #e8eaf0;
      --lc-accent: #8ab4ff; --lc-accent-text: #0b1530; --lc-accent-soft: #233252; --lc-text-color: #e8eaf0;
      --lc-muted-text: #b4bac8; --lc-surface: #20232b; --lc-field-background: #16181d; --lc-field-text: #e8eaf0;
      --lc-border-color: #8a91a3; --lc-focus-color: #ffd166; --lc-success-color: #7bd389; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    host.classList.add('dark');
    const el = host.querySelector('lc-self-rating')!;
    try {
      await el.updateComplete;
      el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[2]!.click();
      await setOffline(true);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await waitFor(() => el.submissionState === 'queued', 'queued');
      await el.updateComplete;
      await expect(host).to.be.accessible();
      await setOffline(false);
      await waitFor(() => el.submissionState === 'sent', 'sent');
      await el.updateComplete;
      await expect(host).to.be.accessible();
    } finally {
      await setOffline(false);
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });
});
