import { html, nothing, type TemplateResult } from 'lit';
import type { CommunityController } from './community-controller.js';
import type { ConfigProblem } from './config.js';
import { coreMsg } from './i18n/core-strings.js';
import { isRtl, primaryLanguage, type StringOverrides } from './i18n/i18n.js';
import { liveRegion } from './live-region.js';
import { quoting } from './reason.js';

/** A problem as messages name it: `locale must be a language tag such as "en" or "da-DK"`. */
export function problemText(problem: ConfigProblem): string {
  return `${problem.attribute} ${problem.message}`;
}

/** A line of the `error` part: text, or text with a part marked as another language. */
export type AlertLine = string | TemplateResult;

/**
 * The `lang` a problem gets inside a sentence of the element's: problems are said in English, for
 * the host's developer (they name attributes and URLs), so in a UI in another language they are
 * marked `lang="en"` and a screen reader reads them as English. Undefined in an English UI.
 */
function problemLang(locale: string): 'en' | undefined {
  // Its primary language, not the built-in one that serves it: a French UI the host translated
  // whole is not English.
  return primaryLanguage(locale) === 'en' ? undefined : 'en';
}

/** A problem in a sentence of the element's (`config.error`, `criteria.error`), marked as English (see problemLang). */
export function problemSentence(
  key: 'config.error' | 'criteria.error',
  problem: string,
  locale: string,
  overrides?: StringOverrides,
): AlertLine {
  const format = (text: string) => coreMsg(locale, key, { problem: text }, overrides);
  return quoting(format, problem, problemLang(locale), isRtl(locale) ? 'rtl' : 'ltr');
}

/**
 * The criteria error of an element as it shows it: a host's set's problem in the `criteria.error`
 * sentence, for the host's developer as a configuration problem is (it names the set's URL); the
 * built-in text's failure to load, a passing cause of no use to the person reading, as a sentence
 * of its own (`criteria.unavailable`), the console naming the file. Nothing when there is no error.
 */
export function criteriaErrorLine(community: CommunityController, overrides?: StringOverrides): AlertLine | undefined {
  const error = community.criteriaError;
  if (!error) return undefined;
  if (community.community?.criteriaError === error) {
    return problemSentence('criteria.error', error, community.locale, overrides);
  }
  return coreMsg(community.locale, 'criteria.unavailable', undefined, overrides);
}

/** Each problem in the `config.error` sentence, in the element's locale and with its string overrides. */
export function problemSentences(
  problems: readonly ConfigProblem[],
  locale: string,
  overrides?: StringOverrides,
): AlertLine[] {
  return problems.map((p) => problemSentence('config.error', problemText(p), locale, overrides));
}

/** What an alert says, in no language (see liveRegion): a problem's text as `problemText` gives it, a key and its values. */
export type AlertMeaning = readonly unknown[];

/**
 * What `problems` say, in no language: their attributes and (English) messages, which late strings
 * do not change. An alert whose meaning stays is not said again when its text changes language.
 */
export function problemsMeaning(problems: readonly ConfigProblem[]): string[] {
  return problems.map(problemText);
}

/**
 * The `error` part: an alert with a paragraph per line, or nothing when there are none.
 * `region` gives the language of the lines and what they say in no language (the lines come
 * translated): the alert is not said again when only their language changes (late strings).
 * `announce: false` shows the lines without announcing them (a problem another element, such as
 * the `<lc-community>` whose criteria failed to load, announces once for the whole page).
 */
export function errorAlert(
  lines: readonly AlertLine[],
  region: { lang: string; meaning: AlertMeaning },
  announce = true,
): TemplateResult | typeof nothing {
  if (!lines.length) return nothing;
  const role = announce ? 'alert' : nothing;
  // A string: liveRegion compares meanings by identity, and the array is made anew at each render.
  const meaning = JSON.stringify(region.meaning);
  // No white space around the paragraphs: text nodes to clone, per card (see the rating's render).
  // prettier-ignore
  return html`<div part="error" role=${role} ${liveRegion({ lang: region.lang, meaning })}>${lines.map((line) => html`<p>${line}</p>`)}</div>`;
}

/**
 * An element's `error` part: its own problems (`lines`, extended here, and what they say in no
 * language, `meaning`: see errorAlert) and, with `withCriteria`, the criteria error of its community
 * (or of its own built-in content). Announced, unless all it adds to the page is a criteria error
 * said once for the whole page: by the `<lc-community>` whose set failed, or by the first element
 * showing the failure of the built-in text (see CommunityController.alertsCriteriaError). One alert
 * for the page, not one per card.
 */
export function elementErrorAlert(
  lines: AlertLine[],
  meaning: AlertMeaning,
  community: CommunityController,
  overrides?: StringOverrides,
  withCriteria = true,
): TemplateResult | typeof nothing {
  const own = lines.length;
  const error = withCriteria ? community.criteriaError : undefined;
  const region = { lang: community.langTag, meaning: [...meaning, error ?? null] };
  if (!error) return errorAlert(lines, region);
  lines.push(criteriaErrorLine(community, overrides)!);
  // Asked even when its own problems make it an alert: saying the failure, it is the one that does.
  const says = community.alertsCriteriaError();
  return errorAlert(lines, region, own > 0 || says);
}

/**
 * The `error` part for configuration problems: one in the `config.error` sentence, more listed under
 * it. Its language is `marked.lang`, or `locale`: the alert is not said again when only that changes
 * (late strings), and is when the problems do.
 */
export function configProblemsAlert(
  problems: readonly ConfigProblem[],
  locale: string,
  overrides?: StringOverrides,
  marked?: { lang: string; dir: 'ltr' | 'rtl' },
): TemplateResult | typeof nothing {
  if (!problems.length) return nothing;
  const region = { lang: marked?.lang ?? locale, meaning: JSON.stringify(problemsMeaning(problems)) };
  return html`<div
    part="error"
    role="alert"
    lang=${marked?.lang ?? nothing}
    dir=${marked?.dir ?? nothing}
    ${liveRegion(region)}
  >
    ${
      problems.length === 1
        ? problemSentence('config.error', problemText(problems[0]!), locale, overrides)
        : html`${coreMsg(locale, 'config.error', { problem: '' }, overrides)}
            <ul lang=${problemLang(locale) ?? nothing} dir=${isRtl(locale) ? 'ltr' : nothing}>
              ${problems.map((p) => html`<li>${problemText(p)}</li>`)}
            </ul>`
    }
  </div>`;
}
