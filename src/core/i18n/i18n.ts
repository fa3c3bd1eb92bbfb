import { isServer } from 'lit';
import { validTag } from '../checks.js';
import { kept, numberFormat } from '../intl.js';
import { importAgain } from '../import-again.js';
import { isElement, parentAcrossShadow } from '../nodes.js';

/** The locales with built-in UI strings. Content (criteria) is built in for en, da and de. */
// One rule for a language tag everywhere (attributes, `lang`, envelopes): see checks.ts.
export { validTag };

export const SUPPORTED_LOCALES = ['en', 'da', 'de', 'ar'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ku']);

/** A plural-aware string: one form per CLDR plural category, `other` required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralForms;
export type StringTable = Record<string, Message>;
/** The built-in locales other than English, whose strings load on demand. */
export type TranslatedLocale = Exclude<SupportedLocale, 'en'>;
/** A translation of a component's strings: every key of the English source. */
export type Translations<K extends string> = Record<K, Message>;
type Loader<T extends StringTable> = () => Promise<{ default: Translations<keyof T & string> }>;

/**
 * A component's strings: English is the source and always at hand; Danish, German and Arabic
 * each load from a file beside it the first time an element needs them, so a page pays only for
 * the languages it shows.
 */
export interface LocaleTable<T extends StringTable> {
  readonly en: T;
  /** The translations at hand, by locale. */
  readonly loaded: Partial<Record<TranslatedLocale, Translations<keyof T & string>>>;
  /**
   * Loads a locale's translation. Returns undefined when there is nothing to wait for (English,
   * already loaded, or failed before: then English is shown). Never rejects.
   */
  load(lang: SupportedLocale): Promise<void> | undefined;
  /**
   * Forgets that a translation failed to load (`lang`'s, or every one's), so that the next `load`
   * tries again: its next try is due, or the browser is back online.
   */
  retry(lang?: TranslatedLocale): void;
  /** The keys whose text names a control (a button, a field, a group): an empty override of one is not taken. */
  readonly controls?: RegExp | undefined;
}

export function localeTable<T extends StringTable>(
  en: T,
  loaders: Record<TranslatedLocale, Loader<T>>,
  controls?: RegExp,
): LocaleTable<T> {
  const loaded: LocaleTable<T>['loaded'] = {};
  const pending = new Map<TranslatedLocale, Promise<void>>();
  const failed = new Set<TranslatedLocale>();
  return {
    en,
    loaded,
    controls,
    load(lang) {
      if (lang === 'en' || loaded[lang] || failed.has(lang)) return undefined;
      let promise = pending.get(lang);
      if (!promise) {
        promise = importAgain(loaders[lang]).then(
          (m) => {
            loaded[lang] = m.default;
          },
          (error: unknown) => {
            failed.add(lang);
            console.error(
              `[lc-elements] the ${lang} strings could not be loaded, English is shown instead (${(error as Error)?.message ?? error})`,
            );
          },
        );
        pending.set(lang, promise);
      }
      return promise;
    },
    retry(only) {
      for (const lang of failed) {
        if (only && lang !== only) continue;
        pending.delete(lang);
        failed.delete(lang);
      }
    },
  };
}

/** True when every table has its strings for `lang` at hand. */
export function stringsAtHand(tables: ReadonlyArray<LocaleTable<StringTable>>, lang: SupportedLocale): boolean {
  return lang === 'en' || tables.every((t) => t.loaded[lang] !== undefined);
}

/** Loads a locale's strings for several tables; undefined when all are at hand. */
export function loadStrings(
  tables: ReadonlyArray<LocaleTable<StringTable>>,
  lang: SupportedLocale,
): Promise<unknown> | undefined {
  if (lang === 'en') return undefined;
  const waits = tables.map((t) => t.load(lang)).filter((p) => p !== undefined);
  return waits.length ? Promise.all(waits) : undefined;
}

/**
 * How long an update waits for its language's strings or the criteria text before it renders
 * without them (English text, marked so; the criteria "loading"): a file that stalls on a poor
 * connection never leaves an element blank. It renders again when the file arrives.
 */
export const LOAD_WAIT_MS = 3000;

/** `promise`, or nothing after `ms`, whichever comes first. */
export function settledWithin(promise: Promise<unknown>, ms = LOAD_WAIT_MS): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Per-instance overrides of any UI string, by key. */
export type StringOverrides = Record<string, Message>;

/** A tag's primary language, lower case: `da-DK` → `da`. */
export const primaryLanguage = (tag: string): string => {
  // Called in every update of every element: no array made for it.
  const dash = tag.indexOf('-');
  return (dash < 0 ? tag : tag.slice(0, dash)).toLowerCase();
};

export function isRtl(locale: string): boolean {
  return RTL_LANGUAGES.has(primaryLanguage(locale));
}

/**
 * The language a UI asked for in `tag` is shown in, for `lang` and `dir`: the tag itself when its
 * language has built-in strings (`da-DK`), else the built-in one that serves it (`fr` → `en`).
 */
export function shownLanguage(tag: string): { lang: SupportedLocale; langTag: string; dir: 'ltr' | 'rtl' } {
  const lang = toSupportedLocale(tag);
  const langTag = primaryLanguage(tag) === lang ? tag : lang;
  return { lang, langTag, dir: isRtl(langTag) ? 'rtl' : 'ltr' };
}

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko…) and the bidi marks, embeddings, overrides and isolates. */
export const BIDI_SENSITIVE = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

