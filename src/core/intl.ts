/**
 * Intl formatters, one per locale and options, made once. A journal listing 500 entries formats
 * 500 dates on every render (a key press in its form is one): making a formatter costs far more
 * than using one, and made for each date it froze the page for a fifth of a second per key.
 */
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(
  kind: string,
  locale: string,
  options: object,
  make: (locale: string) => T,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key) as T | undefined;
  if (!format) {
    try {
      format = make(locale);
    } catch {
      // A tag the browser's Intl refuses (the elements' own checks are looser): English, as the text.
      format = make('en');
    }
    formats.set(key, format);
  }
  return format;
}

/** `new Intl.DateTimeFormat(locale, options)`, made once for each locale and options. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('date', locale, options, (l) => new Intl.DateTimeFormat(l, options));
}

/** `new Intl.NumberFormat(locale, options)`, made once for each locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', locale, options, (l) => new Intl.NumberFormat(l, options));
}
