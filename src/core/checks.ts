/**
 * Checks for attribute values, small enough for every element's first load. zod stays the
 * contract for data (criteria sets, envelopes, server answers: `src/criteria/schema.ts`,
 * `src/core/envelope.ts`), loaded where data is parsed; an attribute needs only a pattern, a
 * length or a choice, and the patterns here are the ones those schemas use, so the two agree
 * (`test/checks.test.ts` holds them to it).
 */

import { kept } from './intl.js';

/** A check of one value: `undefined` when it is fine, otherwise what is wrong ("must be …"). */
export type Check = (value: unknown) => string | undefined;

/** Ids are short kebab-case words: they end up in URLs, CSV columns and storage keys. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX = 64;
export const ID_MESSAGE = 'must be kebab-case letters and digits';
/** The longest language tag taken (once trimmed): RFC 5646 asks every reader to take 35 characters. */
export const LOCALE_TAG_MAX = 35;
export const LOCALE_TAG_MESSAGE = 'must be a language tag such as "en" or "da-DK"';
/**
 * An http(s) URL: a `javascript:` URL is never accepted, stored or rendered. The scheme in either
 * case, written out rather than with the `i` flag, which the published JSON Schema cannot carry
 * (a backend checking against it refused "HTTPS://…" that the elements sent).
 */
export const HTTP_URL_PATTERN = /^[hH][tT][tT][pP][sS]?:\/\/[^\s]+$/;
export const HTTP_URL_MAX = 2000;

const notString = (value: unknown) => (typeof value === 'string' ? undefined : 'must be text');

/** Text matching a pattern, at most `max` characters. */
export function pattern(re: RegExp, message: string, max = Infinity): Check {
  return (value) =>
    notString(value) ??
    ((value as string).length > max
      ? `must be at most ${max} characters`
      : re.test(value as string)
        ? undefined
        : message);
}

/** One of a fixed list of values. */
export function oneOf(values: readonly unknown[], message: string): Check {
  return (value) => (values.includes(value) ? undefined : message);
}

/** Text that is not empty once trimmed, at most `max` characters. */
export function text(max: number): Check {
  return (value) =>
    notString(value) ??
    (!(value as string).trim()
      ? 'is empty'
      : (value as string).trim().length > max
        ? `is longer than ${max} characters`
        : undefined);
}

/** A whole number from `min` to `max`. */
export function wholeNumber(min: number, max: number): Check {
  return (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `must be a whole number from ${min} to ${max}`;
}

export const idCheck = pattern(ID_PATTERN, ID_MESSAGE, ID_MAX);
/**
 * An id given in an attribute (`criterion=" trust "`): white space around it is harmless in HTML,
 * so it is checked trimmed, as the elements look it up and send it.
 */
export const idAttributeCheck: Check = (value) => idCheck(typeof value === 'string' ? value.trim() : value);

/**
 * The one rule for a language tag, wherever one is given (a `locale` attribute, `lang`, an
 * envelope's `locale`, a journal entry's): a well-formed BCP 47 tag as `Intl` takes it
 * (`ar-u-nu-latn`, Arabic with Latin digits, included), at most 35 characters once trimmed, in its
 * canonical form (`DA-dk` is `da-DK`), its language of two or three letters. `da_DK` (POSIX, and WordPress's get_locale()) is taken as
 * `da-DK`. Undefined when it is not one: never passed to Intl, which would throw.
 */
export function validTag(tag: unknown): string | undefined {
  // Not text (a property set by script to a number or an object): the element reports it.
  const trimmed = typeof tag === 'string' ? tag.trim() : undefined;
  if (!trimmed || trimmed.length > LOCALE_TAG_MAX) return undefined;
  // Every formatted number and plural form asks again (thousands of times for a large
  // `<lc-results>`): the answer is kept.
  return kept(canonicalTags, trimmed, () => {
    let canonical: string | undefined;
    try {
      canonical = Intl.getCanonicalLocales(trimmed.replaceAll('_', '-'))[0];
    } catch {
      return undefined;
    }
    // A language of two or three letters (ISO 639): BCP 47 keeps longer ones for registration and
    // none is registered, so `english` is a mistake, not a language, though Intl takes it.
    return canonical && LANGUAGE_SUBTAG.test(canonical) ? canonical : undefined;
  });
}
const canonicalTags = new Map<string, string | undefined>();
const LANGUAGE_SUBTAG = /^[a-z]{2,3}(?:-|$)/;

export const localeTagCheck: Check = (value) =>
  notString(value) ?? (validTag(value) === undefined ? LOCALE_TAG_MESSAGE : undefined);

/** A lone UTF-16 surrogate (half of an emoji, from a `\ud83d` escape or a string cut in two): not text. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const LONE_SURROGATE_MESSAGE =
  'must not hold half a character (a lone UTF-16 surrogate, \\ud800–\\udfff), which is not text';

/**
 * The path of the first text in `value` (a string, or a key of an object) that holds a lone
 * surrogate, or undefined. Such text cannot be written as UTF-8, so no collector can take it: an
 * envelope is checked for it before it is sent, and the problem names the field.
 */
export function loneSurrogateAt(value: unknown, depth = 0): PropertyKey[] | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [] : undefined;
  // An envelope is a few levels deep; a host's copy may even hold a cycle (structuredClone keeps one).
  if (!value || typeof value !== 'object' || depth > 8) return undefined;
  // The path is built on the way back, once found: a map's 250,000 ties make no lists meanwhile.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = loneSurrogateAt(value[i], depth + 1);
      if (found) return [i, ...found];
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return [key];
    const found = loneSurrogateAt(item, depth + 1);
    if (found) return [key, ...found];
  }
  return undefined;
}