/**
 * Text inserted into a sentence (a name, a round) wrapped in Unicode isolates (FSI … PDI) in a
 * right-to-left UI, and in any UI when it holds right-to-left letters or bidi controls: it keeps
 * its own direction and is not reordered with the sentence around it (a Latin "… e.V." in Arabic
 * keeps its full stop at its end). Works where no element can isolate it: an <option>, an SVG
 * title, an accessible name.
 */
export function isolate(text: string, rtlUi: boolean): string {
  return rtlUi || BIDI_SENSITIVE.test(text) ? `\u2068${text}\u2069` : text;
}

/** Maps any BCP 47 tag to the closest built-in locale: `da-DK` → `da`, `fr` → `en`. */
export function toSupportedLocale(tag: string | null | undefined): SupportedLocale {
  const lang = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(lang ?? '') ? (lang as SupportedLocale) : 'en';
}

/**
 * The nearest `lang` attribute, walking out through shadow roots (in any document: an element
 * moved into a same-origin iframe reads the `lang` there, see nodes.ts).
 */
export function closestLang(node: Node): string | undefined {
  let current: Node | null = node;
  while (current) {
    if (isElement(current) && current.hasAttribute('lang')) {
      const lang = current.getAttribute('lang')!.trim();
      if (lang) return lang;
    }
    current = parentAcrossShadow(current);
  }
  return undefined;
}

/**
 * Resolves an element's locale: its own `locale`, then its `<lc-community locale>`, then the
 * nearest `lang` attribute, then its document's, then `en`. No global state: two embeds in two
 * languages coexist on one page.
 */
export function resolveLocaleTag(el: Element, own?: string, community?: string): string {
  // An invalid tag (a typo, or markup pasted into an attribute) is skipped, never passed to Intl, which would throw.
  const tag = validTag(own) ?? validTag(community);
  // The server (Lit SSR) has no page to find a `lang` in: its settings alone tell the language there.
  if (isServer) return tag ?? 'en';
  // The element's own document: it may have been moved into a same-origin iframe.
  return tag ?? validTag(closestLang(el)) ?? validTag(el.ownerDocument.documentElement?.lang) ?? 'en';
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  return kept(pluralRules, locale, () => new Intl.PluralRules(validTag(locale) ?? 'en')).select(count);
}

/**
 * Fills `{name}` placeholders. A plural message picks its form from the `count` variable, which is
 * the number whose noun the message writes ("{count} groups", "a limit of {count} characters").
 * A second number with a noun of its own ("fewer than 11 answers") comes as a phrase, formatted
 * from a plural message of its own with that number as its count: each noun takes the form its own
 * number needs (Arabic has six). Values are inserted as text by the caller's template, never as HTML.
 */
export function formatMessage(locale: string, message: Message, vars: Record<string, string | number> = {}): string {
  const template =
    typeof message === 'string'
      ? message
      : (message[pluralCategory(locale, Number(vars['count'] ?? 0))] ?? message.other);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    // One formatter per locale, made once: made for each number (what `toLocaleString` does),
    // it took most of a large `<lc-results>`' time (40 criteria by 50 perspectives).
    return typeof value === 'number' ? numberFormat(validTag(locale) ?? 'en').format(value) : value;
  });
}

