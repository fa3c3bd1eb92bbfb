import { coreStrings } from '../../core/i18n/core-strings.js';
import { englishTexts, type LocaleTable, type Message, type StringTable } from '../../core/i18n/i18n.js';
import { html, isServer, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CommunityController, type ContentText } from '../../core/community-controller.js';
import {
  checkAttribute,
  ConfigProblems,
  localeTagCheck,
  unknownCriterionProblem,
  reflectChosen,
} from '../../core/config.js';
import { elementErrorAlert, problemSentences, problemsMeaning } from '../../core/problems.js';
import { VERSION } from '../../core/define.js';
import { coreMsg } from '../../core/i18n/core-strings.js';
import type { StringOverrides } from '../../core/i18n/i18n.js';
import { LEVELS, type Level } from '../../criteria/builtin.js';
import type { CriteriaSet, Criterion } from '../../criteria/schema.js';
import { idAttributeCheck, oneOf, wholeNumber } from '../../core/checks.js';
import { errorBox, hostDefaults } from '../../core/shared-styles.js';
import { firstPaintRoot } from '../../core/ssr.js';
import { isElement } from '../../core/nodes.js';
import { numberFormat } from '../../core/intl.js';
import { styles } from './lc-criterion-card.styles.js';
import { msg, strings, type CriterionCardStringKey } from './strings.js';

/** `expanded` shows everything; `compact` shows the title and question, the rest behind a disclosure. */
export type CriterionCardVariant = 'expanded' | 'compact';

const DEFAULT_HEADING_LEVEL = 3;

/** A real heading element at a level chosen at runtime (2–6). */
function heading(
  level: number,
  part: 'title' | 'section-heading',
  content: string,
  text?: ContentText,
): TemplateResult {
  const lang = ifDefined(text?.lang);
  const dir = ifDefined(text?.dir);
  // The title names the disclosure's button too (aria-labelledby).
  const id = part === 'title' ? 'title' : nothing;
  switch (level) {
    case 2:
      return html`<h2 part=${part} id=${id} lang=${lang} dir=${dir}>${content}</h2>`;
    case 4:
      return html`<h4 part=${part} id=${id} lang=${lang} dir=${dir}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part} id=${id} lang=${lang} dir=${dir}>${content}</h5>`;
    case 6:
      return html`<h6 part=${part} id=${id} lang=${lang} dir=${dir}>${content}</h6>`;
    default:
      return html`<h3 part=${part} id=${id} lang=${lang} dir=${dir}>${content}</h3>`;
  }
}

const headingLevelCheck = wholeNumber(2, 6);
const variantCheck = oneOf(['expanded', 'compact'], 'must be "expanded" or "compact"');
/** The text properties, with their defaults (see ConfigProblems.takeProperties). */
const TEXT = { criterion: undefined, variant: 'expanded', locale: undefined };

/** What the card tells a nested rating. */
type NestedRating = HTMLElement & { groupLabel?: string | undefined };
/** What each nested rating was last told, and by which card: told the same again, it need not render again. */
const told = new WeakMap<Element, { card: Element; key: string }>();

