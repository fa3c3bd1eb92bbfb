import { html, nothing, type TemplateResult } from 'lit';
import type { CommunityController } from './community-controller.js';
import type { ConfigProblem } from './config.js';
import { coreMsg } from './i18n/core-strings.js';
import type { StringOverrides } from './i18n/i18n.js';

/** A problem as messages name it: `locale must be a language tag such as "en" or "da-DK"`. */
export function problemText(problem: ConfigProblem): string {
  return `${problem.attribute} ${problem.message}`;
}

/** Each problem in the `config.error` sentence, in the element's locale and with its string overrides. */
export function problemSentences(
  problems: readonly ConfigProblem[],
  locale: string,
  overrides?: StringOverrides,
): string[] {
  return problems.map((p) => coreMsg(locale, 'config.error', { problem: problemText(p) }, overrides));
}

/**
 * The `error` part: an alert with a paragraph per line, or nothing when there are none.
 * `announce: false` shows the lines without announcing them (a problem another element, such as
 * the `<lc-community>` whose criteria failed to load, announces once for the whole page).
 */
export function errorAlert(lines: readonly string[], announce = true): TemplateResult | typeof nothing {
  if (!lines.length) return nothing;
  const role = announce ? 'alert' : nothing;
  return html`<div part="error" role=${role}>${lines.map((line) => html`<p>${line}</p>`)}</div>`;
}

/**
 * An element's `error` part: its own problems (`lines`, extended here) and, with `withCriteria`,
 * the criteria error of its community (or of its own built-in content). Announced, unless all it
 * adds to the page is the error the `<lc-community>` announces itself: one alert for the page,
 * not one per card.
 */
export function elementErrorAlert(
  lines: string[],
  community: CommunityController,
  overrides?: StringOverrides,
  withCriteria = true,
): TemplateResult | typeof nothing {
  const own = lines.length;
  const error = withCriteria ? community.criteriaError : undefined;
  if (error) lines.push(coreMsg(community.locale, 'criteria.error', { problem: error }, overrides));
  return errorAlert(lines, own > 0 || !error || community.community?.criteriaError !== error);
}

/** The `error` part for configuration problems: one in the `config.error` sentence, more listed under it. */
export function configProblemsAlert(
  problems: readonly ConfigProblem[],
  locale: string,
  overrides?: StringOverrides,
): TemplateResult | typeof nothing {
  if (!problems.length) return nothing;
  return html`<div part="error" role="alert">
    ${
      problems.length === 1
        ? coreMsg(locale, 'config.error', { problem: problemText(problems[0]!) }, overrides)
        : html`${coreMsg(locale, 'config.error', { problem: '' }, overrides)}
            <ul>
              ${problems.map((p) => html`<li>${problemText(p)}</li>`)}
            </ul>`
    }
  </div>`;
}
