import { expect } from '@open-wc/testing';
import { createStore, get } from 'idb-keyval';
import { assessmentDataSchema } from '../src/core/envelope.js';
import {
  ANSWERS_DB,
  ANSWERS_STORE,
  AnswersStore,
  AnswersWriter,
  answersKey,
  legacyAnswersKey,
  getAnswersStore,
  restorableAnswers,
} from '../src/components/assessment/answers-store.js';
import { memoryBackend, type StorageBackend } from '../src/core/storage-backend.js';
import {
  assessmentAnswers,
  nextUnanswered,
  progressOf,
  sendBlock,
  type Answer,
  type Answers,
} from '../src/components/assessment/progress.js';
import {
  REVIEW_HASH,
  REVIEW_STEP,
  hashScope,
  neighbours,
  stepFromHash,
  stepHash,
  stepsOf,
  urlWithHash,
} from '../src/components/assessment/steps.js';

const IDS = ['initiatives', 'emerging-needs', 'trust', 'inclusion'];
const a = (value: Answer['value'], comment = '', evidence = ''): Answer => ({ value, comment, evidence });

describe('assessment steps (hash ↔ step)', () => {
  it('maps each criterion to #lc-step-<id> and the review to #lc-review, and back', () => {
    const steps = stepsOf(IDS);
    expect(steps).to.deep.equal([...IDS, REVIEW_STEP]);
    expect(stepHash('trust')).to.equal('#lc-step-trust');
    expect(stepHash(REVIEW_STEP)).to.equal(REVIEW_HASH);
    for (const step of steps) expect(stepFromHash(stepHash(step), steps)).to.equal(step);
  });

  it('ignores hashes that are not ours or name an unknown step', () => {
    const steps = stepsOf(IDS);
    expect(stepFromHash('', steps)).to.equal(undefined);
    expect(stepFromHash('#main', steps)).to.equal(undefined);
    expect(stepFromHash('#lc-step-unknown', steps)).to.equal(undefined);
    expect(stepFromHash('#lc-step-%E0%A4%A', steps), 'broken escape').to.equal(undefined);
    // A criterion may be called "review": it still has its own hash, distinct from the review's.
    const withReview = stepsOf(['review', 'trust']);
    expect(stepFromHash('#lc-step-review', withReview)).to.equal('review');
    expect(stepFromHash('#lc-review', withReview)).to.equal(REVIEW_STEP);
  });

  it('scopes the hashes with the element id, so two assessments follow their own', () => {
    const steps = stepsOf(IDS);
    expect(stepHash('trust', 'spring')).to.equal('#spring.lc-step-trust');
    expect(stepHash(REVIEW_STEP, 'spring')).to.equal('#spring.lc-review');
    for (const step of steps) expect(stepFromHash(stepHash(step, 'spring'), steps, 'spring')).to.equal(step);
    expect(stepFromHash('#lc-step-trust', steps, 'spring'), 'an unscoped hash').to.equal(undefined);
    expect(stepFromHash('#autumn.lc-step-trust', steps, 'spring'), "another assessment's").to.equal(undefined);
    expect(stepFromHash('#spring.lc-step-trust', steps), 'a scoped hash, to an unscoped one').to.equal(undefined);
    // Only an id that reads safely in a URL fragment scopes; any other leaves the hashes unscoped.
    expect(hashScope('spring-2026_a')).to.equal('spring-2026_a');
    for (const id of ['', '2026', 'a b', 'a.b', 'é', 'a'.repeat(65)]) expect(hashScope(id), id).to.equal('');
  });

  it('knows the neighbours of a step', () => {
    const steps = stepsOf(IDS);
    expect(neighbours(steps, 'initiatives')).to.deep.equal({ previous: undefined, next: 'emerging-needs' });
    expect(neighbours(steps, 'inclusion')).to.deep.equal({ previous: 'trust', next: REVIEW_STEP });
    expect(neighbours(steps, REVIEW_STEP)).to.deep.equal({ previous: 'inclusion', next: undefined });
  });

  it('sets or clears the hash of a URL, keeping path and query', () => {
    expect(urlWithHash('https://x.test/a?b=1#old', '#lc-step-trust')).to.equal('https://x.test/a?b=1#lc-step-trust');
    expect(urlWithHash('https://x.test/a?b=1#old', '')).to.equal('https://x.test/a?b=1');
  });
});