/**
 * Shows one criterion of the active criteria set in the element's locale: its title, question,
 * why it matters, reflective prompts and what each level of the learning scale looks like.
 * A `<lc-self-rating>` inside the card takes the card's criterion when it has none of its own.
 *
 * @summary One criterion of a learning community, with room for a rating and a journal.
 *
 * @slot - A rating (or anything else), shown after the criterion; same place as `rating`.
 * @slot rating - A `<lc-self-rating>`, shown after the criterion.
 * @slot journal - A `<lc-reflection-journal>` (or notes), shown last.
 *
 * @csspart base - The card's box.
 * @csspart title - The criterion's title (a heading at `heading-level`).
 * @csspart question - The criterion's question.
 * @csspart details - The disclosure of the compact variant: its button and the rest of the criterion.
 * @csspart summary - The disclosure's button ("More about this criterion"), with `aria-expanded`.
 * @csspart section-heading - The headings of "why", "prompts" and "levels".
 * @csspart why - Why it matters.
 * @csspart prompts - The reflective prompts.
 * @csspart levels - The level examples.
 * @csspart level - One level: its scale label and this criterion's example.
 * @csspart level-label - A level's label from the learning scale.
 * @csspart level-example - What the level looks like for this criterion.
 * @csspart rating - The wrapper of the rating slots.
 * @csspart journal - The wrapper of the journal slot.
 * @csspart error - Configuration problems, an unknown criterion, or criteria that failed to load.
 * @csspart loading - Shown while the criteria load.
 *
 * @cssprop --lc-card-background - Card background (falls back to `--lc-surface`).
 * @cssprop --lc-card-border - Card border colour (falls back to `--lc-border-color`).
 * @cssprop --lc-card-radius - Corner radius (falls back to `--lc-radius`).
 * @cssprop --lc-card-padding - Inner padding.
 * @cssprop --lc-card-gap - Space between the parts (falls back to `--lc-space`).
 * @cssprop --lc-card-accent - The disclosure's colour (falls back to `--lc-accent`).
 * @cssprop --lc-card-focus - Focus ring colour (falls back to `--lc-focus-color`).
 * @cssprop --lc-card-title-size - Title font size.
 * @cssprop --lc-card-question-size - The question's font size (default 1.0625em).
 * @cssprop --lc-card-divider - The line between level examples.
 * @cssprop --lc-card-text - Text colour (falls back to `--lc-text-color`).
 * @cssprop --lc-card-estimated-height - Height assumed for a card not yet on screen (default 24em): cards
 *   use `content-visibility: auto`, so a page of hundreds lays out only those in view.
 *
 * The compact variant renders the rest of the criterion when it is opened, so a long page of compact
 * cards stays light. Printed, it shows what it shows on screen, without its button.
 */
export class LcCriterionCard extends LitElement {
  static version = VERSION;
  /**
   * Every UI text of the element in English, by key: the keys its \`strings\` takes. Give them all,
   * translated, to show it in a language the library does not ship (docs/developers.md, "Strings").
   */
  static get englishTexts(): Record<string, Message> {
    return englishTexts([coreStrings, strings] as LocaleTable<StringTable>[]);
  }
  /** Its UI texts' tables, for an element that hands it overrides (`<lc-assessment>` checks their keys). @internal */
  static readonly texts = strings;
  static override styles = [hostDefaults, errorBox, styles];

  /** The criterion's id in the active criteria set, e.g. `trust`. */
  @property({ reflect: true }) criterion?: string;
  /**
   * `expanded` (default) or `compact` (title and question, the rest behind a disclosure); reflected
   * when set by property.
   */
  @property() variant: CriterionCardVariant = 'expanded';
  /** The title's heading level, 2–6 (default 3), so the card fits the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: number = DEFAULT_HEADING_LEVEL;
  /** In the compact variant: whether the disclosure is open. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Language (a BCP 47 tag); defaults to the community's, then the nearest `lang`. */
  @property() locale?: string;
  /** Per-instance overrides of UI strings, by key (this element's and the shared scale keys). */
  @property({ attribute: false }) strings?: StringOverrides;

  @state() private hasRating = false;
  @state() private hasJournal = false;

