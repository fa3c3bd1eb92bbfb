import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/criterion-card/define.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import type { CriteriaSet } from '../src/criteria/schema.js';
import { mount, progressText, rating, settle } from './support/assessment.js';
import { captureConsoleErrors, waitFor } from './support/helpers.js';

const smallSet = async (): Promise<CriteriaSet> =>
  (await (await fetch('/test/fixtures/criteria-small.json')).json()) as CriteriaSet;

/** Every time the element's shadow root showed "Loading the criteria…" from now on. */
function loadingShown(el: Element): { count: number } {
  const seen = { count: 0 };
  new MutationObserver(() => {
    if (el.shadowRoot!.querySelector('[part~="loading"]')) seen.count++;
  }).observe(el.shadowRoot!, { subtree: true, childList: true });
  return seen;
}

// A framework hands `criteria` over as a new object at each render of its own component (Vue's
// `:criteria="{ ...set }"`, Lit's `.criteria=${{ ...set }}`): typing into the host's own field
// re-renders it once per key.
describe('<lc-community> given its criteria set again', () => {
  it('keeps what is being answered when an equal set comes as a new object', async () => {
    const el = await mount({ comment: true, storage: 'none' });
    const community = el.closest<LcCommunity>('lc-community')!;
    const set = await smallSet();
    community.criteria = set;
    await community.updateComplete;
    const card = document.createElement('lc-criterion-card');
    card.setAttribute('criterion', 'listening');
    community.append(card);
    await waitFor(() => rating(el, 'listening'), 'the set');
    await settle(el);
    await waitFor(() => card.shadowRoot!.textContent!.includes('Listening to neighbours'), 'the card');
    const before = rating(el, 'listening');
    const loading = [loadingShown(el), loadingShown(card)];

    before.shadowRoot!.querySelector('textarea')!.focus();
    const copies = [{ ...set }, { ...set }, structuredClone(set)];
    for (const [i, copy] of copies.entries()) {
      await sendKeys({ type: 'abc'[i]! });
      community.criteria = copy;
      await community.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      await settle(el);
      // Checked before the next key: typed with the focus on the page, it would go nowhere.
      // Compared as a boolean: a failure would otherwise print both elements, deeply.
      expect(rating(el, 'listening') === before, `the same rating element (copy ${i})`).to.equal(true);
      expect(before.shadowRoot!.activeElement?.localName, `focus kept (copy ${i})`).to.equal('textarea');
    }
    await sendKeys({ type: 'd' });
    expect(before.shadowRoot!.querySelector('textarea')!.value).to.equal('abcd');
    expect(
      loading.map((l) => l.count),
      'no "Loading the criteria…" in the assessment or the card',
    ).to.deep.equal([0, 0]);
  });

  it('keeps handing down the last set while a changed set given inline is checked', async () => {
    const el = await mount({ comment: true, storage: 'none' });
    const community = el.closest<LcCommunity>('lc-community')!;
    const set = await smallSet();
    community.criteria = set;
    await waitFor(() => rating(el, 'listening'), 'the set');
    await settle(el);
    const before = rating(el, 'listening');
    before.shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ type: 'kept' });
    const loading = loadingShown(el);

    const changed = structuredClone(set);
    changed.criteria[1]!.title = 'Rooms we share';
    community.criteria = changed;
    await waitFor(
      () => el.shadowRoot!.querySelector('[data-criterion="shared-spaces"]')?.textContent?.includes('Rooms we share'),
      'the changed set',
    );
    await settle(el);
    expect(loading.count, 'no "Loading the criteria…" in between').to.equal(0);
    expect(rating(el, 'listening') === before, 'the same rating element').to.equal(true);
    expect(before.shadowRoot!.querySelector('textarea')!.value).to.equal('kept');
  });

  // A Vue reactive object (or a store's state) changes in place and is handed over again: the
  // same object, which Lit's own check takes for no change at all.
  it('checks and takes a set changed in place and handed over again as the same object', async () => {
    const el = await mount({ storage: 'none' });
    const community = el.closest<LcCommunity>('lc-community')!;
    const set = await smallSet();
    community.criteria = set;
    await waitFor(() => rating(el, 'listening'), 'the set');
    await settle(el);
    expect(progressText(el)).to.equal('0 of 2 answered');

    set.criteria.push({ ...set.criteria[0]!, id: 'added-later', title: 'Added later' });
    community.criteria = set;
    await waitFor(() => rating(el, 'added-later'), 'the criterion added in place');
    await settle(el);
    expect(progressText(el)).to.equal('0 of 3 answered');

    // Changed in place into a set that is not valid: checked, and refused, as a new one would be.
    set.criteria.push({ ...set.criteria[0]! });
    await captureConsoleErrors(async () => {
      community.criteria = set;
      await waitFor(() => community['criteriaError'], 'the repeated id refused');
    });
    expect(community['criteriaError']).to.contain('criterion ids must be unique');
  });

  it('costs an equal set handed over again, the same object or a copy, no update of the community', async () => {
    const el = await mount({ storage: 'none' });
    const community = el.closest<LcCommunity>('lc-community')!;
    const set = await smallSet();
    community.criteria = set;
    await waitFor(() => rating(el, 'listening'), 'the set');
    await settle(el);
    await community.updateComplete;
    // Every element inside is handed the community's configuration anew at each of its updates.
    const config = community['config'];
    for (const again of [set, { ...set }, structuredClone(set)]) {
      community.criteria = again;
      expect(community.isUpdatePending).to.equal(false);
    }
    await community.updateComplete;
    expect(community['config'] === config, 'the same configuration handed down').to.equal(true);
    expect(progressText(el)).to.equal('0 of 2 answered');
  });

  it('still loads a set given again after another one', async () => {
    const el = await fixture<LcCommunity>(html`<lc-community storage="none"></lc-community>`);
    const set = await smallSet();
    el.criteria = set;
    await waitFor(() => !el['criteriaLoading'] && el['criteriaSet'], 'the set');
    await captureConsoleErrors(async () => {
      el.criteria = { ...set, criteria: [] };
      await waitFor(() => el['criteriaError'], 'the empty set refused');
    });
    el.criteria = { ...set };
    await waitFor(() => el['criteriaSet']?.id === 'north-district', 'the set again');
    expect(el['criteriaError']).to.equal(undefined);
  });
});
