import { isHttpUrl, oneOf } from '../../core/checks.js';
import type { RatingData } from '../../core/envelope.js';
import type { Level } from '../../criteria/builtin.js';

/** The options of the learning scale, in the order they are shown and navigated. */
export const RATING_OPTIONS = ['0', '1', '2', '3', '4', 'dont-know'] as const;
export type RatingOption = (typeof RATING_OPTIONS)[number];
/** A rating's value: one of the options, or `''` when nothing is chosen. */
export type RatingValue = RatingOption | '';

const VALUES: readonly string[] = ['', ...RATING_OPTIONS];
export const ratingValueCheck = oneOf(VALUES, 'must be "0" to "4", "dont-know" or empty');
export interface RatingState {
  value: RatingValue;
  comment: string;
  evidence: string;
}

/** Parses an attribute or property value; `undefined` when it is not a valid rating value. */
export function parseRatingValue(input: unknown): RatingValue | undefined {
  if (input === null || input === undefined) return '';
  const value = typeof input === 'number' ? String(input) : input;
  return VALUES.includes(value as string) ? (value as RatingValue) : undefined;
}

/** The envelope's level for a value: a number, or `null` for "don't know". */
export function levelOf(value: RatingOption): Level | null {
  return value === 'dont-know' ? null : (Number(value) as Level);
}

/** The state string given to `setFormValue` (the bare value, or JSON with the fields), read back by {@link parseRatingState}. */
export function serializeRatingState(state: RatingState): string {
  // A bare value (the usual case) reads back as itself.
  if (!state.comment && !state.evidence) return state.value;
  return JSON.stringify({
    v: state.value,
    ...(state.comment ? { c: state.comment } : {}),
    ...(state.evidence ? { e: state.evidence } : {}),
  });
}

/**
 * Reads what the browser hands back on state restore: our own JSON state, or (on autocomplete) a
 * bare value. Anything else is ignored.
 */
export function parseRatingState(input: unknown): RatingState | undefined {
  if (typeof input !== 'string') return undefined;
  const bare = parseRatingValue(input);
  if (bare !== undefined) return { value: bare, comment: '', evidence: '' };
  let json: unknown;
  try {
    json = JSON.parse(input);
  } catch {
    return undefined;
  }
  // What a form kept for state restore (back/forward navigation, autofill): `{ v, c?, e? }`.
  if (typeof json !== 'object' || json === null) return undefined;
  const { v, c = '', e = '' } = json as Record<string, unknown>;
  const fits = (x: unknown, max: number) => typeof x === 'string' && x.length <= max;
  if (!fits(v, 20) || !VALUES.includes(v as string) || !fits(c, 4000) || !fits(e, 2000)) return undefined;
  return { value: v as RatingValue, comment: c as string, evidence: e as string };
}

/** True when an evidence link is empty or an http(s) URL. */
export function isValidEvidence(text: string): boolean {
  const trimmed = text.trim();
  return !trimmed || isHttpUrl(trimmed);
}

/** The `rating` envelope's data for a chosen value, with the optional fields only when filled in. */
export function ratingData(value: RatingOption, comment: string, evidence: string): RatingData {
  const c = comment.trim();
  const e = evidence.trim();
  return { level: levelOf(value), ...(c ? { comment: c } : {}), ...(e ? { evidence: e } : {}) };
}

/**
 * The entries a form gets: the value under `name`, and the comment and evidence (when given)
 * under `name-comment` and `name-evidence`. A plain string when only the value is submitted.
 */
export function formValue(name: string, state: RatingState): string | FormData | null {
  if (!state.value && !state.comment && !state.evidence) return null;
  if (!name || (!state.comment && !state.evidence)) return state.value || null;
  const data = new FormData();
  if (state.value) data.append(name, state.value);
  if (state.comment) data.append(`${name}-comment`, state.comment);
  if (state.evidence) data.append(`${name}-evidence`, state.evidence);
  return data;
}
