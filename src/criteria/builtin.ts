// The built-in Common Criteria and lookups, without zod: every element loads this. Parsing a host's
// own set (zod) is in `index.ts`, loaded only where a set comes from outside.
import { commonCriteriaEn } from './common-criteria.en.js';
import type { CriteriaSet, Criterion } from './schema.js';

export { commonCriteriaEn };

/** The five levels of the learning scale, 0 (not addressed) to 4 (systematic, permanent). */
export const LEVELS = [0, 1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

/** The id of the built-in set. */
export const BUILTIN_SET_ID = 'common-criteria';
/** Locales with built-in criteria content; others fall back to English content. */
export const CONTENT_LOCALES = ['en', 'da', 'de'] as const;

const builtIn = new Map<string, Promise<CriteriaSet>>([['en', Promise.resolve(commonCriteriaEn)]]);
const loaded = new Map<string, CriteriaSet>([['en', commonCriteriaEn]]);

/** The built-in set in a locale if it is already at hand (English always is), without waiting. */
export function builtInCriteriaSync(locale: string): CriteriaSet | undefined {
  return loaded.get(contentLocale(locale));
}

/** The language whose built-in content serves `locale`. */
export function contentLocale(locale: string): (typeof CONTENT_LOCALES)[number] {
  const lang = locale.toLowerCase().split('-')[0];
  return lang === 'da' || lang === 'de' ? lang : 'en';
}

/**
 * The built-in Common Criteria in a locale. English is in the bundle; Danish and German load on
 * demand from files beside it, so a page pays only for the language it shows.
 */
export function builtInCriteria(locale: string): Promise<CriteriaSet> {
  const lang = contentLocale(locale);
  let set = builtIn.get(lang);
  if (!set) {
    set =
      lang === 'da'
        ? import('./common-criteria.da.js').then((m) => m.commonCriteriaDa)
        : import('./common-criteria.de.js').then((m) => m.commonCriteriaDe);
    set.then(
      (value) => loaded.set(lang, value),
      () => builtIn.delete(lang),
    );
    builtIn.set(lang, set);
  }
  return set;
}

export function findCriterion(set: CriteriaSet | undefined, id: string | undefined): Criterion | undefined {
  return id ? set?.criteria.find((c) => c.id === id) : undefined;
}
