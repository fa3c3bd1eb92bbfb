import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
// Loaded up front: axe may run while the browser is offline, when it could not be fetched.
import 'axe-core/axe.min.js';
import '../src/components/community/define.js';
import '../src/components/partnership-matrix/define.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import { matrixDraftKey } from '../src/components/partnership-matrix/draft.js';
import { getDraftStore } from '../src/components/reflection-journal/drafts.js';
import { personalKey } from '../src/core/draft-store.js';
import type { Actor, Tie } from '../src/core/envelope.js';
import type { LcSubmitErrorEvent, LcSubmitEvent, LcSubmittedEvent } from '../src/core/events.js';
import { getOutbox } from '../src/core/outbox.js';
import type { SubmissionState } from '../src/core/submission-controller.js';
import { captureConsoleErrors, collectorState, newBucket, setFaults, setOffline, waitFor } from './support/helpers.js';
import { $, $$, cellAt, levelOf, press, smallActors, smallTies, addActor } from './partnership-matrix-support.js';

// The map being built is kept on the device (IndexedDB `lc-elements-drafts`, key
// `matrix:<community>/<round>`): a new element for the same community and round stands in for a
// reload (the outbox and the store are the device's, as after one). Real IndexedDB, real collector.

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const notice = (el: LcPartnershipMatrix) => text($(el, '[part="notice"]'));
const statusText = (el: LcPartnershipMatrix) => text($(el, '[part="status"]'));
const sendButton = (el: LcPartnershipMatrix) => $<HTMLButtonElement>(el, '[part~="submit"]')!;
const uniqueCommunity = () => `draft-${Math.random().toString(36).slice(2)}`;
const ROUND = '2026-spring';

/** What the device holds for a community's map (read as the element reads it: real IndexedDB). */
const stored = (community: string) => getDraftStore('device').get(matrixDraftKey(community, ROUND));
/** What the device holds for a respondent's map (a shared device). */
const storedFor = (community: string, respondent: string, perspective?: string) =>
  getDraftStore('device').get(personalKey(matrixDraftKey(community, ROUND), { respondent, perspective })) as Promise<
    { map?: { ties?: Tie[] }; pending?: string } | undefined
  >;

interface Mount {
  community: string;
  endpoint?: string;
  storage?: 'device' | 'none';
  actors?: Actor[];
  ties?: Tie[];
  layout?: 'grid' | 'list';
  perspective?: string;
  respondent?: string;
}

async function mount({
  community,
  endpoint,
  storage = 'device',
  actors,
  ties,
  layout = 'grid',
  perspective,
  respondent,
}: Mount) {
  const root = await fixture(
    html`<lc-community
      endpoint=${endpoint ?? nothing}
      community=${community}
      round=${ROUND}
      storage=${storage}
      perspective=${perspective ?? nothing}
      respondent=${respondent ?? nothing}
      ><lc-partnership-matrix layout=${layout} .actors=${actors ?? []} .ties=${ties ?? []}></lc-partnership-matrix
    ></lc-community>`,
  );
  const el = root.querySelector('lc-partnership-matrix')!;
  await el.updateComplete;
  return el;
}

async function reach(el: LcPartnershipMatrix, state: SubmissionState) {
  await waitFor(() => el.submissionState === state, `the submission state "${state}"`);
  await el.updateComplete;
}

/** Builds a map of three actors and two ties by hand; resolves once the device holds all of it. */
async function build(el: LcPartnershipMatrix, community: string) {
  await addActor(el, 'Town hall', 'public-authority');
  await addActor(el, 'City College', 'education');
  await addActor(el, 'Sport Club', 'civil-society-sport');
  cellAt(el, 0, 1).focus();
  await press('3');
  cellAt(el, 1, 2).focus();
  await press('2');
  await press('i');
  await waitFor(async () => {
    const value = (await stored(community)) as { map?: { ties?: Tie[] } } | undefined;
    return value?.map?.ties?.some((t) => t.independent);
  }, 'the map to be kept on the device');
  return { actors: el.actors, ties: el.ties };
}

