/**
 * Checks for attribute values, small enough for every element's first load. zod stays the
 * contract for data (criteria sets, envelopes, server answers: `src/criteria/schema.ts`,
 * `src/core/envelope.ts`), loaded where data is parsed; an attribute needs only a pattern, a
 * length or a choice, and the patterns here are the ones those schemas use, so the two agree
 * (`test/checks.test.ts` holds them to it).
 */

/** A check of one value: `undefined` when it is fine, otherwise what is wrong ("must be …"). */
export type Check = (value: unknown) => string | undefined;

/** Ids are short kebab-case words: they end up in URLs, CSV columns and storage keys. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX = 64;
export const ID_MESSAGE = 'must be kebab-case letters and digits';
/** A BCP 47 language tag as attributes accept it (`da-DK`, `da_DK`). */
export const LOCALE_TAG_PATTERN = /^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$/;
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
export const localeTagCheck = pattern(LOCALE_TAG_PATTERN, LOCALE_TAG_MESSAGE);

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
