/**
 * Intl formatters, one per locale and options, made once. A journal listing 500 entries formats
 * 500 dates on every render (a key press in its form is one): making a formatter costs far more
 * than using one, and made for each date it froze the page for a fifth of a second per key.
 */
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/**
 * `make()`'s value, made once and kept in `table` under `key`. A page uses a handful of keys
 * (locales, options); past 64 the table starts again, so input that varies without end (a locale
 * attribute set from a URL) cannot grow it.
 */
export function kept<K, V>(table: Map<K, V>, key: K, make: () => V): V {
  if (table.has(key)) return table.get(key) as V;
  if (table.size >= 64) table.clear();
  const value = make();
  table.set(key, value);
  return value;
}

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(
  kind: string,
  locale: string,
  options: object,
  make: (locale: string) => T,
): T {
  return kept(formats, `${kind}|${locale}|${JSON.stringify(options)}`, () => {
    try {
      return make(locale);
    } catch {
      // A tag the browser's Intl refuses (the elements' own checks are looser): English, as the text.
      return make('en');
    }
  }) as T;
}

/** `new Intl.DateTimeFormat(locale, options)`, made once for each locale and options. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('date', locale, options, (l) => new Intl.DateTimeFormat(l, options));
}

/** `new Intl.NumberFormat(locale, options)`, made once for each locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', locale, options, (l) => new Intl.NumberFormat(l, options));
}