  private readonly community = new CommunityController<CriteriaSet>(
    this,
    () => ({ locale: this.problems.has('locale') ? undefined : this.locale }),
    { content: 'full', strings: [strings] },
  );
  private readonly problems = new ConfigProblems(this);
  /** The unknown criterion, logged once (shown by render, not a problem of an attribute's value). */
  private readonly unknown = new ConfigProblems(this);
  private passedLabel: string | undefined;
  private passedFor: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.problems.takeProperties(changed, TEXT, [strings], ['open']);
    reflectChosen(this, changed, { variant: 'expanded' });
    if (isServer) {
      // The server cannot see the children: both slots show, so that what the page put in them
      // shows before the script runs.
      this.hasRating = this.hasJournal = true;
    } else if (!this.hasUpdated) {
      // The first render already shows what the slots hold (slotchange confirms it later), so a
      // card does not render twice, nor its rating (1200 of them on a page).
      this.hasRating = this.childrenFor('rating') || this.childrenFor('');
      this.hasJournal = this.childrenFor('journal');
    }
    if (changed.has('headingLevel')) {
      this.problems.set('heading-level', checkAttribute('heading-level', headingLevelCheck, this.headingLevel));
    }
    if (changed.has('variant')) this.problems.set('variant', checkAttribute('variant', variantCheck, this.variant));
    if (changed.has('locale')) this.problems.set('locale', checkAttribute('locale', localeTagCheck, this.locale));
    if (changed.has('criterion') || !this.hasUpdated) {
      // A card shows the criterion it names: without one it would show nothing, and say nothing.
      const missing = this.criterion === undefined || this.criterion === null;
      this.problems.set(
        'criterion',
        missing ? MISSING_CRITERION : checkAttribute('criterion', idAttributeCheck, this.criterion),
      );
    }
  }

  protected override updated(): void {
    this.logUnknown();
    this.passDown();
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // In Danish, German or Arabic the first render waits for those strings (a small file each).
    return this.community.whenStringsReady(() => super.scheduleUpdate());
  }

  protected override createRenderRoot() {
    const root = firstPaintRoot(this, () => super.createRenderRoot());
    // A rating or journal inside that is drawn already (its file came before the card's) stays on
    // show: held unseen now, it would vanish under the eyes (and the focus) of the person using it.
    if ([...this.children].some((child) => (child as Partial<LitElement>).hasUpdated)) {
      root.querySelector('slot.first-paint')?.classList.remove('first-paint');
    }
    return root;
  }

  override render() {
    const c = this.community;
    // No white space between the tags: each would be one more text node to clone, per card (the
    // grid ignores it anyway). prettier-ignore keeps them so.
    // prettier-ignore
    return html`<div part="base" dir=${c.dir} lang=${c.langTag}
      >${this.renderProblems()}${this.renderCriterion()}<div part="rating" class="slot-wrap" ?hidden=${!this.hasRating}
        ><slot name="rating" @slotchange=${this.onSlotChange}></slot><slot @slotchange=${this.onSlotChange}></slot></div
      ><div part="journal" class="slot-wrap" ?hidden=${!this.hasJournal}
        ><slot name="journal" @slotchange=${this.onSlotChange}></slot></div
    ></div>`;
  }

  private renderProblems() {
    const locale = this.community.locale;
    const lines = problemSentences(this.problems.list, locale, this.strings);
    // What the lines say, in no language: the alert is not said again when only that changes.
    const meaning: unknown[] = problemsMeaning(this.problems.list);
    const unknown = this.unknownCriterion();
    if (unknown) {
      lines.push(coreMsg(locale, 'criterion.unknown', { id: unknown, set: this.setId() }, this.strings));
      meaning.push(['criterion.unknown', unknown, this.setId()]);
    }
    return elementErrorAlert(lines, meaning, this.community, this.strings);
  }

  private renderCriterion() {
    if (this.community.criteriaLoading) {
      return html`<p part="loading">${coreMsg(this.community.locale, 'criteria.loading', undefined, this.strings)}</p>`;
    }
    const criterion = this.community.criterion(this.criterion?.trim());
    if (!criterion) return nothing;
    const text = this.community.contentText();
    // prettier-ignore
    const header = html`${heading(this.level(), 'title', criterion.title, text)}<p
      part="question" lang=${ifDefined(text.lang)} dir=${ifDefined(text.dir)}>${criterion.question}</p>`;
    if (this.variant === 'compact') {
      // A disclosure button rather than <details>, whose own shadow tree, built for every card,
      // was a fifth of the time to render a page of compact cards.
      // prettier-ignore
      return html`${header}<div part="details"
        ><button part="summary" id="summary" type="button" aria-labelledby="summary title"
          aria-expanded=${this.open ? 'true' : 'false'} aria-controls="more"
          @click=${this.onToggle}>${this.t('more')}</button
        ><div class="body" id="more" ?hidden=${!this.open}>${this.open ? this.renderBody(criterion, text) : nothing}</div
      ></div>`;
    }
    return html`${header}
      <div class="body">${this.renderBody(criterion, text)}</div>`;
  }

  private renderBody(criterion: Criterion, text: ContentText) {
    const lang = ifDefined(text.lang);
    const dir = ifDefined(text.dir);
    const sub = Math.min(this.level() + 1, 6);
    return html`<div part="why">
        ${heading(sub, 'section-heading', this.t('why.heading'))}
        <p lang=${lang} dir=${dir}>${criterion.why}</p>
      </div>
      <div part="prompts">
        ${heading(sub, 'section-heading', this.t('prompts.heading'))}
        <ul lang=${lang} dir=${dir}>
          ${criterion.prompts.map((prompt) => html`<li>${prompt}</li>`)}
        </ul>
      </div>
      <div part="levels">
        ${heading(sub, 'section-heading', this.t('levels.heading'))}
        <dl>${LEVELS.map((level) => this.renderLevel(level, criterion.levels[level], text))}</dl>
      </div>`;
  }

  private renderLevel(level: Level, example: string, text: ContentText) {
    const locale = this.community.locale;
    const label = coreMsg(locale, `scale.${level}.label`, undefined, this.strings);
    return html`<div part="level">
      <dt part="level-label"><span class="number">${numberFormat(locale).format(level)}</span> · ${label}</dt>
      <dd part="level-example" lang=${ifDefined(text.lang)} dir=${ifDefined(text.dir)}>${example}</dd>
    </div>`;
  }

  private onToggle(): void {
    this.open = !this.open;
  }

  private onSlotChange(): void {
    const has = (name: string) =>
      !!this.renderRoot.querySelector<HTMLSlotElement>(name)?.assignedNodes({ flatten: true }).some(meaningful);
    this.hasRating = has('slot[name="rating"]') || has('slot:not([name])');
    this.hasJournal = has('slot[name="journal"]');
    this.passedFor = undefined;
    this.passDown();
  }

  /** Whether the children include something for a slot (`''`: the default one), as slotchange will tell. */
  private childrenFor(name: string): boolean {
    for (const node of this.childNodes) {
      // By node type: children a host made in a same-origin iframe's document are not this window's Elements.
      if ((isElement(node) ? (node.getAttribute('slot') ?? '') : '') !== name) continue;
      const slot = isElement(node) && node.localName === 'slot' ? (node as HTMLSlotElement) : undefined;
      if (slot ? slot.assignedNodes({ flatten: true }).some(meaningful) : meaningful(node)) {
        return true;
      }
    }
    return false;
  }

  /** Gives nested ratings the criterion's title as their group label (they show no title of their own). */
  private passDown(): void {
    const criterion = this.community.criterion(this.criterion?.trim());
    const label = criterion?.title;
    // Its locale too: a rating without its own shows the card's (see LcSelfRating.cardLocale).
    const key = `${this.criterion ?? ''}\n${label ?? ''}\n${this.locale ?? ''}`;
    if (key === this.passedFor && label === this.passedLabel) return;
    this.passedFor = key;
    this.passedLabel = label;
    for (const rating of this.querySelectorAll<NestedRating>('lc-self-rating')) {
      if (rating.closest('lc-criterion-card') !== this) continue;
      const last = told.get(rating);
      if (last?.card === this && last.key === key) continue;
      told.set(rating, { card: this, key });
      rating.groupLabel = label;
      (rating as Partial<LitElement>).requestUpdate?.();
    }
  }

  private level(): number {
    return this.problems.has('heading-level') ? DEFAULT_HEADING_LEVEL : this.headingLevel;
  }

  private t(key: CriterionCardStringKey): string {
    return msg(this.community.locale, key, undefined, this.strings);
  }

  private unknownCriterion(): string | undefined {
    const id = this.criterion?.trim();
    if (!id || !this.community.criteriaSet || this.problems.has('criterion')) return undefined;
    return this.community.criterion(id) ? undefined : id;
  }

  private setId(): string {
    return this.community.criteriaSet?.id ?? '';
  }

  /** The content's language (and direction) when they differ from the UI's (English criteria in an Arabic UI). */

  private logUnknown(): void {
    const unknown = this.unknownCriterion();
    this.unknown.set('criterion', unknown ? unknownCriterionProblem(unknown, this.setId()) : undefined);
  }
}

/** Elements and non-blank text count as slotted content; whitespace does not. */
function meaningful(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE || !!node.textContent?.trim();
}

const MISSING_CRITERION = {
  attribute: 'criterion',
  message: 'is missing: a card shows the criterion it names (criterion="trust")',
};

declare global {
  interface HTMLElementTagNameMap {
    'lc-criterion-card': LcCriterionCard;
  }
}