describe('<lc-partnership-matrix> keeps the map being built on the device', () => {
  afterEach(async () => {
    await setOffline(false);
  });

  it('restores the map after a reload, says so politely, and passes axe', async () => {
    const community = uniqueCommunity();
    const first = await mount({ community });
    const built = await build(first, community);
    first.closest('lc-community')!.remove();

    const el = await mount({ community });
    expect(el.actors).to.deep.equal(built.actors);
    expect(el.ties).to.deep.equal(built.ties);
    expect(levelOf(el, built.actors[1]!.id, built.actors[2]!.id)).to.equal(2);
    expect($(el, '[part="notice"]')!.getAttribute('role')).to.equal('status');
    expect(notice(el)).to.match(/^Your map from .+ has been restored\.$/);
    expect($(el, '[part="empty"]'), 'not "No actors yet"').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('restores a map an earlier version kept with two actors of one name, as it was', async () => {
    const community = uniqueCommunity();
    const actors = [
      { id: 'alpha', name: 'Alpha', sector: 'culture' },
      { id: 'alpha-2', name: 'alpha ', sector: 'education' },
    ];
    const ties = [{ source: 'alpha', target: 'alpha-2', level: 2, independent: false }];
    await getDraftStore('device').set(matrixDraftKey(community, ROUND), {
      v: 1,
      savedAt: Date.now(),
      map: { directed: false, actors, ties },
    });
    const el = await mount({ community });
    expect(
      el.actors.map((a) => a.id),
      'the person’s work, not refused',
    ).to.deep.equal(['alpha', 'alpha-2']);
    expect(levelOf(el, 'alpha', 'alpha-2')).to.equal(2);
    expect(notice(el)).to.match(/has been restored/);
    expect($$(el, '[role="alert"]')).to.have.length(0);
  });

  it('keeps the restored map over the page’s own data, and offers the page’s instead of loading it', async () => {
    const community = uniqueCommunity();
    // The person started from the page's map and rated one more pair.
    const first = await mount({ community, actors: smallActors, ties: smallTies });
    cellAt(first, 0, 3).focus();
    await press('4');
    await waitFor(async () => stored(community), 'the map to be kept on the device');
    first.closest('lc-community')!.remove();

    // The page gives the same map again: the person's is shown, with nothing to offer.
    const same = await mount({ community, actors: smallActors, ties: smallTies });
    expect(levelOf(same, 'town', 'club'), 'the person’s rating').to.equal(4);
    expect($(same, '[part~="src-offer"]'), 'nothing new to offer').to.equal(null);
    same.closest('lc-community')!.remove();

    // The page gives a map with an actor the person's lacks: theirs is kept, and it says so.
    const more = [...smallActors, { id: 'museum', name: 'Museum', sector: 'culture' }];
    const el = await mount({ community, actors: more, ties: smallTies });
    expect(el.actors.map((a) => a.id)).to.deep.equal(smallActors.map((a) => a.id));
    expect(levelOf(el, 'town', 'club')).to.equal(4);
    expect(notice(el)).to.match(/has been restored/);
    expect(text($(el, '[part="src-status"]'))).to.equal(
      'This page also gives a partnership map, with 5 actors. Yours is kept as you left it.',
    );
    // A later `data` from the host is offered too, never loaded over the person's map.
    el.data = { actors: [smallActors[0]!, smallActors[1]!], ties: [] };
    el.data = { actors: more, ties: [{ source: 'museum', target: 'bank', level: 1, independent: false }] };
    await el.updateComplete;
    expect(levelOf(el, 'town', 'club')).to.equal(4);
    expect(el.actors).to.have.length(4);
    const merge = $$<HTMLButtonElement>(el, '[part~="src-offer"] button').find(
      (b) => text(b) === 'Add this page’s actors to mine',
    )!;
    merge.click();
    await el.updateComplete;
    expect(el.actors.map((a) => a.id)).to.include('museum');
    expect(levelOf(el, 'town', 'club'), 'the person’s rating stays').to.equal(4);
    expect(levelOf(el, 'museum', 'bank')).to.equal(1);
    await waitFor(
      async () => ((await stored(community)) as { map?: { actors?: Actor[] } })?.map?.actors?.length === 5,
      'the merged map to be kept',
    );
    await expect(el).to.be.accessible();
  });

  it('clears the map from the device once it is sent, so the next load starts afresh', async () => {
    const community = uniqueCommunity();
    const bucket = newBucket('matrix-draft');
    const first = await mount({ community, endpoint: bucket.endpoint });
    await build(first, community);
    sendButton(first).click();
    await reach(first, 'sent');
    await waitFor(async () => (await stored(community)) === undefined, 'the kept map to be cleared');
    first.closest('lc-community')!.remove();

    const el = await mount({ community, endpoint: bucket.endpoint });
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.actors).to.deep.equal([]);
    expect(el.submissionState).to.equal('idle');
    expect(notice(el)).to.equal('');
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  it('keeps the map on the device again when the endpoint refuses it, so a reload still has it', async () => {
    const community = uniqueCommunity();
    const bucket = newBucket('matrix-draft');
    await setFaults(bucket.name, [{ status: 422, message: 'round is closed' }]);
    const first = await mount({ community, endpoint: bucket.endpoint });
    const built = await build(first, community);
    await captureConsoleErrors(async () => {
      sendButton(first).click();
      await reach(first, 'rejected');
    });
    // Refused, so not in the outbox: the map is the device's to keep once more.
    await waitFor(async () => stored(community), 'the refused map to be kept again');
    first.closest('lc-community')!.remove();

    const el = await mount({ community, endpoint: bucket.endpoint });
    expect(el.actors).to.deep.equal(built.actors);
    expect(el.ties).to.deep.equal(built.ties);
    expect(el.submissionState).to.equal('idle');
  });

  it('two maps on one page, each with its own draft-key, keep their own', async () => {
    const community = uniqueCommunity();
    const root = await fixture(
      html`<lc-community community=${community} round=${ROUND}
        ><lc-partnership-matrix id="now" draft-key="${community}-now" layout="grid"></lc-partnership-matrix
        ><lc-partnership-matrix id="goal" draft-key="${community}-goal" layout="grid"></lc-partnership-matrix
      ></lc-community>`,
    );
    const now = root.querySelector<LcPartnershipMatrix>('#now')!;
    const goal = root.querySelector<LcPartnershipMatrix>('#goal')!;
    await now.updateComplete;
    await goal.updateComplete;
    await addActor(now, 'Town hall', 'public-authority');
    await addActor(goal, 'Museum', 'culture');
    const kept = (key: string) => getDraftStore('device').get(`matrix:${key}`);
    await waitFor(async () => (await kept(`${community}-now`)) && (await kept(`${community}-goal`)), 'both maps kept');
    root.remove();

    const again = await fixture(
      html`<lc-community community=${community} round=${ROUND}
        ><lc-partnership-matrix id="now" draft-key="${community}-now"></lc-partnership-matrix
        ><lc-partnership-matrix id="goal" draft-key="${community}-goal"></lc-partnership-matrix
      ></lc-community>`,
    );
    const [a, b] = [...again.querySelectorAll('lc-partnership-matrix')];
    await a!.updateComplete;
    await b!.updateComplete;
    expect(a!.actors.map((x) => x.name)).to.deep.equal(['Town hall']);
    expect(b!.actors.map((x) => x.name)).to.deep.equal(['Museum']);
    expect(await stored(community), 'nothing under the community and round').to.equal(undefined);
  });

  it('a map still waiting in the outbox after a reload is shown as waiting, then sent, and delivered once', async () => {
    const community = uniqueCommunity();
    const bucket = newBucket('matrix-draft');
    // The page's own data, as a host would give it, sent as it is.
    const first = await mount({ community, endpoint: bucket.endpoint, actors: smallActors, ties: smallTies });
    const sentIds: string[] = [];
    const onSubmit = (e: Event) => sentIds.push((e as LcSubmitEvent).envelope.id);
    document.addEventListener('lc-submit', onSubmit);
    await setOffline(true);
    sendButton(first).click();
    await reach(first, 'queued');
    first.closest('lc-community')!.remove();

    // "Reload" while still offline: the map on its way, not an empty one.
    const el = await mount({ community, endpoint: bucket.endpoint });
    await reach(el, 'queued');
    expect(el.actors).to.deep.equal(smallActors);
    expect(levelOf(el, 'bank', 'club')).to.equal(2);
    expect(statusText(el)).to.equal('Saved. It will be sent when the connection is back.');
    expect($(el, '[part="empty"]')).to.equal(null);

    await setOffline(false);
    await reach(el, 'sent');
    expect(statusText(el)).to.equal('Thank you. Your answer has been sent.');
    expect(el.actors, 'still the map that was sent').to.deep.equal(smallActors);
    document.removeEventListener('lc-submit', onSubmit);
    expect(sentIds, 'not sent a second time').to.have.length(1);
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => r.id)).to.deep.equal(sentIds);

    // Another reload finds nothing waiting.
    el.closest('lc-community')!.remove();
    const fresh = await mount({ community, endpoint: bucket.endpoint });
    await new Promise((r) => setTimeout(r, 50));
    expect(fresh.submissionState).to.equal('idle');
    expect(fresh.actors).to.deep.equal([]);
  });

  // "århus" with its "å" as an "a" and a combining ring (as macOS may paste it): sent composed, as
  // the collector files it, and the map is kept and looked for under the name as sent.
  const decomposedCommunity = () => `\u00e5rhus-${Math.random().toString(36).slice(2)}`;

  it('a community and perspective written decomposed: the map waiting after a reload is its own, sent once', async () => {
    const community = decomposedCommunity();
    const written = { community: community.normalize('NFD'), perspective: 'bestyrelse-e\u0301' };
    const bucket = newBucket('matrix-draft');
    const first = await mount({ ...written, endpoint: bucket.endpoint, actors: smallActors, ties: smallTies });
    const sentIds: string[] = [];
    const onSubmit = (e: Event) => sentIds.push((e as LcSubmitEvent).envelope.id);
    document.addEventListener('lc-submit', onSubmit);
    await setOffline(true);
    sendButton(first).click();
    await reach(first, 'queued');
    first.closest('lc-community')!.remove();

    const el = await mount({ ...written, endpoint: bucket.endpoint });
    await reach(el, 'queued');
    expect(el.actors).to.deep.equal(smallActors);
    await setOffline(false);
    await reach(el, 'sent');
    document.removeEventListener('lc-submit', onSubmit);
    expect(sentIds, 'not sent a second time').to.have.length(1);
    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => [r.id, r['community'], r['perspective']])).to.deep.equal([
      [sentIds[0], community, 'bestyrelse-\u00e9'],
    ]);
  });

  it('a map an earlier build kept under a community written decomposed is kept under the name as sent', async () => {
    const community = decomposedCommunity();
    const decomposed = community.normalize('NFD');
    const store = getDraftStore('device');
    await store.set(matrixDraftKey(decomposed, ROUND), {
      v: 1,
      savedAt: Date.now(),
      map: { directed: false, actors: smallActors, ties: smallTies },
    });
    const el = await mount({ community: decomposed });
    expect(el.actors).to.deep.equal(smallActors);
    expect(notice(el)).to.match(/has been restored/);
    expect(((await stored(community)) as { map?: { actors?: Actor[] } } | undefined)?.map?.actors).to.deep.equal(
      smallActors,
    );
    expect(await store.get(matrixDraftKey(decomposed, ROUND)), 'none left under the name as written').to.equal(
      undefined,
    );
  });

  /**
   * Sends the page's map and takes the page away while the collector holds its answer back
   * (`fault`), as a reload does while "Sending…" is shown; resolves once this page's outbox has
   * settled it, before the next element looks. After a real reload, the new page's outbox re-posts
   * what the last one left as the page loads (or another tab delivers it), and that can land
   * before the matrix has read the device.
   */
  async function sendAndLeave(community: string, bucket: ReturnType<typeof newBucket>, fault: object) {
    const first = await mount({ community, endpoint: bucket.endpoint, actors: smallActors, ties: smallTies });
    const ids: string[] = [];
    const onSubmit = (e: Event) => ids.push((e as LcSubmitEvent).envelope.id);
    first.addEventListener('lc-submit', onSubmit);
    await setFaults(bucket.name, [fault]);
    sendButton(first).click();
    await reach(first, 'sending');
    await waitFor(async () => (await getOutbox('device').pending()).some((e) => e.id === ids[0]), 'the outbox');
    first.closest('lc-community')!.remove();
    await waitFor(() => getOutbox('device').settledEvent(ids[0]!), 'the submission to settle');
    return ids;
  }

  it('reloaded while sending, delivered before the new page looked: shown sent, with the map', async () => {
    const community = uniqueCommunity();
    const bucket = newBucket('matrix-draft');
    const ids = await sendAndLeave(community, bucket, { stallMs: 1500 });
    expect(getOutbox('device').settledEvent(ids[0]!)!.type).to.equal('delivered');

    const told: string[] = [];
    const onSubmitted = (e: Event) => told.push((e as LcSubmittedEvent).envelope.id);
    const sent: string[] = [];
    const onSubmit = (e: Event) => sent.push((e as LcSubmitEvent).envelope.id);
    document.addEventListener('lc-submitted', onSubmitted);
    document.addEventListener('lc-submit', onSubmit);
    const el = await mount({ community, endpoint: bucket.endpoint });
    await reach(el, 'sent');
    document.removeEventListener('lc-submitted', onSubmitted);
    document.removeEventListener('lc-submit', onSubmit);
    expect(el.actors, 'the map that was sent, not an empty one').to.deep.equal(smallActors);
    expect(el.ties).to.deep.equal(smallTies);
    expect($(el, '[part="empty"]')).to.equal(null);
    expect(statusText(el)).to.equal('Thank you. Your answer has been sent.');
    expect($(el, '[part="status"]')!.getAttribute('role')).to.equal('status');
    expect(told, 'lc-submitted for it, once').to.deep.equal(ids);
    expect(sent, 'not sent a second time').to.deep.equal([]);
    expect((await collectorState(bucket.name)).records.map((r) => r.id)).to.deep.equal(ids);
    await expect(el).to.be.accessible();
    // Delivered: nothing of it is left on the device, and the next load starts afresh.
    await waitFor(async () => (await stored(community)) === undefined, 'the note to be cleared');
    el.closest('lc-community')!.remove();
    const fresh = await mount({ community, endpoint: bucket.endpoint });
    await new Promise((r) => setTimeout(r, 50));
    expect(fresh.submissionState).to.equal('idle');
    expect(fresh.actors).to.deep.equal([]);
  });

  it('reloaded while sending, refused before the new page looked: the map is shown with why, and kept', async () => {
    const community = uniqueCommunity();
    const bucket = newBucket('matrix-draft');
    const ids = await sendAndLeave(community, bucket, { stallMs: 1000, status: 422, message: 'round is closed' });
    expect(getOutbox('device').settledEvent(ids[0]!)!.type).to.equal('rejected');

    const refusals: string[] = [];
    const onError = (e: Event) => refusals.push((e as LcSubmitErrorEvent).message);
    document.addEventListener('lc-submit-error', onError);
    let el!: LcPartnershipMatrix;
    const errors = await captureConsoleErrors(async () => {
      el = await mount({ community, endpoint: bucket.endpoint });
      await reach(el, 'rejected');
    });
    document.removeEventListener('lc-submit-error', onError);
    expect(errors.some((e) => e.includes(`submission ${ids[0]} was rejected: round is closed`))).to.be.true;
    expect(el.actors, 'the map the endpoint refused').to.deep.equal(smallActors);
    expect(statusText(el)).to.contain('round is closed');
    expect(refusals).to.deep.equal(['round is closed']);
    expect((await collectorState(bucket.name)).records).to.deep.equal([]);
    // Refused, so in no outbox: the map is the device's to keep again.
    await waitFor(
      async () => ((await stored(community)) as { map?: { actors?: Actor[] } } | undefined)?.map?.actors?.length === 4,
      'the refused map to be kept',
    );
    await expect(el).to.be.accessible();
  });

  it('forgets the note of a map sent on an earlier visit that has arrived since', async () => {
    const community = uniqueCommunity();
    const bucket = newBucket('matrix-draft');
    // Delivered on an earlier load (or by a tab closed since): in no outbox, settled on no page.
    await getDraftStore('device').set(matrixDraftKey(community, ROUND), {
      v: 1,
      savedAt: Date.now(),
      pending: crypto.randomUUID(),
    });
    const el = await mount({ community, endpoint: bucket.endpoint, actors: smallActors });
    await waitFor(async () => (await stored(community)) === undefined, 'the note to go');
    expect(el.submissionState).to.equal('idle');
    expect(el.actors, 'the page’s map').to.deep.equal(smallActors);
    expect(notice(el)).to.equal('');
  });

  it('a map edited after it was sent, reloaded before the edit was sent: the edit is restored and replaces it', async () => {
    const community = uniqueCommunity();
    const bucket = newBucket('matrix-draft');
    const first = await mount({
      community,
      endpoint: bucket.endpoint,
      actors: smallActors,
      ties: smallTies,
      layout: 'list',
    });
    const ids: string[] = [];
    const onSubmit = (e: Event) => ids.push((e as LcSubmitEvent).envelope.id);
    document.addEventListener('lc-submit', onSubmit);
    await setOffline(true);
    sendButton(first).click();
    await reach(first, 'queued');
    // Town hall – City College, from 3 down to 1 (the list: no key presses while offline).
    const level = $<HTMLSelectElement>(first, '#lv-1')!;
    level.value = '1';
    level.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(
      async () =>
        ((await stored(community)) as { map?: { ties?: Tie[] } } | undefined)?.map?.ties?.some((t) => t.level === 1),
      'the edit to be kept',
    );
    first.closest('lc-community')!.remove();

    const el = await mount({ community, endpoint: bucket.endpoint, layout: 'list' });
    expect(levelOf(el, 'town', 'college'), 'the newer map').to.equal(1);
    expect(el.submissionState).to.equal('idle');
    expect(notice(el)).to.match(/has been restored/);
    sendButton(el).click();
    await reach(el, 'queued');
    await setOffline(false);
    await reach(el, 'sent');
    document.removeEventListener('lc-submit', onSubmit);
    expect(ids).to.have.length(2);
    const { records } = await collectorState(bucket.name);
    expect(
      records.map((r) => r.id),
      'the edit took the waiting one back',
    ).to.deep.equal([ids[1]]);
    expect(records[0]!['replaces']).to.equal(ids[0]);
    await waitFor(async () => (await stored(community)) === undefined, 'the kept map to be cleared');
  });

  for (const [perspective, respondent] of [
    ['citizen', 'bob'],
    ['partner', 'bob'],
  ] as const) {
    it(`reloaded for the next person (${perspective}, ${respondent}): never takes up the last one's waiting map`, async () => {
      const community = uniqueCommunity();
      const bucket = newBucket('matrix-kiosk');
      // The server is busy: alice's map waits, its next try not due for ten minutes.
      await setFaults(bucket.name, [{ status: 503, retryAfter: 600 }]);
      const who = { perspective: 'citizen', respondent: 'alice' };
      const first = await mount({ community, endpoint: bucket.endpoint, actors: smallActors, ties: smallTies, ...who });
      const aliceIds: string[] = [];
      first.addEventListener('lc-submit', (e) => aliceIds.push((e as LcSubmitEvent).envelope.id));
      sendButton(first).click();
      await reach(first, 'queued');
      first.closest('lc-community')!.remove();

      // The kiosk reloads for the next person, whose page gives a map of its own.
      const own: Actor[] = [
        { id: 'school', name: 'North School', sector: 'education' },
        { id: 'choir', name: 'Town Choir', sector: 'culture' },
      ];
      const el = await mount({ community, endpoint: bucket.endpoint, actors: own, perspective, respondent });
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 100));
      expect(el.submissionState, "not alice's map, on its way").to.equal('idle');
      expect(el.actors).to.deep.equal(own);
      const ids: string[] = [];
      el.addEventListener('lc-submit', (e) => ids.push((e as LcSubmitEvent).envelope.id));
      sendButton(el).click();
      await reach(el, 'sent');
      expect(
        (await getOutbox('device').pending()).some((e) => e.id === aliceIds[0]),
        "alice's map still waits",
      ).to.be.true;

      window.dispatchEvent(new Event('online'));
      await waitFor(async () => (await collectorState(bucket.name)).records.length === 2, "alice's map");
      const { records } = await collectorState(bucket.name);
      const byId = (id: string | undefined) => records.find((r) => r.id === id)!;
      expect(byId(aliceIds[0])['respondent']).to.equal('alice');
      expect(byId(ids[0])['respondent']).to.equal(respondent);
      expect(byId(ids[0])['replaces'], "the next person's map does not replace alice's").to.equal(undefined);
    });
  }

  it('looks again for a waiting map when the host switches to the person who sent it', async () => {
    const community = uniqueCommunity();
    const bucket = newBucket('matrix-kiosk');
    await setFaults(bucket.name, [{ status: 503, retryAfter: 600 }]);
    const first = await mount({
      community,
      endpoint: bucket.endpoint,
      actors: smallActors,
      ties: smallTies,
      respondent: 'alice',
    });
    sendButton(first).click();
    await reach(first, 'queued');
    first.closest('lc-community')!.remove();

    // Loaded for bob, who has not built anything; the host switches to alice (no reload).
    const el = await mount({ community, endpoint: bucket.endpoint, respondent: 'bob' });
    await new Promise((r) => setTimeout(r, 100));
    expect(el.submissionState).to.equal('idle');
    expect(el.actors).to.deep.equal([]);
    el.closest('lc-community')!.setAttribute('respondent', 'alice');
    await reach(el, 'queued');
    expect(el.actors, 'her map, on its way').to.deep.equal(smallActors);
    window.dispatchEvent(new Event('online'));
    await reach(el, 'sent');
  });

  describe('per respondent (a shared device: the host logs people in and out)', () => {
    const switchTo = async (el: LcPartnershipMatrix, respondent: string, perspective?: string) => {
      const community = el.closest<HTMLElement & { updateComplete: Promise<unknown> }>('lc-community')!;
      community.setAttribute('respondent', respondent);
      if (perspective) community.setAttribute('perspective', perspective);
      await community.updateComplete;
      await el.updateComplete;
      await el.updateComplete;
    };

    it("switched without a reload: the next person starts from the page's map, and each finds their own again", async () => {
      const community = uniqueCommunity();
      const el = await mount({ community, actors: smallActors, ties: smallTies, respondent: 'alice' });
      cellAt(el, 0, 2).focus();
      await press('4');
      // Switched at once, the edit not written yet: it is alice's, kept under her key, never bob's.
      await switchTo(el, 'bob');
      expect(el.actors, "the page's actors").to.deep.equal(smallActors);
      expect(el.ties, "the page's ties, nothing of alice's").to.deep.equal(smallTies);
      expect(notice(el)).to.equal('');
      await waitFor(
        async () => (await storedFor(community, 'alice'))?.map?.ties?.some((t) => t.level === 4),
        "alice's edit kept under her key",
      );
      cellAt(el, 1, 2).focus();
      await press('1');
      await waitFor(async () => (await storedFor(community, 'bob'))?.map, "bob's map kept");

      await switchTo(el, 'alice');
      expect(levelOf(el, 'town', 'bank'), 'her edit').to.equal(4);
      expect(levelOf(el, 'college', 'bank'), "nothing of bob's").to.equal(0);
      // Another perspective of hers is another map.
      await switchTo(el, 'alice', 'partner');
      expect(el.ties).to.deep.equal(smallTies);
      expect(await stored(community), 'nothing under the key without a respondent').to.equal(undefined);
      el.closest('lc-community')!.remove();

      // Reloaded for bob, then for alice: each their own.
      const bob = await mount({ community, actors: smallActors, ties: smallTies, respondent: 'bob' });
      expect(levelOf(bob, 'college', 'bank')).to.equal(1);
      expect(levelOf(bob, 'town', 'bank')).to.equal(0);
      bob.closest('lc-community')!.remove();
      const alice = await mount({ community, actors: smallActors, ties: smallTies, respondent: 'alice' });
      expect(levelOf(alice, 'town', 'bank')).to.equal(4);
      expect(levelOf(alice, 'college', 'bank')).to.equal(0);
    });

    it('a map on its way is not shown to the next person, and is shown on its way when the host switches back', async () => {
      const community = uniqueCommunity();
      const bucket = newBucket('matrix-kiosk');
      await setFaults(bucket.name, [{ status: 503, retryAfter: 600 }]);
      const el = await mount({ community, endpoint: bucket.endpoint, respondent: 'alice' });
      await addActor(el, 'Town hall', 'public-authority');
      await addActor(el, 'City College', 'education');
      const hers = el.actors;
      sendButton(el).click();
      await reach(el, 'queued');

      await switchTo(el, 'bob');
      await el.updateComplete;
      expect(el.submissionState).to.equal('idle');
      expect(el.actors, "nothing of alice's").to.deep.equal([]);

      await switchTo(el, 'alice');
      await reach(el, 'queued');
      expect(el.actors).to.deep.equal(hers);
      window.dispatchEvent(new Event('online'));
      await reach(el, 'sent');
      await waitFor(async () => (await storedFor(community, 'alice')) === undefined, 'her note to go once delivered');
    });

    it('a map kept without the respondent is never shown to a respondent, and left where it is', async () => {
      const community = uniqueCommunity();
      const first = await mount({ community, actors: smallActors, ties: smallTies });
      cellAt(first, 0, 2).focus();
      await press('4');
      await waitFor(async () => (await stored(community)) !== undefined, 'the map kept without a respondent');
      first.closest('lc-community')!.remove();

      const el = await mount({ community, respondent: 'alice' });
      await new Promise((r) => setTimeout(r, 100));
      expect(el.actors).to.deep.equal([]);
      el.closest('lc-community')!.remove();
      const again = await mount({ community });
      expect(levelOf(again, 'town', 'bank'), 'still there for the page without a respondent').to.equal(4);
    });
  });

  it('storage="none" writes nothing to the device, and keeps the map in the page’s memory only', async () => {
    const community = uniqueCommunity();
    const before = new Set((await indexedDB.databases()).map((d) => d.name));
    const first = await mount({ community, storage: 'none' });
    await addActor(first, 'Town hall', 'public-authority');
    await addActor(first, 'City College', 'education');
    cellAt(first, 0, 1).focus();
    await press('3');
    await new Promise((r) => setTimeout(r, 100));
    const built = first.actors;
    first.closest('lc-community')!.remove();

    // Kept while the page is open (as the journal's drafts are)…
    const el = await mount({ community, storage: 'none' });
    expect(el.actors).to.deep.equal(built);
    expect(levelOf(el, built[0]!.id, built[1]!.id)).to.equal(3);
    // …and never on the device.
    const created = (await indexedDB.databases()).map((d) => d.name).filter((name) => !before.has(name));
    expect(created).to.deep.equal([]);
    expect(await stored(community)).to.equal(undefined);
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });
});
