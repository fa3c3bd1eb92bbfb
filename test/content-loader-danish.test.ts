// The README's example page, in Danish, through the drop-in loader: a card with a rating in a
// Danish community. The page loads the Danish criteria content, fetched beside the card's own
// files, and never the English content. (Its own page: nothing else here may load English.
// `npm run build` makes dist/cdn/.)
import { expect } from '@open-wc/testing';
import { commonCriteriaDa } from '../src/criteria/common-criteria.da.js';
import { waitFor } from './support/helpers.js';

const content = (lang: string) => new RegExp(`/dist/cdn/chunks/common-criteria\\.${lang}-[\\w-]+\\.js$`);
const preloads = () =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href);
const fetched = () => performance.getEntriesByType('resource').map((e) => e.name);

describe('a Danish page with <lc-criterion-card>', () => {
  it('loads the Danish content with the card, and not the English', async () => {
    const host = document.createElement('div');
    host.innerHTML = `<lc-community locale="da" storage="none">
      <lc-criterion-card criterion="trust"><lc-self-rating></lc-self-rating></lc-criterion-card>
    </lc-community>`;
    document.body.append(host);
    const file: string = '/dist/cdn/lc-elements.min.js';
    await import(/* @vite-ignore */ file);
    const card = host.querySelector('lc-criterion-card')!;
    const title = await waitFor(() => card.shadowRoot?.querySelector('[part~="title"]'), 'the card to show');
    const trust = commonCriteriaDa.criteria.find((c) => c.id === 'trust')!;
    expect(title.textContent).to.equal(trust.title);
    expect(card.shadowRoot!.querySelector('[part~="why"]')!.textContent).to.contain(trust.why);

    expect(
      preloads().filter((href) => content('da').test(href)),
      'the Danish content preloaded',
    ).to.have.length(1);
    expect(
      preloads().filter((href) => content('en').test(href)),
      'no English content preloaded',
    ).to.deep.equal([]);
    expect(
      fetched().filter((url) => content('da').test(url)),
      'the Danish content fetched once',
    ).to.have.length(1);
    expect(
      fetched().filter((url) => content('en').test(url)),
      'the English content never fetched',
    ).to.deep.equal([]);
  });
});
