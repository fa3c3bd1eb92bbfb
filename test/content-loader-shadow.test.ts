// The drop-in loader and elements in a host's own shadow root (`discover(shadowRoot)`, as a Lit
// component's host runs it): the criteria content preloaded beside them is in the language of the
// `<lc-community locale>` or `lang` around the host, outside that root, not English. (Its own page:
// the elements must not be loaded yet.)
import { expect } from '@open-wc/testing';
import { waitFor } from './support/helpers.js';

const content = (lang: string) => new RegExp(`/dist/cdn/chunks/common-criteria\\.${lang}-[\\w-]+\\.js$`);
const preloaded = (lang: string) =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].filter((l) =>
    content(lang).test(l.href),
  );

/** A host element whose shadow root holds `markup`. */
function host(markup: string): HTMLElement {
  const el = document.createElement('div');
  el.attachShadow({ mode: 'open' }).innerHTML = markup;
  return el;
}

describe('the drop-in loader and a host’s shadow root', () => {
  it('preloads the content in the language of the community or lang around the host', async () => {
    const page = document.createElement('div');
    page.innerHTML = `<lc-community locale="da" storage="none"></lc-community><div lang="de"></div>`;
    const danish = host(`<lc-criterion-card criterion="trust"></lc-criterion-card>`);
    const german = host(`<lc-results></lc-results>`);
    page.querySelector('lc-community')!.append(danish);
    page.querySelector('[lang="de"]')!.append(german);
    document.body.append(page);
    const file: string = '/dist/cdn/lc-elements.min.js';
    const { discover } = (await import(/* @vite-ignore */ file)) as { discover: (root: ParentNode) => void };
    discover(danish.shadowRoot!);
    discover(german.shadowRoot!);
    await waitFor(() => preloaded('da').length && preloaded('de').length, 'Danish and German content preloads');
    expect(preloaded('en'), 'no English').to.deep.equal([]);
    const card = danish.shadowRoot!.querySelector('lc-criterion-card')!;
    await waitFor(() => card.shadowRoot?.querySelector('[part~="title"]'), 'the card to show');
    expect(card.shadowRoot!.querySelector('[part~="title"]')!.closest('[lang]')?.getAttribute('lang')).to.match(/^da/);
    page.remove();
  });
});
