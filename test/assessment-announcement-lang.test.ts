// The "welcome back" announcement is in the language the assessment shows, even when the kept
// answers are restored while that language's strings are still loading (a page in one language
// embedding a community in another: the element first resolves the page's, then the community's).
import { expect, fixture, html } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import { ANSWERS_DB, ANSWERS_STORE, answersKey, getAnswersStore } from '../src/components/assessment/answers-store.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import { msg, strings } from '../src/components/assessment/strings.js';
import type { SupportedLocale } from '../src/core/i18n/i18n.js';
import { getOutbox } from '../src/core/outbox.js';
import { waitFor } from './support/helpers.js';
import { announcement, part, settle, uniqueCommunity } from './support/assessment.js';

/**
 * Holds the kept answers' object store with a read-write transaction: a read of the kept answers
 * waits until the returned function lets it go.
 */
async function holdKeptAnswers(): Promise<() => Promise<void>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(ANSWERS_DB);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(ANSWERS_STORE, 'readwrite');
  const store = tx.objectStore(ANSWERS_STORE);
  let held = true;
  const keepAlive = () => {
    if (held) store.get('hold').onsuccess = keepAlive;
  };
  keepAlive();
  const done = new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
  return async () => {
    held = false;
    await done;
    db.close();
  };
}

/** Makes the assessment's `lang` strings wait for the returned function before they start loading. */
function holdStrings(lang: SupportedLocale): { asked: () => boolean; release: () => void } {
  const load = strings.load;
  let asked = false;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  strings.load = (l) => {
    if (l !== lang) return load(l);
    asked = true;
    return gate.then(() => load(l));
  };
  return {
    asked: () => asked,
    release: () => {
      strings.load = load;
      release();
    },
  };
}

describe('<lc-assessment> restored answers, announced in the element’s language', () => {
  before(async () => {
    await getOutbox('device').pending();
  });

  for (const lang of ['ar', 'de'] as const) {
    it(`in ${lang}, when the answers are restored before the ${lang} strings have loaded`, async () => {
      expect(strings.loaded[lang], `nothing on this page has loaded the ${lang} strings yet`).to.equal(undefined);
      const community = uniqueCommunity();
      const key = answersKey({ community, round: '2026-spring', criteriaSet: 'common-criteria' });
      const given = { value: '2' as const, comment: '', evidence: '' };
      await getAnswersStore('device').write(key, { trust: given, inclusion: given, initiatives: given });

      const releaseRead = await holdKeptAnswers();
      const held = holdStrings(lang);
      let el: LcAssessment;
      try {
        // The page's language first (English here): the restore starts, and waits for the device.
        const wrapper = await fixture<HTMLElement>(
          html`<lc-community community=${community} round="2026-spring" storage="device" locale="en">
            <lc-assessment></lc-assessment>
          </lc-community>`,
        );
        el = wrapper.querySelector('lc-assessment')!;
        await el.updateComplete;
        await waitFor(() => part(el, 'question'), 'the questions');
        // Then the community's language, whose strings are still on their way when the answers come back.
        wrapper.setAttribute('locale', lang);
        await waitFor(() => held.asked(), `the ${lang} strings to be asked for`);
        await releaseRead();
        await el.answersRestored;
        expect(strings.loaded[lang], 'restored before the strings arrived').to.equal(undefined);
      } finally {
        held.release();
        await releaseRead();
      }
      await waitFor(() => strings.loaded[lang], `the ${lang} strings`);
      await settle(el);
      expect(part(el, 'base')!.getAttribute('lang')).to.equal(lang);
      expect(announcement(el)).to.equal(msg(lang, 'resume.restored', { count: 3 }));
      expect(announcement(el)).not.to.contain('Welcome back');
      expect(el.answers['trust']?.value).to.equal('2');
      await expect(el).to.be.accessible();
    });
  }
});
