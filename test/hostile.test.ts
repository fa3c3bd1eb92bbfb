import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement, PropertyDeclaration } from 'lit';
import '../src/all.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import { waitFor } from './support/helpers.js';

// Hostile strings through every attribute of every element, a criteria set, string overrides and
// server answers: no script runs, no handler attribute or javascript: URL is rendered, no prototype
// is polluted, nothing throws, and validated attributes show their error.
declare global {
  interface Window {
    __lcPwned?: unknown;
  }
}

const PWN = 'window.__lcPwned=1';
const HOSTILE = [
  `<img src=x onerror="${PWN}">`,
  `<script>${PWN}</script>`,
  `javascript:${PWN}`,
  `"><svg onload="${PWN}"><a href="javascript:${PWN}">x</a>`,
  `{{constructor.constructor('${PWN}')()}}`,
  `\${${PWN}}`,
  '</style><style>*{display:none}</style>',
  '__proto__',
  'x'.repeat(50_000),
];

/** Attributes whose values are checked: a hostile value must produce a visible alert. */
const VALIDATED: Record<string, string[]> = {
  'lc-community': ['endpoint', 'locale', 'storage', 'community', 'round', 'perspective', 'respondent'],
  'lc-criterion-card': ['criterion', 'variant', 'locale'],
  'lc-self-rating': ['criterion', 'layout', 'endpoint', 'locale', 'value'],
  'lc-reflection-journal': ['criterion', 'endpoint', 'locale', 'entries-src'],
  'lc-results': ['src', 'locale'],
  'lc-partnership-matrix': ['endpoint', 'locale', 'src'],
  'lc-assessment': ['layout', 'endpoint', 'locale'],
};
const LONG_OK = new Set(['community', 'round', 'perspective', 'respondent']);
/** A relative URL may well be called `__proto__` or `xxxx…`: only markup and javascript: are wrong there. */
const URL_ATTRIBUTES = new Set(['endpoint', 'src', 'entries-src']);
const isBad = (attribute: string, value: string) =>
  URL_ATTRIBUTES.has(attribute)
    ? /[\s<>"'`{}]|^javascript:/i.test(value)
    : !(LONG_OK.has(attribute) && value.length < 200 && value !== '');

function* deepElements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

function assertNothingRan(where: string) {
  expect(window.__lcPwned, `${where}: script ran`).to.equal(undefined);
  expect(({} as Record<string, unknown>)['polluted'], `${where}: prototype polluted`).to.equal(undefined);
  const rendered = [...deepElements(document.body)].filter((el) => el.getRootNode() instanceof ShadowRoot);
  for (const el of rendered) {
    for (const attr of el.getAttributeNames()) {
      expect(attr.startsWith('on'), `${where}: <${el.localName} ${attr}> rendered`).to.be.false;
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr)) {
        expect(el.getAttribute(attr)!.trim().toLowerCase().startsWith('javascript:'), `${where}: ${attr}`).to.be.false;
      }
    }
    expect(el.localName, `${where}: a script element`).not.to.equal('script');
  }
}

function alertText(el: Element): string {
  return [...deepElements(el.shadowRoot!)]
    .filter((e) => e.getAttribute('role') === 'alert')
    .map((e) => e.textContent ?? '')
    .join(' ');
}

const TAGS = Object.keys(VALIDATED);

