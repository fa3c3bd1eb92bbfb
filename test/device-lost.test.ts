import { expect } from '@open-wc/testing';
import { get, set } from 'idb-keyval';
import { deviceStore } from '../src/core/device-db.js';
import { createEnvelope } from '../src/core/envelope.js';
import { indexedDbStore, memoryStore, Outbox, OutboxEvent, type OutboxStore } from '../src/core/outbox.js';
import { httpTransport } from '../src/core/transport.js';
import { FallbackDraftStore, indexedDbBackend } from '../src/core/draft-store.js';
import { captureConsoleWarnings, collectorState, newBucket, setFaults, waitFor } from './support/helpers.js';

// The device's databases changing under a live page: another tab deleting or upgrading them (a
// portal's "forget this device", a newer version of the library), an open held up by another tab.

const ctx = { community: 'test', round: 'r1', criteriaSet: { id: 'common-criteria', version: '1.0.0' }, locale: 'en' };
const rating = (level: 0 | 1 | 2 | 3 | 4) => createEnvelope('rating', ctx, { level }, 'trust');
const dbName = () => `lost-test-${Math.random().toString(36).slice(2)}`;

/** How a database request ended, or 'hung' when it had not within `ms` (a deletion blocked by an open connection). */
function settledWithin<T>(request: Promise<T>, ms = 3000): Promise<T | 'hung'> {
  return Promise.race([request, new Promise<'hung'>((r) => setTimeout(() => r('hung'), ms))]);
}

/** Deletes a database as another tab would; resolves with whether it was blocked on the way. */
function deleteDatabase(name: string): Promise<{ blocked: boolean }> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const request = indexedDB.deleteDatabase(name);
    request.onblocked = () => (blocked = true);
    request.onsuccess = () => resolve({ blocked });
    request.onerror = () => reject(request.error);
  });
}