/** Builds a lookup over a component's locale table with per-instance overrides. */
export function translator<T extends StringTable>(table: LocaleTable<T>) {
  return (
    locale: string,
    key: keyof T & string,
    vars?: Record<string, string | number>,
    overrides?: StringOverrides,
  ) => {
    const lang = toSupportedLocale(locale);
    // Not loaded yet (an element that did not wait for it): English now, and the translation
    // starts loading for the next render.
    const translated = lang === 'en' ? undefined : (table.loaded[lang] ?? void table.load(lang));
    const own = overrides?.[key];
    // An override that cannot be used (see overrideProblem) is left out: the element reports it.
    const usable = own !== undefined && !overrideProblem(own, !!table.controls?.test(key), table.en[key]);
    const fromTable = usable ? undefined : translated?.[key];
    const message = usable ? (own as Message) : (fromTable ?? table.en[key]);
    // The English text (no translation for the language, or not loaded yet) takes English plural
    // forms and numbers: "0 entries", "4,000", not French's "0 entry", "4 000".
    const english = !usable && fromTable === undefined && validTag(locale)?.split('-')[0] !== 'en';
    return formatMessage(english ? 'en' : locale, message, vars);
  };
}

/**
 * Every text of the given tables in English, by key: what an element's `strings` takes. A host
 * translating an element into a language the library does not ship gives them all.
 */
export function englishTexts(tables: ReadonlyArray<LocaleTable<StringTable>>): Record<string, Message> {
  return Object.assign({}, ...tables.map((t) => t.en)) as Record<string, Message>;
}

/** The `{name}` placeholders of a message, in every plural form. */
function placeholders(message: Message): Set<string> {
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  return new Set(forms.flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
}

/** True for a string, or plural forms (strings) with `other`. */
function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'string' ||
    (typeof (value as PluralForms | null)?.other === 'string' &&
      Object.values(value as PluralForms).every((form) => typeof form === 'string'))
  );
}

/** What is wrong with one override: not a message, or empty where it names a control; undefined when it is fine. */
export function overrideProblem(value: unknown, control: boolean, english?: Message): string | undefined {
  if (!isMessage(value)) return 'must be text, or plural forms with "other"';
  const text = typeof value === 'string' ? value : value.other;
  if (control && !text.trim()) return 'is empty, but it names a control';
  // A placeholder the text is never given ("{answerd}") would show as it is written.
  if (english === undefined) return undefined;
  const given = placeholders(english);
  // A plural message is given its count, to pick its form, whether its English shows it or not.
  if (typeof english !== 'string') given.add('count');
  const unknown = [...placeholders(value)].filter((name) => !given.has(name));
  if (!unknown.length) return undefined;
  const list = (names: Iterable<string>) => [...names].map((n) => `{${n}}`).join(', ');
  return `uses ${list(unknown)}, which it is not given (${given.size ? `it is given ${list(given)}` : 'it is given none'})`;
}

/**
 * What is wrong with the override of `key` given to an element whose texts are `tables`: checked
 * as overrideProblem does, against the key's English text (its placeholders) and whether it names
 * a control.
 */
export function overrideProblemIn(
  tables: ReadonlyArray<LocaleTable<StringTable>>,
  key: string,
  value: unknown,
): string | undefined {
  const english = tables.find((t) => Object.hasOwn(t.en, key))?.en[key];
  return overrideProblem(value, namesControl(tables, key), english);
}

/** True when `key`'s text names a control in one of the tables. */
export function namesControl(tables: ReadonlyArray<LocaleTable<StringTable>>, key: string): boolean {
  return tables.some((t) => t.controls?.test(key));
}

/**
 * True when `given` (a host's `strings`) gives every text of the tables, each usable: a translation
 * into a language the library does not ship, which an element is then shown in (`lang`, `dir`).
 * Some texts only would mix two languages: such an element stays English.
 */
export function givesEveryText(tables: ReadonlyArray<LocaleTable<StringTable>>, given: unknown): boolean {
  if (typeof given !== 'object' || given === null) return false;
  const own = given as Record<string, unknown>;
  return tables.every((table) =>
    Object.entries(table.en).every(
      ([key, english]) => Object.hasOwn(own, key) && !overrideProblem(own[key], !!table.controls?.test(key), english),
    ),
  );
}
