// A language the library does not ship, translated by the host in `strings`: given whole, the
// element is that language (`lang`, `dir`); given in part, it stays English and says so.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/community/define.js';
import '../src/components/self-rating/define.js';
import { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import { coreStrings } from '../src/core/i18n/core-strings.js';
import type { Message } from '../src/core/i18n/i18n.js';

/** Every text of the rating, "translated": each form marked, its placeholders kept. */
function hebrew(): Record<string, Message> {
  const mark = (text: string) => `עב ${text}`;
  const out: Record<string, Message> = {};
  // The element says which texts it has: its own and the shared ones.
  for (const [key, message] of Object.entries(LcSelfRating.englishTexts)) {
    out[key] =
      typeof message === 'string'
        ? mark(message)
        : (Object.fromEntries(Object.entries(message).map(([form, text]) => [form, mark(text)])) as Message);
  }
  return out;
}

/** A rating in Hebrew given `strings` (at once, or by script just after it first rendered). */
async function rating(strings: Record<string, Message>, later = false) {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    const host = await fixture<HTMLElement>(
      html`<lc-community locale="he" storage="none"
        ><lc-self-rating criterion="trust" .strings=${later ? undefined : strings}></lc-self-rating
      ></lc-community>`,
    );
    const el = host.querySelector<LcSelfRating>('lc-self-rating')!;
    await el.updateComplete;
    if (later) {
      el.strings = strings;
      await el.updateComplete;
    }
    // The console line comes once the page's script has had its turn.
    await new Promise((r) => setTimeout(r, 20));
    const base = el.shadowRoot!.querySelector('[part~="base"]')!;
    return { el, base, warnings };
  } finally {
    console.warn = warn;
  }
}

describe('a language translated by the host', () => {
  it('finds every text to translate on the element class (englishTexts): its own and the shared ones', () => {
    const keys = Object.keys(LcSelfRating.englishTexts);
    expect(keys).to.include.members([...Object.keys(coreStrings.en), ...Object.keys(LcSelfRating.texts.en)]);
    expect(keys).to.have.length(new Set([...Object.keys(coreStrings.en), ...Object.keys(LcSelfRating.texts.en)]).size);
  });

  it('given whole, the element is in it: lang and direction (Hebrew: right to left), no "shown in English"', async () => {
    const { el, base, warnings } = await rating(hebrew());
    expect([base.getAttribute('lang'), base.getAttribute('dir')]).to.deep.equal(['he', 'rtl']);
    expect(el.shadowRoot!.querySelector('#option-0')!.textContent).to.contain('עב');
    expect(warnings.filter((w) => w.includes('"he"'))).to.deep.equal([]);
  });

  it('given whole by script just after the element rendered (as a framework does): no "shown in English"', async () => {
    const { base, warnings } = await rating(hebrew(), true);
    expect([base.getAttribute('lang'), base.getAttribute('dir')]).to.deep.equal(['he', 'rtl']);
    expect(warnings.filter((w) => w.includes('"he"'))).to.deep.equal([]);
  });

  it('given in part, it stays English, marked so, and the console says why', async () => {
    const partial = hebrew();
    delete partial['submit.send'];
    const { base, warnings } = await rating(partial);
    expect([base.getAttribute('lang'), base.getAttribute('dir')]).to.deep.equal(['en', 'ltr']);
    expect(warnings.some((w) => w.includes('no built-in strings for "he"') && w.includes('strings'))).to.equal(true);
  });
});
