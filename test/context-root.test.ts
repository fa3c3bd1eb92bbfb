import { expect } from '@open-wc/testing';
import '../src/components/self-rating/define.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import { communityContext } from '../src/core/context.js';

// The page's context root keeps each request no <lc-community> answered, to replay it when one
// comes. On a page without one (a partner's one rating), a framework mounting a rating all day long
// must not leave one behind for each mount: those of elements that left the page go.
interface Pending {
  requests: Array<{ elementRef: WeakRef<Element> }>;
}
const pending = (): Pending | undefined => {
  const state = (globalThis as unknown as Record<symbol, { contextRoot: unknown }>)[Symbol.for('lc-elements.page')];
  const root = state!.contextRoot as { pendingContextRequests: Map<unknown, Pending> };
  return root.pendingContextRequests.get(communityContext);
};

describe('the context root of a page without <lc-community>', () => {
  it('keeps no request of a rating mounted and removed 500 times; those on the page are kept', async () => {
    const kept = (el: Element) => !!pending()?.requests.some((r) => r.elementRef.deref() === el);
    // One that stays on the page all along.
    const stays = document.createElement('lc-self-rating') as LcSelfRating;
    document.body.append(stays);
    await stays.updateComplete;
    const before = pending()!.requests.length;
    let last!: LcSelfRating;
    for (let i = 0; i < 500; i++) {
      last = document.createElement('lc-self-rating') as LcSelfRating;
      last.setAttribute('criterion', 'trust');
      document.body.append(last);
      await last.updateComplete;
      last.remove();
    }
    expect(pending()!.requests.length, 'bounded, not one per mount').to.be.below(before + 140);
    expect(kept(stays), 'the one on the page all along').to.be.true;

    // One let go of, added back: asked again, and kept (a community that comes would answer it).
    for (let i = 0; i < 200; i++) {
      const el = document.createElement('lc-self-rating');
      document.body.append(el);
      el.remove();
    }
    expect(kept(last), 'let go of once it left the page').to.be.false;
    document.body.append(last);
    await last.updateComplete;
    for (let i = 0; i < 200; i++) {
      const el = document.createElement('lc-self-rating');
      document.body.append(el);
      el.remove();
    }
    expect(kept(last), 'back on the page: kept again').to.be.true;
    expect(kept(stays)).to.be.true;
    last.remove();
    stays.remove();
  });
});