describe('hostile input', function () {
  this.timeout(120_000);
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(String(e.message));
  const original = console.error;
  before(() => {
    window.addEventListener('error', onError);
    console.error = () => undefined; // every bad value is logged; the volume is not the point here
  });
  after(() => {
    window.removeEventListener('error', onError);
    console.error = original;
  });

  for (const tag of TAGS) {
    it(`<${tag}>: every attribute takes every hostile string safely; validated ones show an error`, async () => {
      const ctor = customElements.get(tag) as unknown as typeof LitElement;
      const attributes = [...(ctor.elementProperties as Map<PropertyKey, PropertyDeclaration>).entries()]
        .filter(([, d]) => d.attribute !== false && !d.state)
        .map(([name, d]) => (typeof d.attribute === 'string' ? d.attribute : String(name).toLowerCase()));
      expect(attributes.length, 'attributes found').to.be.greaterThan(2);
      for (const attribute of attributes) {
        for (const value of HOSTILE) {
          const where = `<${tag} ${attribute}="${value.slice(0, 40)}">`;
          const root = await fixture<LcCommunity>(
            html`<lc-community storage="none" endpoint="/__lc/collect/hostile" community="c" round="r"></lc-community>`,
          );
          const el = tag === 'lc-community' ? root : document.createElement(tag);
          if (tag !== 'lc-community') {
            if (['lc-criterion-card', 'lc-self-rating', 'lc-reflection-journal'].includes(tag)) {
              el.setAttribute('criterion', 'trust');
            }
            root.append(el);
          }
          el.setAttribute(attribute, value);
          await (el as LitElement).updateComplete;
          assertNothingRan(where);
          const mustComplain = VALIDATED[tag]!.includes(attribute) && isBad(attribute, value);
          if (mustComplain) {
            await waitFor(() => alertText(el).length > 0, `${where} to show an error`, 5000);
          }
          root.remove();
        }
      }
      // A handler that runs late (an image's onerror once its request has failed) has had its time.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assertNothingRan(`<${tag}>, a moment after`);
      expect(errors, 'uncaught errors').to.deep.equal([]);
    });
  }

  it('a criteria set with hostile text renders it as text', async () => {
    const set = structuredClone(commonCriteriaEn);
    set.criteria[0]!.title = HOSTILE[0]!;
    set.criteria[0]!.question = HOSTILE[3]!;
    set.criteria[0]!.prompts[0] = HOSTILE[1]!;
    const root = await fixture<LcCommunity>(
      html`<lc-community storage="none" .criteria=${set}
        ><lc-criterion-card criterion="initiatives" variant="expanded"
          ><lc-self-rating></lc-self-rating></lc-criterion-card
      ></lc-community>`,
    );
    const card = root.querySelector('lc-criterion-card')!;
    await waitFor(() => card.shadowRoot?.textContent?.includes('<img src=x'), 'the hostile title shown as text');
    expect(card.shadowRoot!.textContent).to.contain('<script>');
    assertNothingRan('criteria set');
  });

  it('string overrides with markup are shown as text', async () => {
    const root = await fixture<LcCommunity>(
      html`<lc-community storage="none" endpoint="/x"
        ><lc-self-rating
          criterion="trust"
          .strings=${{ 'scale.0.label': HOSTILE[0], 'submit.send': HOSTILE[3] }}
        ></lc-self-rating
      ></lc-community>`,
    );
    const rating = root.querySelector('lc-self-rating')!;
    await rating.updateComplete;
    expect(rating.shadowRoot!.textContent).to.contain('<img src=x onerror=');
    assertNothingRan('strings');
  });

  it('server answers with __proto__ keys pollute nothing', async () => {
    const answer = JSON.parse(
      `{"schema":"lc-results/1","community":"c","round":"r","generatedAt":"2026-11-01T00:00:00Z","__proto__":{"polluted":1},
        "criteria":[{"criterion":"trust","overall":{"n":6,"levels":[1,1,1,1,2],"dontKnow":0,"mean":2.5,"median":2.5},
        "perspectives":{"__proto__":{"n":6,"levels":[1,1,1,1,2],"dontKnow":0,"mean":2.5,"median":2.5},"constructor":{"n":6,"levels":[1,1,1,1,2],"dontKnow":0,"mean":2.5,"median":2.5}}}]}`,
    );
    const root = await fixture<LcCommunity>(
      html`<lc-community storage="none"><lc-results .results=${answer}></lc-results></lc-community>`,
    );
    await root.querySelector('lc-results')!.updateComplete;
    assertNothingRan('results');
    expect(Object.prototype).not.to.have.property('polluted');
    expect(Object.prototype).not.to.have.property('n');
  });
});
