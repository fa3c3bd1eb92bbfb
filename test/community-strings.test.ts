// <lc-community> never holds back what it holds: its first render (the slot) does not wait for the
// strings of its language, which only its problems need; those show in its language once the
// strings are in. (Its own page: no Arabic strings may have loaded before.)
import { expect } from '@open-wc/testing';
import '../src/components/community/define.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import { coreStrings } from '../src/core/i18n/core-strings.js';
import { captureConsoleErrors, waitFor } from './support/helpers.js';

describe('<lc-community> and the strings of its language', () => {
  it('shows what it holds at once, and its problems in its language once the strings are in', async () => {
    expect(coreStrings.loaded.ar, 'no Arabic strings yet on this page').to.equal(undefined);
    const community = document.createElement('lc-community') as LcCommunity;
    community.setAttribute('locale', 'ar');
    community.setAttribute('storage', 'nowhere');
    community.innerHTML = '<p>Welcome to the survey</p>';
    await captureConsoleErrors(async () => {
      document.body.append(community);
      await community.updateComplete;
    });
    try {
      expect(coreStrings.loaded.ar, 'rendered before the strings arrived').to.equal(undefined);
      expect(community.shadowRoot!.querySelector('slot'), 'the slot, at once').to.exist;
      expect(community.querySelector('p')!.offsetHeight, 'what it holds is shown').to.be.greaterThan(0);
      await waitFor(
        () => community.shadowRoot!.querySelector('[role="alert"]'),
        'the problem, once the strings are in',
      );
      const alert = community.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain(coreStrings.loaded.ar!['config.error'].toString().split('{')[0]!.trim());
    } finally {
      community.remove();
    }
  });
});