describe('assessment progress', () => {
  it('counts answered criteria (a level or don’t know), not comments alone', () => {
    const answers: Answers = { initiatives: a('2'), trust: a('dont-know'), inclusion: a('', 'a comment only') };
    expect(progressOf(IDS, answers)).to.deep.equal({
      answered: 2,
      total: 4,
      dontKnow: 1,
      unanswered: ['emerging-needs', 'inclusion'],
    });
    expect(progressOf(IDS, {}).answered).to.equal(0);
  });

  it('finds the next unanswered criterion after the current one, wrapping round', () => {
    const answers: Answers = { initiatives: a('1'), trust: a('3') };
    expect(nextUnanswered(IDS, answers)).to.equal('emerging-needs');
    expect(nextUnanswered(IDS, answers, 'emerging-needs')).to.equal('inclusion');
    expect(nextUnanswered(IDS, answers, 'inclusion')).to.equal('emerging-needs');
    expect(nextUnanswered(IDS, { ...answers, 'emerging-needs': a('0'), inclusion: a('4') })).to.equal(undefined);
  });

  it('builds the envelope answers in the set’s order: null for don’t know, trimmed optional fields', () => {
    const answers: Answers = {
      trust: a('dont-know', '  unsure  ', ''),
      initiatives: a('0', '', ' https://example.org/report '),
      inclusion: a('', 'not answered, left out'),
    };
    const out = assessmentAnswers(IDS, answers);
    expect(out).to.deep.equal([
      { criterion: 'initiatives', level: 0, evidence: 'https://example.org/report' },
      { criterion: 'trust', level: null, comment: 'unsure' },
    ]);
    expect(assessmentDataSchema.safeParse({ answers: out }).success).to.be.true;
  });

  it('blocks sending: unanswered without allow-partial, nothing at all, or a bad evidence link', () => {
    const all: Answers = Object.fromEntries(IDS.map((id) => [id, a('2')]));
    expect(sendBlock(IDS, all, false)).to.equal(undefined);
    expect(sendBlock(IDS, { trust: a('1') }, false)).to.deep.equal({
      reason: 'incomplete',
      unanswered: ['initiatives', 'emerging-needs', 'inclusion'],
    });
    expect(sendBlock(IDS, { trust: a('1') }, true)).to.equal(undefined);
    expect(sendBlock(IDS, {}, true)).to.deep.equal({ reason: 'empty' });
    expect(sendBlock(IDS, {}, false)).to.have.property('reason', 'incomplete');
    expect(sendBlock(IDS, { ...all, trust: a('3', '', 'javascript:alert(1)') }, false)).to.deep.equal({
      reason: 'evidence',
      criterion: 'trust',
    });
  });
});