/** A connection that never lets go (another page's, an older version of the library's). */
function holdOpen(name: string, store: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.result.createObjectStore(store);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('device storage changed under the page', () => {
  it('lets go of its database at once when another tab deletes it, and opens it afresh at the next use', async () => {
    const name = dbName();
    let lost = 0;
    const store = deviceStore(name, 'kv', { onLost: () => lost++ });
    await set('a', 1, store);
    expect(await settledWithin(deleteDatabase(name)), 'the deletion is not held up').to.deep.equal({ blocked: false });
    expect(lost).to.equal(1);
    expect(await get('a', store), 'deleted').to.equal(undefined);
    await set('b', 2, store);
    expect(await get('b', store)).to.equal(2);
    await deleteDatabase(name);
  });

  it('lets go of it when another tab upgrades it (a newer version of the library), and works on with the new version', async () => {
    const name = dbName();
    const store = deviceStore(name, 'kv');
    await set('a', 1, store);
    const upgraded = new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const newer = await settledWithin(upgraded);
    expect(newer, 'the upgrade is not held up').to.be.instanceOf(IDBDatabase);
    expect(await get('a', store)).to.equal(1);
    (newer as IDBDatabase).close();
    await deleteDatabase(name);
  });

  it('gives up on an open another tab holds up, after its time limit, naming the database', async () => {
    const name = dbName();
    const holder = await holdOpen(name, 'kv');
    // A deletion waiting for that connection: every open after it waits too.
    const deleting = deleteDatabase(name);
    const store = deviceStore(name, 'kv', { timeoutMs: 300 });
    const error = await get('a', store).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).to.contain(`"${name}"`).and.to.contain('did not open within 300 ms');
    holder.close();
    await deleting;
    // Tried afresh at the next use.
    await set('a', 1, store);
    expect(await get('a', store)).to.equal(1);
    await deleteDatabase(name);
  });

  it("writes what waits in the outbox again when another tab deletes the outbox's database, and delivers it", async () => {
    const { name: bucket, endpoint } = newBucket();
    await setFaults(bucket, [{ status: 503 }]);
    const db = dbName();
    const outbox = new Outbox(indexedDbStore(db, 'outbox'), { listen: false });
    const seen: OutboxEvent[] = [];
    for (const type of ['retrying', 'delivered']) outbox.addEventListener(type, (e) => seen.push(e as OutboxEvent));
    // The next try a minute away: only the test's flush sends it again.
    outbox.registerSender(endpoint, { transport: httpTransport(), backoff: { baseMs: 60_000, capMs: 60_000 } });
    const envelope = rating(2);
    await outbox.submit(endpoint, envelope);
    await waitFor(() => seen.some((e) => e.type === 'retrying'), 'the first try, answered busy');

    expect(await settledWithin(deleteDatabase(db)), 'the deletion is not held up').to.deep.equal({ blocked: false });
    await waitFor(
      async () => (await outbox.pending()).some((e) => e.id === envelope.id),
      'the waiting submission to be written again',
    );
    expect(outbox.storageAvailable).to.equal(true);
    await outbox.flush(true);
    await waitFor(() => seen.some((e) => e.type === 'delivered'), 'the delivery');
    expect((await collectorState(bucket)).records.map((r) => r.id)).to.deep.equal([envelope.id]);
    expect(await outbox.pending()).to.deep.equal([]);
    await deleteDatabase(db);
  });

  it('still tries what waited on the device when device storage fails and the outbox moves to memory', async () => {
    const { name: bucket, endpoint } = newBucket();
    await setFaults(bucket, [{ status: 503 }]);
    // A device store that works, and then fails every write (the disk full).
    const kept = memoryStore();
    let full = false;
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const device: OutboxStore = {
      persistent: true,
      getAll: () => kept.getAll(),
      put: (entry) => (full ? Promise.reject(quota()) : kept.put(entry)),
      delete: (id) => (full ? Promise.reject(quota()) : kept.delete(id)),
    };
    const outbox = new Outbox(device, { listen: false });
    const seen: OutboxEvent[] = [];
    for (const type of ['retrying', 'delivered', 'storage-unavailable'])
      outbox.addEventListener(type, (e) => seen.push(e as OutboxEvent));
    outbox.registerSender(endpoint, { transport: httpTransport(), backoff: { baseMs: 60_000, capMs: 60_000 } });
    // The first waits on the device, its next try a minute away.
    const first = rating(1);
    await outbox.submit(endpoint, first);
    await waitFor(() => seen.some((e) => e.type === 'retrying'), 'the first try, answered busy');
    // The second finds the device full: the outbox moves to memory.
    full = true;
    const second = rating(3);
    const warnings = await captureConsoleWarnings(() => outbox.submit(endpoint, second));
    expect(warnings.join('\n')).to.contain('Device storage is unavailable');
    expect(seen.some((e) => e.type === 'storage-unavailable')).to.equal(true);
    await waitFor(() => seen.filter((e) => e.type === 'delivered').length === 1, 'the second one delivered');
    expect(
      (await outbox.pending()).map((e) => e.id),
      'the first still waits',
    ).to.deep.equal([first.id]);
    await outbox.flush(true);
    await waitFor(() => seen.filter((e) => e.type === 'delivered').length === 2, 'the first one delivered');
    expect((await collectorState(bucket)).records.map((r) => r.id).sort()).to.deep.equal([first.id, second.id].sort());
    expect(await outbox.pending()).to.deep.equal([]);
  });

  it("lets go of the drafts' database too, so a deletion in another tab is not held up", async () => {
    const name = dbName();
    const drafts = new FallbackDraftStore(indexedDbBackend(name, 'drafts'));
    await drafts.set('draft:lost-test', { title: 'kept' });
    expect(await settledWithin(deleteDatabase(name)), 'the deletion is not held up').to.deep.equal({
      blocked: false,
    });
    expect(await drafts.get('draft:lost-test'), 'deleted').to.equal(undefined);
    await drafts.set('draft:lost-test', { title: 'written again' });
    expect(await drafts.get('draft:lost-test')).to.deep.equal({ title: 'written again' });
    expect(drafts.persistent).to.equal(true);
    await deleteDatabase(name);
  });
});