/** True for an http(s) URL of at most 2000 characters. */
export function isHttpUrl(value: string): boolean {
  return value.length <= HTTP_URL_MAX && HTTP_URL_PATTERN.test(value);
}

/**
 * Characters a name that groups answers must not hold: control characters (a NUL cuts a CSV cell,
 * a line break a log line), the line and paragraph separators (U+2028, U+2029), and the format
 * characters that show nothing: direction marks and isolates (U+200E, U+200F, U+061C,
 * U+202A–U+202E, U+2066–U+2069), the zero-width space and no-break space (U+200B, U+2060,
 * U+FEFF), the invisible operators (U+2061–U+2064) and a soft hyphen. Each makes "citizen\u200F"
 * look like "citizen" while it is counted apart. The zero-width joiner and non-joiner (U+200C,
 * U+200D) are taken: Persian, Hindi and other scripts write words with them, and emoji use them.
 */
export const HIDDEN_CHARACTERS =
  /[\p{Cc}\u00ad\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

/** What a name holding one of the HIDDEN_CHARACTERS is told. */
export const HIDDEN_MESSAGE =
  'must not hold control characters or invisible characters (direction marks, zero-width spaces)';

/**
 * A community, round or perspective as the envelope carries it and the collector compares it:
 * trimmed, composed (NFC). What an element keeps on the device or finds waiting in the outbox is
 * keyed and compared in this form too, so a name the page writes decomposed is still the same group.
 */
export const groupText = (value: string): string => value.trim().normalize('NFC');

/**
 * A name that groups answers (community, round, perspective), as the envelope takes it: text of 1
 * to `max` characters once trimmed, not `__proto__`, without hidden characters. `<lc-community>`
 * says which when the page loads; the envelope's own check (build-envelope.ts) refuses the same.
 * Composed and decomposed forms ("é" as one character or as "e" and an accent) are one name: the
 * envelope carries it composed (NFC).
 */
export function groupName(max: number): Check {
  const length = text(max);
  return (given) => {
    const value = typeof given === 'string' ? given.normalize('NFC') : given;
    return (
      length(value) ??
      ((value as string).trim() === '__proto__'
        ? 'must not be "__proto__"'
        : HIDDEN_CHARACTERS.test((value as string).trim())
          ? HIDDEN_MESSAGE
          : undefined)
    );
  };
}
