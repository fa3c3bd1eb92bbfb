// The drop-in loader fetches the criteria content an element will show beside the element's own
// files, in the language the element resolves (DESIGN.md): its `locale`, its `<lc-community
// locale>`, the nearest `lang`. Danish and German have their own content; any other language
// shows English. An element that shows only headlines (a rating) has no content preloaded. (Its
// own page: the elements must not be defined yet. `npm run build` makes dist/cdn/.)
import { expect } from '@open-wc/testing';
import { commonCriteriaDe } from '../src/criteria/common-criteria.de.js';
import { waitFor } from './support/helpers.js';

const content = (lang: string) => new RegExp(`/dist/cdn/chunks/common-criteria\\.${lang}-[\\w-]+\\.js$`);
const preloaded = (lang: string) =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].filter((l) =>
    content(lang).test(l.href),
  );
const anyContent = () => ['en', 'da', 'de'].flatMap(preloaded);

/** Adds markup to the page; the loader, watching the document, finds the elements in it. */
function add(markup: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  return host;
}

describe('the drop-in loader and the criteria content', () => {
  before(async () => {
    add('<section lang="de"><lc-self-rating criterion="trust" storage="none"></lc-self-rating></section>');
    const file: string = '/dist/cdn/lc-elements.min.js';
    await import(/* @vite-ignore */ file);
    await customElements.whenDefined('lc-self-rating');
  });

  it('preloads no content for a rating (it shows headlines)', () => {
    expect(anyContent()).to.deep.equal([]);
  });

  it("preloads the content in the nearest lang's language with a card", async () => {
    const host = add('<section lang="de-AT"><lc-criterion-card criterion="trust"></lc-criterion-card></section>');
    await waitFor(() => preloaded('de').length, 'a German content preload');
    expect(preloaded('de')).to.have.length(1);
    expect(preloaded('en'), 'no English').to.deep.equal([]);
    const card = host.querySelector('lc-criterion-card')!;
    const title = await waitFor(() => card.shadowRoot?.querySelector('[part~="title"]'), 'the card to show');
    expect(title.textContent).to.equal(commonCriteriaDe.criteria.find((c) => c.id === 'trust')!.title);
    const fetched = performance.getEntriesByType('resource').filter((e) => content('de').test(e.name));
    expect(fetched, 'fetched once, preload and import alike').to.have.length(1);
  });

  it("takes the community's locale before a nearer lang", async () => {
    add('<lc-community locale="da" storage="none"><div lang="de"><lc-results></lc-results></div></lc-community>');
    await waitFor(() => preloaded('da').length, 'a Danish content preload');
    expect(preloaded('en'), 'no English').to.deep.equal([]);
  });

  it("takes the element's own locale first, and English for a language without content", async () => {
    add(
      '<lc-community locale="da" storage="none"><div lang="de"><lc-assessment locale="fr"></lc-assessment></div></lc-community>',
    );
    await waitFor(() => preloaded('en').length, 'an English content preload');
    expect(preloaded('da'), 'still the one Danish preload').to.have.length(1);
  });
});
