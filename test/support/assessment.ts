import { fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/components/assessment/define.js';
import '../../src/components/community/define.js';
import type { LcAssessment } from '../../src/components/assessment/lc-assessment.js';
import { getOutbox } from '../../src/core/outbox.js';
import { commonCriteriaEn } from '../../src/criteria/common-criteria.en.js';
import { waitFor } from './helpers.js';

/** The built-in set's criteria, in order (test/criteria.test.ts pins that order literally). */
export const IDS = commonCriteriaEn.criteria.map((c) => c.id);

export interface MountOptions {
  layout?: 'page' | 'steps';
  community?: string;
  round?: string;
  /** The community's `perspective` (none by default). */
  perspective?: string;
  /** The community's `respondent` (none by default). */
  respondent?: string;
  storage?: 'device' | 'none';
  endpoint?: string;
  locale?: string;
  allowPartial?: boolean;
  comment?: boolean;
  evidence?: boolean;
  withJournal?: boolean;
  intro?: string;
  /** A criteria set's URL, for the community's `criteria`. */
  criteria?: string;
}

export function uniqueCommunity(prefix = 'assess'): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

/** An `<lc-assessment>` inside an `<lc-community>`, with its kept answers restored. */
export async function mount(options: MountOptions = {}): Promise<LcAssessment> {
  // Opens the page's outbox database now. The outbox's first use may otherwise come on `pagehide`
  // (its last-chance send), creating the database while the page is frozen into the back/forward
  // cache, which leaves every later page's open of it waiting.
  await getOutbox('device').pending();
  const o = { community: uniqueCommunity(), round: '2026-spring', storage: 'device' as const, ...options };
  const wrapper = await fixture<HTMLElement>(
    html`<lc-community
      community=${o.community}
      round=${o.round}
      perspective=${ifDefined(o.perspective)}
      respondent=${ifDefined(o.respondent)}
      storage=${o.storage}
      endpoint=${ifDefined(o.endpoint)}
      locale=${ifDefined(o.locale)}
      criteria=${ifDefined(o.criteria)}
    >
      <lc-assessment
        layout=${o.layout ?? 'page'}
        ?allow-partial=${o.allowPartial}
        ?comment=${o.comment}
        ?evidence=${o.evidence}
        ?with-journal=${o.withJournal}
        >${o.intro ? html`<p>${o.intro}</p>` : nothing}</lc-assessment
      >
    </lc-community>`,
  );
  const el = wrapper.querySelector('lc-assessment')!;
  await el.answersRestored;
  await el.updateComplete;
  await settle(el);
  return el;
}

/** Waits for the element and every nested element to finish rendering. */
export async function settle(el: LcAssessment): Promise<void> {
  await el.updateComplete;
  const nested = [...el.shadowRoot!.querySelectorAll('lc-criterion-card, lc-self-rating, lc-reflection-journal')];
  await Promise.all(nested.map((n) => (n as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
  await el.updateComplete;
}

/**
 * A second copy of `el` on the page, for the same kept answers: its community cloned after
 * `el`'s, as a CMS's preview is made. Resolves with the copy's assessment, its answers read.
 */
export async function copyOnPage(el: LcAssessment): Promise<LcAssessment> {
  const original = el.closest('lc-community')!;
  const copy = original.cloneNode(true) as HTMLElement;
  original.after(copy);
  const twin = copy.querySelector('lc-assessment')!;
  await twin.answersRestored;
  await settle(twin);
  return twin;
}

export const shadow = (el: LcAssessment) => el.shadowRoot!;
export const part = (el: LcAssessment, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
export const parts = (el: LcAssessment, name: string) => [
  ...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];

export type RatingEl = HTMLElement & {
  value: string;
  commentText: string;
  evidenceUrl: string;
  updateComplete: Promise<unknown>;
};
export const rating = (el: LcAssessment, id: string) =>
  shadow(el).querySelector<RatingEl>(`lc-self-rating[data-criterion="${id}"]`)!;

/** Answers a criterion as a person would: a click on the option. */
export async function answer(el: LcAssessment, id: string, value: string): Promise<void> {
  const r = rating(el, id);
  r.shadowRoot!.querySelector<HTMLElement>(`[role="radio"][data-value="${value}"]`)!.click();
  await r.updateComplete;
  await el.updateComplete;
}

export const progressText = (el: LcAssessment) => part(el, 'progress-text')!.textContent!.trim();
export const progressBar = (el: LcAssessment) => part(el, 'progress-bar')!;
/** The criteria whose sections show (none while the form itself is hidden, in the review). */
export const visibleSections = (el: LcAssessment) =>
  parts(el, 'question')
    .filter((s) => !s.hidden && !s.closest('form')!.hidden)
    .map((s) => s.dataset['criterion']);
export const focused = (el: LcAssessment) => shadow(el).activeElement as HTMLElement | null;
export const announcement = (el: LcAssessment) => part(el, 'announcement')!.textContent!.trim();
export const statusText = (el: LcAssessment) => part(el, 'status')!.textContent!.trim();

/** Waits until `location.hash` is `hash`. */
export const hashIs = (hash: string) => waitFor(() => location.hash === hash, `the hash ${hash}`);

/** Removes any hash a test left, without a history entry or a hashchange. */
export function clearHash(): void {
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
}