describe('assessment answers store', () => {
  const key = answersKey({ community: 'aarhus/øst', round: '2026-spring', criteriaSet: 'common-criteria' });

  it('keys a record by community, round, criteria set and perspective, each part encoded', () => {
    // No perspective: an empty last part, never the key of an earlier version (below).
    expect(key).to.equal('aarhus%2F%C3%B8st/2026-spring/common-criteria/');
    const parts = { community: 'aarhus/øst', round: '2026-spring', criteriaSet: 'common-criteria' };
    expect(answersKey({ ...parts, perspective: ' civil/society ' })).to.equal(
      'aarhus%2F%C3%B8st/2026-spring/common-criteria/civil%2Fsociety',
    );
    expect(answersKey({ ...parts, perspective: '  ' })).to.equal(key);
    // A respondent the host names (a shared device): a fifth part; none, the four parts above.
    expect(answersKey({ ...parts, perspective: 'citizen', respondent: 'kiosk/7 ana' })).to.equal(
      'aarhus%2F%C3%B8st/2026-spring/common-criteria/citizen/kiosk%2F7%20ana',
    );
    expect(answersKey({ ...parts, respondent: 'ana' })).to.equal(`${key}/ana`);
    expect(answersKey({ ...parts, respondent: undefined })).to.equal(key);
    // Where earlier versions kept the answers of every perspective.
    expect(legacyAnswersKey(parts)).to.equal('aarhus%2F%C3%B8st/2026-spring/common-criteria');
  });

  it('writes and reads back answers with content, deletes the record when nothing is left', async () => {
    const map = new Map<string, unknown>();
    const store = new AnswersStore(memoryBackend(map));
    await store.write(key, { trust: a('2', 'ok'), inclusion: a('') }, { step: 'trust', savedAt: 42 });
    // `hostRound`: kept by this build, under the round the host set (an earlier build's record has none).
    expect(await store.read(key)).to.deep.equal({
      v: 1,
      savedAt: 42,
      hostRound: true,
      step: 'trust',
      answers: { trust: a('2', 'ok') },
    });
    await store.write(key, { trust: a('') });
    expect(map.has(key)).to.be.false;
    await store.write(key, { trust: a('1') });
    await store.clear(key);
    expect(await store.read(key)).to.equal(undefined);
  });

  it('ignores a record that does not fit the schema', async () => {
    const map = new Map<string, unknown>([[key, { v: 1, answers: { trust: { value: '9' } } }]]);
    const store = new AnswersStore(memoryBackend(map));
    const original = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => warnings.push(m);
    try {
      expect(await store.read(key)).to.equal(undefined);
    } finally {
      console.warn = original;
    }
    expect(warnings.join()).to.contain('not readable');
  });

  it('falls back to memory when the device fails, repeating the operation there', async () => {
    const failing: StorageBackend = {
      get: () => Promise.reject(new Error('blocked')),
      set: () => Promise.reject(new Error('blocked')),
      delete: () => Promise.reject(new Error('blocked')),
    };
    const store = new AnswersStore(failing);
    expect(store.persistent).to.be.true;
    const original = console.warn;
    console.warn = () => {};
    try {
      await store.write(key, { trust: a('4') }, { savedAt: 1 });
    } finally {
      console.warn = original;
    }
    expect(store.persistent).to.be.false;
    expect(store.failure).to.equal('blocked');
    expect((await store.read(key))?.answers).to.deep.equal({ trust: a('4') });
  });

  it('gives up on a device that does not answer, and carries on in memory', async () => {
    const hanging: StorageBackend = {
      get: () => new Promise(() => {}),
      set: () => new Promise(() => {}),
      delete: () => new Promise(() => {}),
    };
    const store = new AnswersStore(hanging, memoryBackend(), 50);
    const original = console.warn;
    console.warn = () => {};
    try {
      expect(await store.read(key)).to.equal(undefined);
    } finally {
      console.warn = original;
    }
    expect(store.persistent).to.be.false;
    expect(store.failure).to.contain('did not answer within 50 ms');
    await store.write(key, { trust: a('2') });
    expect((await store.read(key))?.answers).to.deep.equal({ trust: a('2') });
  });

  it('uses IndexedDB (lc-elements-assessment / answers) under "device", memory under "none"', async () => {
    const device = getAnswersStore('device');
    const none = getAnswersStore('none');
    expect(device.persistent).to.be.true;
    expect(none.persistent).to.be.false;
    const k = answersKey({ community: 'units', round: String(Math.random()), criteriaSet: 'common-criteria' });
    await device.write(k, { trust: a('3') }, { savedAt: 7, pending: 'abc' });
    expect(await get(k, createStore(ANSWERS_DB, ANSWERS_STORE))).to.deep.equal({
      v: 1,
      savedAt: 7,
      hostRound: true,
      pending: 'abc',
      answers: { trust: a('3') },
    });
    await device.clear(k);
    expect(await get(k, createStore(ANSWERS_DB, ANSWERS_STORE))).to.equal(undefined);
    await none.write(k, { trust: a('1') });
    expect((await getAnswersStore('none').read(k))?.answers).to.deep.equal({ trust: a('1') });
    expect(await device.read(k)).to.equal(undefined);
    await none.clear(k);
  });

  it('restores only the answers of criteria still in the set', () => {
    const kept = { v: 1 as const, savedAt: 0, answers: { trust: a('2'), gone: a('1'), inclusion: a('') } };
    expect(restorableAnswers(kept, IDS)).to.deep.equal({ trust: a('2') });
  });

  it('writes in order, the latest per key winning, one at a time', async () => {
    const log: string[] = [];
    let active = 0;
    let maxActive = 0;
    const writer = new AnswersWriter();
    const job = (name: string) => async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 5));
      log.push(name);
      active--;
    };
    void writer.schedule('k', job('first'));
    void writer.schedule('k', job('second'));
    void writer.schedule('other', job('other'));
    void writer.schedule('k', job('third'));
    await writer.idle();
    // `first` had started before the others came in; `second` was replaced by `third`.
    expect(log).to.deep.equal(['first', 'other', 'third']);
    expect(maxActive).to.equal(1);
  });
});
