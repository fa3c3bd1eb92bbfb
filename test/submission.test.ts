import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../src/components/community/define.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import { CommunityController } from '../src/core/community-controller.js';
import type { Envelope } from '../src/core/envelope.js';
import { LcSubmitErrorEvent, LcSubmitEvent, LcSubmittedEvent } from '../src/core/events.js';
import { getOutbox } from '../src/core/outbox.js';
import { queuedKey, SubmissionController } from '../src/core/submission-controller.js';
import { REDIRECTED, type Transport } from '../src/core/transport.js';
import { captureConsoleErrors, collectorState, newBucket, setFaults, waitFor } from './support/helpers.js';

class SubmitProbe extends LitElement {
  community = new CommunityController(this);
  submission = new SubmissionController(this, this.community);
  override render() {
    return this.submission.state;
  }
}
customElements.define('submit-probe', SubmitProbe);

async function setup(endpoint: string, extra = '') {
  const root = await fixture<LcCommunity>(
    html`<lc-community endpoint=${endpoint} community="aarhus" round="2026-spring" perspective="citizen" storage="none"
      >${extra}<submit-probe></submit-probe
    ></lc-community>`,
  );
  const probe = root.querySelector('submit-probe') as SubmitProbe;
  await probe.updateComplete;
  return { root, probe };
}

