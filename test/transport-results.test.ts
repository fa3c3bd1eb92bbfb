import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/community/define.js';
import '../src/components/self-rating/define.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import type { LcSubmitErrorEvent } from '../src/core/events.js';
import type { Transport } from '../src/core/transport.js';
import { captureConsoleErrors, waitFor } from './support/helpers.js';

const part = (el: LcSelfRating, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();

let sent = 0;

/** A rating sent through `transport`, which answers with `result`; the console lines it logged. */
async function sendThrough(result: unknown) {
  const calls: unknown[] = [];
  const transport = (async (envelope) => {
    calls.push(envelope.id);
    return result;
  }) as Transport;
  const root = await fixture<LcCommunity>(
    html`<lc-community endpoint="cms:ratings-${++sent}" community="c" round="r" storage="none" .transport=${transport}>
      <lc-self-rating criterion="trust" comment></lc-self-rating>
    </lc-community>`,
  );
  const el = root.querySelector('lc-self-rating')!;
  el.value = '2';
  await el.updateComplete;
  const failures: LcSubmitErrorEvent[] = [];
  root.addEventListener('lc-submit-error', (e) => failures.push(e as LcSubmitErrorEvent));
  const errors = await captureConsoleErrors(async () => {
    part(el, 'submit').click();
    await waitFor(() => el.submissionState !== 'sending' && calls.length > 0, 'settled or queued');
    await el.updateComplete;
  });
  return { el, errors, failures, calls };
}

describe('a host transport that resolves to something else than a result', () => {
  for (const [what, result, shownAs] of [
    ['nothing', undefined, 'resolved to undefined'],
    ['an unknown outcome', { outcome: 'maybe' }, 'resolved to {"outcome":"maybe"}'],
    ['a bare word', 'delivered', 'resolved to "delivered"'],
  ] as const) {
    it(`${what}: kept and shown as waiting to be sent again, and logged naming what came back`, async () => {
      const { el, errors, failures } = await sendThrough(result);
      expect(el.submissionState).to.equal('queued');
      // Nothing kept on the device (storage="none"): the page must stay open. The browser is
      // online: not "waiting for the connection" (see notConnection in submission-controller.ts).
      expect(text(part(el, 'status'))).to.equal(
        'The server could not take it just now. Keep this page open: it will be sent again automatically.',
      );
      expect((part(el, 'submit') as HTMLButtonElement).disabled, 'the button is not stuck on "Sending…"').to.be.false;
      expect(text(part(el, 'submit'))).to.not.equal('Sending…');
      expect(errors.filter((e) => e.includes('[lc-elements] transport:') && e.includes(shownAs))).to.have.length(1);
      expect(
        failures.every((e) => e.retrying),
        'not refused: to be tried again',
      ).to.be.true;
      expect(el.value, 'the answer is kept').to.equal('2');
      await expect(el).to.be.accessible();
    });
  }

  for (const [what, message] of [
    ['without a reason', undefined],
    ['with a reason that is not text', { html: '<b>x</b>' }],
    ['with a blank reason', '  '],
  ] as const) {
    it(`a refusal ${what}: refused, said so with "no reason was given" (in English), and logged`, async () => {
      const { el, errors, failures } = await sendThrough({ outcome: 'rejected', message });
      expect(el.submissionState).to.equal('rejected');
      const status = part(el, 'status');
      expect(text(status)).to.equal(
        'Not accepted: no reason was given. Your answer is still here; you can change it and try again.',
      );
      expect(status.querySelector('[lang="en"]')?.textContent).to.equal('no reason was given');
      expect(status.querySelector('b'), 'no markup from the result').to.equal(null);
      expect(text(part(el, 'submit'))).to.equal('Try again');
      expect(failures.map((e) => e.message)).to.deep.equal(['no reason was given']);
      expect(errors.some((e) => e.includes('[lc-elements] transport: a "rejected" result needs a message'))).to.be.true;
      expect(el.value).to.equal('2');
      await expect(el).to.be.accessible();
    });
  }

  it('keeps only the fields of a result, each of its type', async () => {
    const { el, errors, failures } = await sendThrough({
      outcome: 'rejected',
      message: 'closed',
      language: 'da',
      status: '422',
      extra: '<img src=x onerror=alert(1)>',
    });
    expect(errors.filter((e) => e.includes('transport:'))).to.have.length(0);
    expect(failures).to.have.length(1);
    expect(failures[0]!.message).to.equal('closed');
    expect([failures[0]!.retrying, failures[0]!.status, failures[0]!.language]).to.deep.equal([false, undefined, 'da']);
    expect(part(el, 'status').querySelector('[lang="da"]')?.textContent).to.equal('closed');
  });
});
