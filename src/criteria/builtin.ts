// The built-in Common Criteria and lookups, without zod: every element loads this. Parsing a host's
// own set (zod) is in `index.ts`, loaded only where a set comes from outside. Of the content,
// only the English headlines (id, title, question) are here: the full content, English too, loads
// on demand (builtInCriteria) for an element that shows more (`content: 'full'` in its
// `CommunityController`).
import type { CriteriaSet, Criterion } from './schema.js';
import { commonCriteriaEnHeadlines } from './common-criteria.en.headlines.js';
import { primaryLanguage } from '../core/i18n/i18n.js';
import { importAgain } from '../core/import-again.js';

export { commonCriteriaEnHeadlines };

/** What a criterion shows at a glance: enough to label a rating. */
export type CriterionHeadline = Pick<Criterion, 'id' | 'title' | 'question'>;
/** A criteria set with headlines only; every full {@link CriteriaSet} is one too. */
export interface CriteriaHeadlines extends Omit<CriteriaSet, 'criteria'> {
  criteria: CriterionHeadline[];
}

/** The five levels of the learning scale, 0 (not addressed) to 4 (systematic, permanent). */
export const LEVELS = [0, 1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

/** The id of the built-in set. */
export const BUILTIN_SET_ID = 'common-criteria';
/** Locales with built-in criteria content; others fall back to English content. */
export const CONTENT_LOCALES = ['en', 'da', 'de'] as const;

/** Each language's content, one loader per file (see importAgain). */
const CONTENT: Record<(typeof CONTENT_LOCALES)[number], () => Promise<{ default: CriteriaSet }>> = {
  en: () => import('./common-criteria.en.js'),
  da: () => import('./common-criteria.da.js'),
  de: () => import('./common-criteria.de.js'),
};

const builtIn = new Map<string, Promise<CriteriaSet>>();
const loaded = new Map<string, CriteriaSet>();

/** The full built-in set in a locale if it is already at hand, without waiting. */
export function builtInCriteriaSync(locale: string): CriteriaSet | undefined {
  return loaded.get(contentLocale(locale));
}

/** The language whose built-in content serves `locale`. */
export function contentLocale(locale: string): (typeof CONTENT_LOCALES)[number] {
  const lang = primaryLanguage(locale);
  return lang === 'da' || lang === 'de' ? lang : 'en';
}

/**
 * The built-in Common Criteria in a locale, in full. Each language loads on demand from a file
 * beside this one (at once when an element already has it), so a page pays only for what it shows.
 */
export function builtInCriteria(locale: string): Promise<CriteriaSet> {
  const lang = contentLocale(locale);
  let set = builtIn.get(lang);
  if (!set) {
    set = importAgain(CONTENT[lang]).then((m) => m.default);
    set.then(
      (value) => loaded.set(lang, value),
      () => builtIn.delete(lang),
    );
    builtIn.set(lang, set);
  }
  return set;
}

export function findCriterion<C extends CriterionHeadline>(
  set: { criteria: C[] } | undefined,
  id: string | undefined,
): C | undefined {
  return id ? set?.criteria.find((c) => c.id === id) : undefined;
}