describe('submission controller and the lc-submit* events', () => {
  it('fires lc-submit then lc-submitted (bubbling, composed) with the envelope the collector stored', async () => {
    const { name, endpoint } = newBucket();
    const { root, probe } = await setup(endpoint);
    const seen: Event[] = [];
    root.addEventListener('lc-submit', (e) => seen.push(e));
    root.addEventListener('lc-submitted', (e) => seen.push(e));
    await probe.submission.submit('rating', { level: 4, comment: 'Trust grew this year.' }, 'trust');
    await waitFor(() => probe.submission.state === 'sent', 'sent');
    expect(seen.map((e) => e.type)).to.deep.equal(['lc-submit', 'lc-submitted']);
    expect(seen[0]).to.be.instanceOf(LcSubmitEvent);
    expect(seen[0]!.bubbles && seen[0]!.composed && seen[0]!.cancelable).to.be.true;
    const envelope = (seen[1] as LcSubmittedEvent).envelope;
    expect(envelope).to.include({
      community: 'aarhus',
      round: '2026-spring',
      perspective: 'citizen',
      criterion: 'trust',
    });
    const { records } = await collectorState(name);
    expect(records).to.have.length(1);
    expect(records[0]).to.deep.equal(JSON.parse(JSON.stringify(envelope)));
    expect(probe.shadowRoot!.textContent).to.equal('sent');
  });

  it('listens to the outbox once per event type however many elements, and each hears its own submission', async () => {
    const outbox = getOutbox('none');
    const added: string[] = [];
    const add = outbox.addEventListener.bind(outbox);
    outbox.addEventListener = ((type: string, ...rest: [EventListenerOrEventListenerObject | null]) => {
      added.push(type);
      add(type, ...rest);
    }) as typeof outbox.addEventListener;
    try {
      const { endpoint } = newBucket();
      const root = await fixture<LcCommunity>(
        html`<lc-community endpoint=${endpoint} storage="none"
          >${[0, 1, 2, 3, 4].map(() => html`<submit-probe></submit-probe>`)}</lc-community
        >`,
      );
      const probes = [...root.querySelectorAll<SubmitProbe>('submit-probe')];
      await Promise.all(probes.map((p) => p.updateComplete));
      expect(added.length, 'at most one listener per event type').to.be.at.most(4);
      await probes[2]!.submission.submit('rating', { level: 2 }, 'trust');
      await waitFor(() => probes[2]!.submission.state === 'sent', 'sent');
      expect(probes.map((p) => p.submission.state)).to.deep.equal(['idle', 'idle', 'sent', 'idle', 'idle']);
    } finally {
      delete (outbox as Partial<typeof outbox>).addEventListener;
    }
  });

  it('lets a host take a submission over by cancelling lc-submit: nothing is posted', async () => {
    const { name, endpoint } = newBucket();
    const { root, probe } = await setup(endpoint);
    let handled: Envelope | undefined;
    root.addEventListener('lc-submit', (e) => {
      e.preventDefault();
      handled = e.envelope;
    });
    await probe.submission.submit('rating', { level: 1 }, 'trust');
    expect(probe.submission.state).to.equal('handled');
    expect(handled?.kind).to.equal('rating');
    expect((await collectorState(name)).requests).to.have.length(0);
  });

  it('sends nothing while a community, round, perspective or respondent the page set is not valid', async () => {
    const { name, endpoint } = newBucket();
    await captureConsoleErrors(async () => {
      // A section's own round, blank once trimmed: reported, and not the outer one's, nor this year's.
      const root = await fixture<LcCommunity>(
        html`<lc-community endpoint=${endpoint} community="aarhus" round="2026-autumn" storage="none"
          ><lc-community round="  "><submit-probe></submit-probe></lc-community
        ></lc-community>`,
      );
      const probe = root.querySelector('submit-probe') as SubmitProbe;
      await probe.updateComplete;
      const errors = await captureConsoleErrors(async () => {
        expect(await probe.submission.submit('rating', { level: 2 }, 'trust')).to.equal(undefined);
      });
      expect(probe.submission.state).to.equal('rejected');
      expect(probe.submission.message).to.equal(
        'this page is set up with a community, round, perspective or respondent that is not valid, so nothing was sent (the site’s owner must correct it)',
      );
      expect(errors.join('\n')).to.contain('cannot submit, the <lc-community> round is not valid');
      // One inside it without a round of its own: the same (the page's round is the one at fault).
      const inner = root.querySelector('lc-community')!;
      inner.innerHTML = '<lc-community perspective="citizen"><submit-probe></submit-probe></lc-community>';
      const deeper = inner.querySelector('lc-community submit-probe') as SubmitProbe;
      await waitFor(() => deeper.community.community, 'the innermost community');
      await captureConsoleErrors(async () => {
        expect(await deeper.submission.submit('rating', { level: 2 }, 'trust')).to.equal(undefined);
      });
      expect(deeper.submission.state).to.equal('rejected');
    });
    expect((await collectorState(name)).requests, 'nothing sent').to.have.length(0);
  });

  it('lets a host change the envelope in lc-submit, and sends what it was then', async () => {
    const { name, endpoint } = newBucket();
    const { root, probe } = await setup(endpoint);
    let seen: Envelope | undefined;
    root.addEventListener('lc-submit', (e) => {
      e.envelope = { ...e.envelope, respondent: 'panel-member-17' } as Envelope;
      seen = e.envelope;
    });
    await probe.submission.submit('rating', { level: 2 }, 'trust');
    // A change by the host's script after the event reaches nothing.
    Object.assign(seen!, { respondent: 'changed later' });
    await waitFor(() => probe.submission.state === 'sent', 'sent');
    expect((await collectorState(name)).records[0]!['respondent']).to.equal('panel-member-17');
  });

  it('checks an envelope a host changed in lc-submit: a bad one is shown, logged, and neither sent nor stored', async () => {
    const { name, endpoint } = newBucket();
    const { root, probe } = await setup(endpoint);
    const bad: Array<[string, (e: Envelope) => unknown, RegExp]> = [
      ['a string', () => 'oops', /not an lc-submission\/1 envelope/],
      ['a level out of range', (e) => ({ ...e, data: { level: 99 } }), /data\.level: must be 0 to 4 or null/],
      ['another kind', (e) => ({ ...e, kind: 'assessment' }), /kind: must stay "rating"/],
      ['no id', (e) => ({ ...e, id: undefined }), /id: must be a UUID/],
      // A time the collector refuses: not in UTC as toISOString() writes it.
      ['a time as toUTCString() writes it', (e) => ({ ...e, createdAt: new Date().toUTCString() }), /createdAt: must/],
      ['a time with an offset', (e) => ({ ...e, createdAt: '2026-11-30T15:00:03.205+00:00' }), /createdAt: must/],
      ['a date alone', (e) => ({ ...e, createdAt: '2026-11-30' }), /createdAt: must/],
      // Changed where it is, not replaced: checked all the same.
      [
        'a level changed in place',
        (e) => Object.assign(e, { data: Object.assign(e.data, { level: 42 }) }),
        /data\.level: must be 0 to 4 or null/,
      ],
      ['a community changed in place', (e) => Object.assign(e, { community: '__proto__' }), /community: must be/],
      ['a function in it', (e) => Object.assign(e, { data: { level: 2, note: () => 1 } }), /cannot be copied/],
      // The published schema allows no other field: a collector would refuse it, or drop it unsaid.
      ['a field of its own', (e) => ({ ...e, portalUser: 'u-17' }), /portalUser: is not a field of lc-submission\/1/],
      ['a data field of its own', (e) => ({ ...e, data: { ...e.data, note: 'x' } }), /data\.note: is not a field/],
    ];
    for (const [what, change, problem] of bad) {
      let made: Envelope | undefined;
      const host = (e: LcSubmitEvent) => {
        made = e.envelope;
        e.envelope = change(e.envelope) as Envelope;
      };
      const told: LcSubmitErrorEvent[] = [];
      const tell = (e: LcSubmitErrorEvent) => told.push(e);
      root.addEventListener('lc-submit', host);
      root.addEventListener('lc-submit-error', tell);
      const errors = await captureConsoleErrors(async () => {
        expect(await probe.submission.submit('rating', { level: 2 }, 'trust'), what).to.equal(undefined);
      });
      root.removeEventListener('lc-submit', host);
      root.removeEventListener('lc-submit-error', tell);
      // The page hears it as a refusal, as from the endpoint: the envelope the element made, why, not retrying.
      expect(
        told.map((e) => [e.envelope.id, e.retrying, e.language]),
        what,
      ).to.deep.equal([[made!.id, false, 'en']]);
      expect(told[0]!.message, what).to.match(problem);
      expect(probe.submission.state, what).to.equal('rejected');
      expect(probe.submission.message, what).to.match(problem);
      expect(probe.submission.messageLang, 'English, for the developer').to.equal('en');
      expect(errors.join('\n'), what).to.match(/\[lc-elements\] <[\w-]+>: the envelope set in lc-submit is invalid/);
    }
    const kept = (await getOutbox('none').pending()).filter((entry) => entry.endpoint.includes(name));
    expect(kept, 'nothing kept').to.have.length(0);
    expect((await collectorState(name)).requests, 'nothing sent').to.have.length(0);
    // The element still sends: unchanged, or changed well.
    await probe.submission.submit('rating', { level: 2 }, 'trust');
    await waitFor(() => probe.submission.state === 'sent', 'sent');
    expect((await collectorState(name)).records).to.have.length(1);
  });

  it('fires lc-submit-error with the reason on a rejection, and marks retries', async () => {
    const { name, endpoint } = newBucket();
    await setFaults(name, [
      { status: 503, retryAfter: 0 },
      { status: 422, message: 'round is closed' },
    ]);
    const { root, probe } = await setup(endpoint);
    const errors: LcSubmitErrorEvent[] = [];
    root.addEventListener('lc-submit-error', (e) => errors.push(e));
    await probe.submission.submit('rating', { level: 2 }, 'trust');
    await waitFor(() => probe.submission.state === 'rejected', 'the rejection');
    expect(errors.map((e) => [e.retrying, e.status])).to.deep.equal([
      [true, 503],
      [false, 422],
    ]);
    // The server's reason alone, as the person reads it; the status is on the event.
    expect(probe.submission.message).to.equal('round is closed');
    expect(errors[1]!.message).to.equal('round is closed');
  });

  it('refuses an endpoint that redirects, says why and logs it, and posts nothing to where it points', async () => {
    const { name, endpoint } = newBucket();
    const elsewhere = newBucket('redirected');
    await setFaults(name, [{ status: 302, location: elsewhere.endpoint }]);
    const { root, probe } = await setup(endpoint);
    const errors: LcSubmitErrorEvent[] = [];
    root.addEventListener('lc-submit-error', (e) => errors.push(e));
    const logged = await captureConsoleErrors(async () => {
      await probe.submission.submit('rating', { level: 2 }, 'trust');
      // Refused at once: not queued as if the connection were lost, not tried again.
      await waitFor(() => probe.submission.state === 'rejected', 'the refusal');
    });
    expect(probe.submission.message).to.equal(REDIRECTED);
    expect(errors.map((e) => [e.retrying, e.language])).to.deep.equal([[false, 'en']]);
    expect(logged.some((line) => line.includes('was rejected') && line.includes('redirect'))).to.be.true;
    expect((await collectorState(name)).requests).to.have.length(1);
    expect((await collectorState(elsewhere.name)).requests).to.have.length(0);
  });

  it('tells a server that could not take a submission from a lost connection, while queued', async () => {
    const { name, endpoint } = newBucket();
    await setFaults(name, [{ status: 503, retryAfter: 1 }]);
    const { probe } = await setup(endpoint);
    await probe.submission.submit('rating', { level: 1 }, 'trust');
    await waitFor(() => probe.submission.state === 'queued', 'the queued state');
    expect(probe.submission.serverBusy).to.be.true;
    await waitFor(() => probe.submission.state === 'sent', 'the retry');
    expect(probe.submission.serverBusy).to.be.false;
    expect(
      [true, false].flatMap((serverBusy) =>
        [true, false].map((storageAvailable) => queuedKey('submit.queued', { serverBusy, storageAvailable })),
      ),
    ).to.deep.equal(['submit.queued-server', 'submit.queued-server-memory', 'submit.queued', 'submit.queued-memory']);
  });

  it('uses a host transport instead of HTTP', async () => {
    const delivered: Envelope[] = [];
    const transport: Transport = async (envelope, { endpoint }) => {
      expect(endpoint).to.equal('cms:ratings');
      delivered.push(envelope);
      return { outcome: 'delivered' };
    };
    const root = await fixture<LcCommunity>(
      html`<lc-community endpoint="cms:ratings" storage="none" .transport=${transport}
        ><submit-probe></submit-probe
      ></lc-community>`,
    );
    // A non-http endpoint is refused for HTTP, but a custom transport decides for itself.
    const probe = root.querySelector('submit-probe') as SubmitProbe;
    await probe.updateComplete;
    await probe.submission.submit('rating', { level: 3 }, 'inclusion');
    await waitFor(() => probe.submission.state === 'sent', 'sent through the host transport');
    expect(delivered).to.have.length(1);
    expect(delivered[0]!.criterion).to.equal('inclusion');
  });

  it('refuses data that does not fit the envelope, without posting', async () => {
    const { name, endpoint } = newBucket();
    const { probe } = await setup(endpoint);
    const original = console.error;
    console.error = () => undefined;
    try {
      await probe.submission.submit('rating', { level: 2, evidence: 'javascript:alert(1)' }, 'trust');
    } finally {
      console.error = original;
    }
    expect(probe.submission.state).to.equal('rejected');
    expect(probe.submission.message).to.contain('data.evidence');
    expect((await collectorState(name)).requests).to.have.length(0);
  });

  it('uses the host transport in force at the time of sending, not the one at connection', async () => {
    const used: string[] = [];
    const first: Transport = async () => (used.push('first'), { outcome: 'delivered' });
    const second: Transport = async () => (used.push('second'), { outcome: 'delivered' });
    const root = await fixture<LcCommunity>(
      html`<lc-community endpoint="cms:ratings" storage="none" .transport=${first}
        ><submit-probe></submit-probe
      ></lc-community>`,
    );
    const probe = root.querySelector('submit-probe') as SubmitProbe;
    await probe.updateComplete;
    root.transport = second;
    await root.updateComplete;
    await probe.updateComplete;
    await probe.submission.submit('rating', { level: 2 }, 'trust');
    await waitFor(() => probe.submission.state === 'sent', 'sent');
    expect(used).to.deep.equal(['second']);
  });
});
