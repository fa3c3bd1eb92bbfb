// The page bundle for bench/render.bench.js: the library's card, rating and community, and a
// plain-Lit baseline doing the same job with the least code (a heading, a question, six native
// radios), so the figures compare like with like in one run.
import { html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import '../../src/components/community/define.js';
import '../../src/components/criterion-card/define.js';
import '../../src/components/self-rating/define.js';
import { commonCriteriaEn } from '../../src/criteria/common-criteria.en.js';

const LABELS = [
  'Not addressed',
  'Occasional',
  'Practised regularly',
  'Tested and challenged',
  'Systematic',
  'Don’t know',
];

class PlainCard extends LitElement {
  static properties = { criterion: {} };
  criterion = 'trust';
  @state() private value = '';
  override render() {
    const c = commonCriteriaEn.criteria.find((x) => x.id === this.criterion)!;
    return html`<article>
      <h3>${c.title}</h3>
      <p>${c.question}</p>
      <fieldset @change=${(e: Event) => (this.value = (e.target as HTMLInputElement).value)}>
        <legend>${c.title}</legend>
        ${LABELS.map(
          (label, i) =>
            html`<label
              ><input type="radio" name="r" value=${i} .checked=${this.value === String(i)} />${label}</label
            >`,
        )}
      </fieldset>
    </article>`;
  }
}
customElements.define('plain-card', PlainCard);

(globalThis as typeof globalThis & { lcCriteriaIds: string[] }).lcCriteriaIds = commonCriteriaEn.criteria.map(
  (c) => c.id,
);
