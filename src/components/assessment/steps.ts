/**
 * The steps of an assessment and their URL hashes. A criterion's step is `#lc-step-<id>`; the
 * review is `#lc-review` (criterion ids are kebab-case, so no criterion can take the review's hash).
 * An assessment with an `id` scopes them with it (`#spring.lc-step-trust`, `#spring.lc-review` for
 * `id="spring"`), so two stepped assessments on one page each follow their own.
 */
export const STEP_HASH_PREFIX = '#lc-step-';
export const REVIEW_HASH = '#lc-review';
/** The review's step key; not a valid criterion id (it has a colon), so it never collides with one. */
export const REVIEW_STEP = ':review';

/** Every step in order: each criterion, then the review. */
export function stepsOf(criteria: readonly string[]): string[] {
  return [...criteria, REVIEW_STEP];
}

/** An element id that can scope the hashes: a letter, then letters, digits, `-` or `_` (at most 64). */
const SCOPE = /^[A-Za-z][\w-]{0,63}$/;

/** The scope of an assessment's hashes: its id when it can serve, or none. */
export function hashScope(id: string): string {
  return SCOPE.test(id) ? id : '';
}

/** `#` and the scope: `#`, or `#spring.`. */
const start = (scope: string) => (scope ? `#${scope}.` : '#');

/** The hash of a step: `#lc-step-trust`, or `#lc-review`; `#spring.lc-step-trust` in scope `spring`. */
export function stepHash(step: string, scope = ''): string {
  const hash = step === REVIEW_STEP ? REVIEW_HASH : `${STEP_HASH_PREFIX}${step}`;
  return start(scope) + hash.slice(1);
}

/** The step a hash names in `scope`, if it is one of `steps`; undefined for any other hash. */
export function stepFromHash(hash: string, steps: readonly string[], scope = ''): string | undefined {
  const review = stepHash(REVIEW_STEP, scope);
  const prefix = start(scope) + STEP_HASH_PREFIX.slice(1);
  let step: string | undefined;
  if (hash === review) step = REVIEW_STEP;
  else if (hash.startsWith(prefix)) {
    try {
      step = decodeURIComponent(hash.slice(prefix.length));
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
