// The drop-in loader and a nested <lc-community>: an inner community without a locale takes the
// outer one's, so the criteria content preloaded beside a card inside it is in the outer
// community's language, not in a nearer `lang`'s. (Its own page: the card must not be loaded yet.)
import { expect } from '@open-wc/testing';
import { waitFor } from './support/helpers.js';

const content = (lang: string) => new RegExp(`/dist/cdn/chunks/common-criteria\\.${lang}-[\\w-]+\\.js$`);
const preloaded = (lang: string) =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].filter((l) =>
    content(lang).test(l.href),
  );

describe('the drop-in loader and a nested community', () => {
  it('preloads the content in the language the inner community takes from the outer one', async () => {
    const host = document.createElement('div');
    host.innerHTML = `<lc-community locale="da" storage="none"><div lang="de">
        <lc-community round="r2"><lc-criterion-card criterion="trust"></lc-criterion-card></lc-community>
      </div></lc-community>`;
    document.body.append(host);
    const file: string = '/dist/cdn/lc-elements.min.js';
    await import(/* @vite-ignore */ file);
    await waitFor(() => preloaded('da').length, 'a Danish content preload');
    expect(preloaded('de'), 'not the nearer lang').to.deep.equal([]);
    expect(preloaded('en'), 'no English').to.deep.equal([]);
    const card = host.querySelector('lc-criterion-card')!;
    await waitFor(() => card.shadowRoot?.querySelector('[part~="title"]'), 'the card to show');
    expect(card.shadowRoot!.querySelector('[part~="title"]')!.closest('[lang]')?.getAttribute('lang')).to.match(/^da/);
    host.remove();
  });
});
