// The names Chromium itself gives the rating's options, as a screen reader gets them (its
// accessibility tree, not axe's computation): "0 Not addressed", with the space, in every language.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import '../src/components/community/define.js';
import '../src/components/self-rating/define.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import 'axe-core/axe.min.js';
import { axNodes, axTree, waitFor } from './support/helpers.js';

type AxNode = { role: string; name?: string; children?: AxNode[] };
const all = (node: AxNode): AxNode[] => [node, ...(node.children ?? []).flatMap(all)];

/** The names of the radios in Chromium's accessibility tree (read again until it has built them). */
async function radioNames(count: number): Promise<string[]> {
  return waitFor(async () => {
    const names = all((await a11ySnapshot({})) as unknown as AxNode)
      .filter((n) => n.role === 'radio')
      .map((n) => n.name ?? '');
    return names.length === count ? names : undefined;
  }, `${count} radios in the accessibility tree`);
}

describe('<lc-self-rating> option names in the accessibility tree', () => {
  afterEach(() => fixtureCleanup());

  for (const [locale, expected] of [
    ['en', ['0 Not addressed', '1 Occasional', '2 Practised regularly', '3 Tested and challenged', '4 Systematic']],
    ['da', ['0 Ikke behandlet', '1 Lejlighedsvis']],
    ['ar', ['0 لم يُعالَج']],
  ] as const) {
    it(`reads each option as number, space, label (${locale})`, async () => {
      const host = await fixture<HTMLElement>(
        html`<lc-community locale=${locale}><lc-self-rating criterion="trust"></lc-self-rating></lc-community>`,
      );
      const el = host.querySelector<LcSelfRating>('lc-self-rating')!;
      await el.updateComplete;
      await waitFor(() => el.shadowRoot!.querySelector('[role="radio"]'), 'the options');
      const names = await radioNames(6);
      expect(names.slice(0, expected.length)).to.deep.equal([...expected]);
      // "Don't know": its "?" is left out of its name.
      expect(names[5]).to.not.match(/^\?|^\s/);
    });
  }

  // The page's aria-label stays on the host, a generic node (see docs/developers.md): the only node
  // with a role that carries the name is the radio group, so the name is heard once.
  it('a name the page gives the host names the radio group, and no other node with a role', async () => {
    const host = await fixture<HTMLElement>(
      html`<div>
        <span id="outside-name">Trust, as the page asks it</span>
        <lc-self-rating criterion="trust" aria-label="Trust in the network"></lc-self-rating>
        <lc-self-rating criterion="inclusion" aria-labelledby="outside-name"></lc-self-rating>
      </div>`,
    );
    for (const el of host.querySelectorAll<LcSelfRating>('lc-self-rating')) await el.updateComplete;
    for (const name of ['Trust in the network', 'Trust, as the page asks it']) {
      const named = await waitFor(async () => {
        const nodes = axNodes(await axTree()).filter(
          (n) => n.name === name && !['StaticText', 'InlineTextBox'].includes(n.role),
        );
        return nodes.some((n) => n.role === 'radiogroup') ? nodes : undefined;
      }, `the radio group named "${name}"`);
      expect(named.map((n) => n.role).filter((role) => role !== 'generic')).to.deep.equal(['radiogroup']);
    }
    await expect(host).to.be.accessible();
  });
});
