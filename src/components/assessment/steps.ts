/**
 * The steps of an assessment and their URL hashes. A criterion's step is `#lc-step-<id>`; the
 * review is `#lc-review` (criterion ids are kebab-case, so no criterion can take the review's hash).
 */
export const STEP_HASH_PREFIX = '#lc-step-';
export const REVIEW_HASH = '#lc-review';
/** The review's step key; not a valid criterion id (it has a colon), so it never collides with one. */
export const REVIEW_STEP = ':review';

/** Every step in order: each criterion, then the review. */
export function stepsOf(criteria: readonly string[]): string[] {
  return [...criteria, REVIEW_STEP];
}

/** The hash of a step: `#lc-step-trust`, or `#lc-review`. */
export function stepHash(step: string): string {
  return step === REVIEW_STEP ? REVIEW_HASH : `${STEP_HASH_PREFIX}${step}`;
}

/** True when a hash is one of ours (any assessment step), known or not. */
export function isStepHash(hash: string): boolean {
  return hash === REVIEW_HASH || hash.startsWith(STEP_HASH_PREFIX);
}

/** The step a hash names, if it is one of `steps`; undefined for any other hash. */
export function stepFromHash(hash: string, steps: readonly string[]): string | undefined {
  let step: string | undefined;
  if (hash === REVIEW_HASH) step = REVIEW_STEP;
  else if (hash.startsWith(STEP_HASH_PREFIX)) {
    try {
      step = decodeURIComponent(hash.slice(STEP_HASH_PREFIX.length));
    } catch {
      return undefined;
    }
  }
  return step !== undefined && steps.includes(step) ? step : undefined;
}

/** The steps before and after `current` (undefined at either end). */
export function neighbours(
  steps: readonly string[],
  current: string,
): { previous: string | undefined; next: string | undefined } {
  const i = steps.indexOf(current);
  if (i < 0) return { previous: undefined, next: steps[0] };
  return { previous: steps[i - 1], next: steps[i + 1] };
}

/** The hash without the step, for a URL that should keep its path and query: `''` clears it. */
export function urlWithHash(href: string, hash: string): string {
  const url = new URL(href);
  url.hash = hash;
  // An empty hash would leave a bare `#`; drop it entirely.
  return hash ? url.href : url.href.replace(/#$/, '');
}
