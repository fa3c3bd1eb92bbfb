// The drop-in build minifies every css`…` template (scripts/rollup-minify-css.js). Held here to
// Chromium's CSS parser: each stylesheet of the library, minified, must parse into the same rules.
import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { minifyCssText } from '../scripts/minify-css-text.js';
import { minifyHtmlParts } from '../scripts/minify-html-text.js';
import * as shared from '../src/core/shared-styles.js';
import { styles as assessment } from '../src/components/assessment/lc-assessment.styles.js';
import { styles as community } from '../src/components/community/lc-community.styles.js';
import { styles as card } from '../src/components/criterion-card/lc-criterion-card.styles.js';
import { styles as matrix } from '../src/components/partnership-matrix/lc-partnership-matrix.styles.js';
import { styles as journal } from '../src/components/reflection-journal/lc-reflection-journal.styles.js';
import { styles as results } from '../src/components/results/lc-results.styles.js';
import { styles as rating } from '../src/components/self-rating/lc-self-rating.styles.js';

/**
 * The rules as the browser reads them: its serialisation is canonical, except inside a var() and
 * an @supports condition, which it keeps as written. There, only the space after a comma or a
 * colon may differ, and neither is read (a var()'s fallback is trimmed, css-variables-1 §3).
 */
function rules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((r) => r.cssText.replace(/([,:])\s+/g, '$1'));
}

const SHEETS: Record<string, CSSResult> = {
  ...Object.fromEntries(Object.entries(shared).filter(([, v]) => typeof (v as CSSResult).cssText === 'string')),
  assessment,
  community,
  card,
  matrix,
  journal,
  results,
  rating,
} as Record<string, CSSResult>;

describe('CSS minification of the drop-in build', () => {
  for (const [name, sheet] of Object.entries(SHEETS)) {
    it(`keeps every rule of the ${name} styles`, () => {
      // errorBoxLook is declarations only, written into rules of other sheets.
      const text = sheet.cssText.includes('{') ? sheet.cssText : `.box {${sheet.cssText}}`;
      const before = rules(text);
      const minified = minifyCssText(text);
      expect(before.length, 'the sheet has rules').to.be.greaterThan(0);
      expect(minified.length).to.be.lessThan(text.length);
      expect(rules(minified)).to.deep.equal(before);
    });
  }

  it('keeps the white space CSS reads and the quoted strings', () => {
    const text = `a  b > c , d:hover  {  margin: calc(1px + 2px) 0;  /* note: { } */
      border: 1px solid red ;  content: ' : , ; ' ;  font-family: "A B" , serif; }`;
    const minified = minifyCssText(text);
    expect(minified).to.equal(
      `a b > c,d:hover{margin:calc(1px + 2px) 0;border:1px solid red;content:' : , ; ';font-family:"A B",serif}`,
    );
    expect(rules(minified)).to.deep.equal(rules(text));
  });

  it('leaves the edge of an interpolated part as white space', () => {
    // css`border: 1px solid ${color};` is minified quasi by quasi: "border: 1px solid " keeps its last space.
    expect(minifyCssText('  border: 1px solid ')).to.equal(' border:1px solid ');
    expect(minifyCssText(' ;\n  }')).to.equal('}');
  });
});

describe("the drop-in build's template minifier", () => {
  it('collapses line breaks between attributes and in text, parts and all', () => {
    const parts = [
      '<div\n      part="scale"\n      role=',
      '\n      ?hidden=',
      '\n    >\n      <p>a\n      b</p>\n    </div>',
    ];
    expect(minifyHtmlParts(parts)).to.deep.equal(['<div part="scale" role=', ' ?hidden=', ' > <p>a b</p> </div>']);
  });

  it('keeps quoted values, comments, <pre> and <textarea> as they are', () => {
    const quoted = ['<p title="a\n  b" data-x=\'c\n  d\'>x</p>'];
    expect(minifyHtmlParts(quoted)).to.deep.equal(quoted);
    const comment = ['<!-- a\n   b -->\n  <p></p>'];
    expect(minifyHtmlParts(comment)).to.deep.equal(['<!-- a\n   b --> <p></p>']);
    const pre = ['<pre>a\n  b</pre>\n  <textarea>', '\n  c</textarea>\n<p>d\n e</p>'];
    expect(minifyHtmlParts(pre)).to.deep.equal(['<pre>a\n  b</pre> <textarea>', '\n  c</textarea> <p>d e</p>']);
  });
});
