// Under storage="none" the matrix shows nothing the device kept: a map an earlier visit with the
// default storage left (the last person's at a kiosk) is not taken up, even when the matrix read it
// before its community said "none" (the community's script loaded after the matrix's, as the
// drop-in loader may load them; or its storage set a moment later). Its own page: <lc-community> is
// not defined here until the first test defines it.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/partnership-matrix/define.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import { matrixDraftKey } from '../src/components/partnership-matrix/draft.js';
import { getDraftStore } from '../src/core/draft-store.js';
import { waitFor } from './support/helpers.js';
import { $, smallActors, smallTies } from './partnership-matrix-support.js';

const uniqueKey = () => `none-${Math.random().toString(36).slice(2)}`;
const ids = (el: LcPartnershipMatrix) => el.actors.map((a) => a.id);

/** Keeps a map on the device under `draftKey`, as an earlier visit with the default storage did. */
async function keptByEarlierVisit(draftKey: string) {
  const record = {
    v: 1,
    savedAt: Date.now(),
    hostRound: true,
    map: { directed: false, actors: smallActors, ties: smallTies },
  };
  await getDraftStore('device').set(matrixDraftKey('', '', draftKey), record);
  return record;
}

describe('<lc-partnership-matrix> under storage="none"', () => {
  it('shows an empty map, not the one the device kept, when its community is defined after it', async () => {
    expect(customElements.get('lc-community')).to.equal(undefined);
    const draftKey = uniqueKey();
    const record = await keptByEarlierVisit(draftKey);
    const root = await fixture<HTMLElement>(
      html`<lc-community storage="none"
        ><lc-partnership-matrix draft-key=${draftKey} layout="list"></lc-partnership-matrix
      ></lc-community>`,
    );
    const el = root.querySelector<LcPartnershipMatrix>('lc-partnership-matrix')!;
    await el.updateComplete;
    await import('../src/components/community/define.js');
    await waitFor(() => customElements.get('lc-community'), 'the community defined');
    await (root as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    // Waits for the map kept for the community's storage to be read too.
    await el.updateComplete;
    expect(ids(el), 'the device’s map not shown').to.deep.equal([]);
    expect(el.ties).to.deep.equal([]);
    expect($(el, '[part="empty"]'), '"No actors yet"').to.exist;
    expect($(el, '[part="notice"]')?.textContent ?? '').to.not.match(/restored/);
    // Nor written over or deleted: it is the device's, for a page with the default storage.
    expect(await getDraftStore('device').get(matrixDraftKey('', '', draftKey))).to.deep.equal(record);
  });

  it('shows the page’s map, not the device’s, once its community’s storage is set to "none"', async () => {
    const draftKey = uniqueKey();
    await keptByEarlierVisit(draftKey);
    const page = [{ id: 'library', name: 'Library', sector: 'culture' }];
    const root = await fixture<HTMLElement & { storage?: string; updateComplete: Promise<unknown> }>(
      html`<lc-community
        ><lc-partnership-matrix draft-key=${draftKey} layout="list" .actors=${page}></lc-partnership-matrix
      ></lc-community>`,
    );
    const el = root.querySelector<LcPartnershipMatrix>('lc-partnership-matrix')!;
    await el.updateComplete;
    expect(ids(el), 'the device’s map, under the default storage').to.deep.equal(smallActors.map((a) => a.id));
    root.storage = 'none';
    await root.updateComplete;
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['library']);
    expect(el.ties).to.deep.equal([]);
    expect($(el, '[part="src-offer"]'), 'no offer of the page’s map beside it').to.equal(null);
  });
});
