import { coreStrings } from '../../core/i18n/core-strings.js';
import { englishTexts, type LocaleTable, type Message, type StringTable } from '../../core/i18n/i18n.js';
import { html, isServer, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CommunityController } from '../../core/community-controller.js';
import {
  checkAttribute,
  checkEndpoint,
  ConfigProblems,
  localeTagCheck,
  unknownCriterionProblem,
  reflectChosen,
} from '../../core/config.js';
import { arrowKeyIndex } from '../../core/keys.js';
import { elementErrorAlert, problemSentence, problemSentences, problemsMeaning } from '../../core/problems.js';
import { VERSION } from '../../core/define.js';
import { sameRespondent } from '../../core/build-envelope.js';
import type { Envelope, EnvelopeOf } from '../../core/envelope.js';
import { coreMsg } from '../../core/i18n/core-strings.js';
import type { StringOverrides } from '../../core/i18n/i18n.js';
import {
  LOCKED_STATES,
  onceHeld,
  queuedKey,
  staleSend,
  SubmissionController,
  type SubmissionState,
} from '../../core/submission-controller.js';
import type { CriterionHeadline } from '../../criteria/builtin.js';
import { idAttributeCheck, oneOf } from '../../core/checks.js';
import { errorBox, hostDefaults, srOnly, statusBox } from '../../core/shared-styles.js';
import { firstPaintRoot } from '../../core/ssr.js';
import { numberFormat } from '../../core/intl.js';
import { styles } from './lc-self-rating.styles.js';
import { labelText, referencedText, unwatchLabels, watchLabels } from './page-labels.js';
import {
  formValue,
  isValidEvidence,
  parseRatingState,
  parseRatingValue,
  ratingData,
  RATING_OPTIONS,
  ratingValueCheck,
  serializeRatingState,
  type RatingOption,
} from './rating-value.js';
import { msg, strings, type SelfRatingStringKey } from './strings.js';
import { liveRegion } from '../../core/live-region.js';

/** Stand for the question's name and the status while the pattern naming it is formatted (private-use characters). */
const NAME_MARK = '\uE000name\uE000';
const STATUS_MARK = '\uE000status\uE000';
/** How the options are laid out; arrow keys follow the layout (and the reading direction). */
export type RatingLayout = 'horizontal' | 'vertical';
const layoutCheck = oneOf(['horizontal', 'vertical'], 'must be "horizontal" or "vertical"');

interface ScaleText {
  number: string;
  label: string;
  /**
   * The label after its number, space first, in one text node: a space of its own beside the
   * label's node is white space alone, which Chromium leaves out of the option's name
   * ("0Not addressed", as a screen reader read it).
   */
  spaced: string;
  description: string;
}
const scaleCache = new Map<string, ScaleText[]>();
/** The scale's labels in a locale, shared by every rating on the page (1200 ratings, one lookup). */
function scaleText(locale: string, overrides: StringOverrides | undefined): ScaleText[] {
  const cached = overrides ? undefined : scaleCache.get(locale);
  if (cached) return cached;
  const numbers = numberFormat(locale);
  const text = RATING_OPTIONS.map((option) => {
    const label = coreMsg(locale, `scale.${option}.label`, undefined, overrides);
    return {
      number:
        option === 'dont-know'
          ? coreMsg(locale, 'scale.dont-know.number', undefined, overrides)
          : numbers.format(Number(option)),
      label,
      spaced: ` ${label}`,
      description: coreMsg(locale, `scale.${option}.description`, undefined, overrides),
    };
  });
  if (!overrides) scaleCache.set(locale, text);
  return text;
}

function syncValue(field: HTMLInputElement | HTMLTextAreaElement | null, value: string): void {
  if (field && field.value !== value) field.value = value;
}

const MISSING_CRITERION = 'criterion is missing: a rating that sends on its own needs a criterion id';
/** Reflected when the page sets another value by property (see reflectChosen). */
const REFLECTED = { name: '', layout: 'horizontal' };
/** The text properties, with their defaults (see ConfigProblems.takeProperties). */
const TEXT = {
  ...REFLECTED,
  criterion: undefined,
  value: '',
  label: undefined,
  endpoint: undefined,
  locale: undefined,
  commentText: '',
  evidenceUrl: '',
  groupLabel: undefined,
};
/** The host's ARIA attributes that name or describe its group (see pageAria). */
const PAGE_ARIA = ['aria-label', 'aria-labelledby', 'aria-describedby'];
/** Attributes that are no property, watched all the same (see attributeChangedCallback). */
const WATCHED = ['readonly', 'id', ...PAGE_ARIA];

type CardLike = HTMLElement & { criterion?: string; locale?: string };

/**
 * Rates one criterion on the learning scale (0–4, or "don't know"), with an optional comment and
 * evidence link. It is a form control: inside a `<form>` it submits `name=value` (plus
 * `name-comment` and `name-evidence` when filled in), honours `required`, `disabled`, a disabled
 * `<fieldset>`, `form.reset()` and state restore. Outside a form, given an endpoint (its own or an
 * enclosing `<lc-community>`'s), it sends a `rating` submission on its own.
 *
 * Inside an `<lc-criterion-card>` it takes the card's criterion unless it has its own.
 *
 * A standalone rating with an endpoint that cannot send (its criteria failed to load, or its
 * criterion is not in the set) says why and shows its options disabled, so nobody answers for
 * nothing; inside a form it stays a working form control.
 *
 * @summary A single-choice learning-scale rating with comment, evidence link and submission.
 *
 * @csspart base - The wrapper of everything.
 * @csspart label - The group's label (the criterion title); hidden inside a card, which shows the title (it still names the group).
 * @csspart question - The criterion's question, under the label (standalone only).
 * @csspart loading - Shown in place of the question while the criteria load (standalone only).
 * @csspart scale - The radio group.
 * @csspart option - Each option of the scale; checked ones also have `option-checked`.
 * @csspart option-checked - The checked option.
 * @csspart description - The description of the focused or checked level. All of them share one place, as tall
 *   as the longest, and only that one is visible, so moving through the scale moves nothing below it.
 * @csspart comment - The comment text area.
 * @csspart evidence - The evidence link field.
 * @csspart field-error - The message under an invalid field or an unanswered required group, and the one
 *   above a scale that cannot be answered because the rating cannot send (its options are then disabled).
 * @csspart answer - The "your answer" line (standalone).
 * @csspart submit - The send / try again / change my answer button (standalone).
 * @csspart status - The polite live region with the submission state (standalone).
 * @csspart notice - The note shown when the device cannot keep drafts.
 * @csspart error - Configuration problems and unknown criteria.
 *
 * @cssprop --lc-rating-accent - Checked option, button and focus colour (falls back to `--lc-accent`).
 * @cssprop --lc-rating-checked-background - Background of the checked option (falls back to `--lc-accent-soft`).
 * @cssprop --lc-rating-option-background - Background of an option (falls back to `--lc-surface`).
 * @cssprop --lc-rating-border - Border of options and fields (falls back to `--lc-border-color`).
 * @cssprop --lc-rating-focus - Focus ring colour (falls back to `--lc-focus-color`).
 * @cssprop --lc-rating-radius - Corner radius (falls back to `--lc-radius`).
 * @cssprop --lc-rating-gap - Space between the parts (falls back to `--lc-space`).
 * @cssprop --lc-rating-text - Text colour (falls back to `--lc-text-color`).
 * @cssprop --lc-rating-label-size - Font size of the `label` part, the criterion's title (default 1.0625em).
 * @cssprop --lc-rating-option-gap - Space between the options of the scale (default 0.5em).
 * @cssprop --lc-rating-accent-text - Text on the accent colour: the send button (falls back to `--lc-accent-text`).
 * @cssprop --lc-muted-text - Secondary text.
 * @cssprop --lc-error-color - Errors.
 * @cssprop --lc-success-color - The "sent" state.
 *
 * @fires input - The person chose a level (or typed in the comment or evidence field). Never on a programmatic change.
 * @fires change - The person chose a level (or changed the comment or evidence). Never on a programmatic change.
 * @fires lc-submit - Before a standalone submission is sent; cancelable.
 * @fires lc-submitted - The endpoint acknowledged the submission.
 * @fires lc-submit-error - The submission was rejected, or an attempt failed and it stays queued.
 */
export class LcSelfRating extends LitElement {
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
  static override styles = [hostDefaults, srOnly, statusBox, errorBox, styles];
  static formAssociated = true;

  /** The criterion's id; inside an `<lc-criterion-card>` it defaults to the card's. */
  @property({ reflect: true }) criterion?: string;
  /** The form field name (reflected to the attribute when set by property). */
  @property() name = '';
  /**
   * The chosen level: `"0"`–`"4"`, `"dont-know"`, or `""`. The attribute is the default that
   * `form.reset()` restores; once the person has answered (until a reset), setting it changes only
   * the default, as on a native input. Any other value is reported and ignored (the level chosen
   * before stays).
   */
  @property() value: string = '';
  /** An answer is needed before the form can be submitted. */
  @property({ type: Boolean, reflect: true }) required = false;
  /** Disables the control (it is then left out of the form's data). */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Shows the optional comment field. */
  @property({ type: Boolean, reflect: true }) comment = false;
  /** Shows the optional evidence link field. */
  @property({ type: Boolean, reflect: true }) evidence = false;
  /** The comment's text. */
  @property({ attribute: false }) commentText = '';
  /** The evidence link (an http(s) URL). */
  @property({ attribute: false }) evidenceUrl = '';
  /** The group's label; defaults to the criterion's title. */
  @property() label?: string;
  /** `horizontal` (default; stacks in narrow containers) or `vertical` (reflected when set by property). */
  @property() layout: RatingLayout = 'horizontal';
  /** Where a standalone rating posts its submission; defaults to the enclosing `<lc-community>`'s. */
  @property() endpoint?: string;
  /** Language (a BCP 47 tag); defaults to the community's, then the nearest `lang`. */
  @property() locale?: string;
  /** Per-instance overrides of UI strings, by key (this element's and the shared scale/submission keys). */
  @property({ attribute: false }) strings?: StringOverrides;
  /** The group label an enclosing card passes down (its criterion's title). */
  @property({ attribute: false }) groupLabel?: string;

  @state() private focusIndex = -1;
  @state() private showRequired = false;
  @state() private evidenceTouched = false;

  private readonly internals: ElementInternals;
  private readonly community = new CommunityController(
    this,
    () => ({
      locale: (this.problems.has('locale') ? undefined : this.locale) ?? this.cardLocale(),
      endpoint: this.validEndpoint(),
    }),
    { strings: [strings] },
  );
  // "Change my answer" in another tab, and a new answer sent there: shown here too.
  private readonly submission = new SubmissionController(this, this.community, undefined, (e) => this.showAnswer(e));
  private card: CardLike | null = null;
  private readonly problems = new ConfigProblems(this);
  /** The unknown criterion, logged once (shown by render, not a problem of an attribute's value). */
  private readonly unknown = new ConfigProblems(this);
  private loggedMissing = false;
  /** The question the answer on show is for, and whose answer it counts as (see question). */
  private answerFor: string | undefined;
  private formKey = '';
  /** The validity last given to the internals, and in which language (see syncForm). */
  private validityKey = '';
  private radioList: HTMLElement[] = [];
  /** The question an answer left waiting by an earlier visit was last looked for (see resumeWaiting). */
  private resumedFor = '';
  /** The person has chosen or typed something since the page loaded. */
  private touched = false;
  /**
   * The person (or the browser's state restore) has given an answer since the page loaded or the
   * form was last reset: as on a native control once dirty, the `value` attribute is then only the
   * default, and setting it changes nothing on show.
   */
  private dirty = false;
  private warnedReadonly = false;
  /** The text of the page's labels the group was last named by (see outerLabel). */
  private shownLabel = '';
  /** The name and description the host's ARIA attributes gave the group when last drawn (see pageAria). */
  private shownAria = '';
  /** The rating cannot send, as last drawn (see cannotSend). */
  private unsendable = false;
  /** Just sent (its own "Send" pressed, or submit()): the status that answers it needs no name (see nameStatus). */
  private pressed = false;
  /** The submission state the status shows, and whether it names the question (see nameStatus). */
  private statusFor: { state: SubmissionState; id: string | undefined; named: boolean } | undefined;

  constructor() {
    super();
    this.internals = this.attachInternals();
    // A form's submit (or checkValidity) found this control invalid: show why, in place.
    this.addEventListener('invalid', () => {
      this.showRequired = !this.value && this.required;
      if (!isValidEvidence(this.evidenceUrl)) this.evidenceTouched = true;
    });
    // A <label for> clicked: the browser clicks this element itself; focus goes into the group,
    // as a label moves focus to its native control.
    this.addEventListener('click', (event) => {
      if (event.composedPath()[0] === this && !this.scaleDisabled()) this.focus();
    });
  }

  // Form control API, as on native controls.
  /** The form this control belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  /** The `<label>` elements pointing at this control. */
  get labels(): NodeList {
    return this.internals.labels;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }
  /** The default value (the `value` attribute): what `form.reset()` restores. */
  get defaultValue(): string {
    return this.getAttribute('value') ?? '';
  }
  set defaultValue(value: string) {
    this.setAttribute('value', value);
  }
  /** The submission's state when used standalone: `idle`, `sending`, `sent`, `queued`, `rejected` or `handled`. */
  get submissionState(): SubmissionState {
    return this.submission.state;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, ...WATCHED];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'readonly') {
      this.warnReadonly();
      return;
    }
    if (name === 'id' || PAGE_ARIA.includes(name)) {
      // A <label for> may name it now, or no longer; or the page names or describes it otherwise.
      this.watchLabel();
      this.labelsChanged();
      return;
    }
    // Answered: the attribute is the default alone (read by defaultValue and form.reset()).
    if (name === 'value' && this.dirty) return;
    super.attributeChangedCallback(name, old, value);
  }

  /**
   * `readonly` is not supported: the browser bars a form-associated element with it from
   * validation, so `required` would stop working while the rating stayed editable. Supporting it
   * would still leave `required` unchecked, as on a native read-only control; the console says so
   * instead, once per element (the page's choice to make: `disabled`, or leave it out).
   */
  private warnReadonly(): void {
    if (this.warnedReadonly || !this.hasAttribute('readonly')) return;
    this.warnedReadonly = true;
    console.warn(
      `[lc-elements] <${this.localName}>: the readonly attribute is not supported: the browser no longer checks required, and the rating stays editable. Use disabled, or leave it out.`,
    );
  }

  override connectedCallback(): void {
    // Set before the element's file loaded (`rating.defaultValue = '2'`, as on an <input>): an own
    // property that hides the accessor, taken through it now. (Lit does so for its own properties.)
    if (Object.hasOwn(this, 'defaultValue')) {
      const { defaultValue } = this;
      delete (this as { defaultValue?: string }).defaultValue;
      this.defaultValue = defaultValue;
    }
    super.connectedCallback();
    const card = this.closest<CardLike>('lc-criterion-card');
    // Moved into or out of a card: the label, question and criterion may all change.
    if (card !== this.card && this.hasUpdated) this.requestUpdate();
    this.card = card;
    this.watchLabel();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    LcSelfRating.unkept.delete(this);
    unwatchLabels(this);
  }

  /** Watches the page's labels while one may name it, or elements it names by id (see page-labels.ts). */
  private watchLabel(): void {
    if (isServer || !this.isConnected) return;
    const refers = this.hasAttribute('aria-labelledby') || this.hasAttribute('aria-describedby');
    if (this.id || refers || this.closest('label')) watchLabels(this, refers);
    else unwatchLabels(this);
  }

  /**
   * A label of the page, or an element the host names by id, changed: drawn again if the name or
   * description it gives the group changed. @internal
   */
  labelsChanged(): void {
    if (!this.hasUpdated) return;
    if (this.outerLabel() !== this.shownLabel || this.ariaKey(this.pageAria()) !== this.shownAria) this.requestUpdate();
  }

  /** The ids the host's aria-labelledby and aria-describedby name (see onPageChange). @internal */
  referencedIds(): string[] {
    const ids = `${this.getAttribute('aria-labelledby') ?? ''} ${this.getAttribute('aria-describedby') ?? ''}`;
    return ids.split(/\s+/).filter(Boolean);
  }

  /** Moves focus into the group: the checked option, or the first. */
  override focus(options?: FocusOptions): void {
    const radios = this.radios();
    (radios[this.checkedIndex()] ?? radios[0])?.focus(options);
  }

  /**
   * Sends the rating (standalone use only: with an endpoint and outside a form). Shows what is
   * missing instead when the answer is incomplete. Resolves with the envelope, if one was made.
   */
  async submit(): Promise<Envelope | undefined> {
    if (!this.canSubmit() || this.isDisabled() || this.submission.state === 'sending') return undefined;
    const value = parseRatingValue(this.value);
    if (!value) {
      this.showRequired = true;
      await this.updateComplete;
      this.focus();
      return undefined;
    }
    if (!isValidEvidence(this.evidenceUrl)) {
      this.evidenceTouched = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#evidence')?.focus();
      return undefined;
    }
    const data = ratingData(value, this.comment ? this.commentText : '', this.evidence ? this.evidenceUrl : '');
    // Sent now, by its own button or by the host on the person's behalf: its status answers that.
    this.pressed = true;
    const envelope = await this.submission.submit('rating', data, this.effectiveCriterion());
    // Nothing came of it (no state to answer it): what comes next answers no press.
    if (this.submission.state === 'idle') this.pressed = false;
    return envelope;
  }

  formAssociatedCallback(form: HTMLFormElement | null): void {
    // Moving in or out of a form switches the standalone submit on or off. Moved into a form after
    // sending on its own: what it sent stays sent (the outbox delivers it), and the control is the
    // form's to fill in, never read-only with no way to change it.
    if (form && this.submission.state !== 'idle') this.submission.startOver();
    this.requestUpdate();
  }

  formResetCallback(): void {
    this.dirty = false;
    this.value = parseRatingValue(this.defaultValue) ?? '';
    this.commentText = '';
    this.evidenceUrl = '';
    this.showRequired = false;
    this.evidenceTouched = false;
    // Now, not in the update: `form.reset(); form.checkValidity()` sees the reset rating, as it
    // sees a native control.
    this.syncForm();
  }

  formDisabledCallback(): void {
    // A <fieldset disabled> around it changed: drawn again (see isDisabled). Also called while
    // this element reflects its own `disabled`, in its update after render: nothing to do then.
    this.requestUpdate();
  }

  formStateRestoreCallback(restored: unknown): void {
    // Only a form's control is restored (see syncForm). A state an earlier version gave a rating
    // sending on its own, or one that has taken up an answer on its way, is not shown as unsent.
    if (!this.keepsFormState() || this.submission.state !== 'idle') return;
    const state = parseRatingState(restored);
    if (!state) return;
    this.dirty = true;
    this.value = state.value;
    this.commentText = state.comment;
    this.evidenceUrl = state.evidence;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.problems.takeProperties(changed, TEXT, [strings], ['required', 'disabled', 'comment', 'evidence']);
    reflectChosen(this, changed, REFLECTED);
    const question = this.question();
    if (this.hasUpdated && question !== this.answerFor) {
      // Another question (its own criterion, or its card's), asked of other people (another
      // community, round, perspective or respondent: a shared kiosk), or for another endpoint
      // (moved into another <lc-community>): an answer sent (or on its way) was for the last one,
      // and the new question starts blank unless the host sets a value with it. An answer not
      // sent stays as it is: nothing typed is lost. An answer this rating sent for the new
      // question before it moved on (the kiosk's person back) is shown again as it stands: on its
      // way, sent, or refused with why (its fate was told as it came: see startOver).
      const sent = this.isLocked();
      this.submission.startOver();
      const back = changed.has('value') ? undefined : this.submission.takeUpDeparted((e) => this.answers(e));
      if (back) {
        this.showAnswer(back);
      } else if (sent && !changed.has('value')) {
        this.value = '';
        this.commentText = '';
        this.evidenceUrl = '';
      }
    }
    this.answerFor = question;
    if (changed.has('value')) {
      // As on a native control, the value is a string (`rating.value = 2` is "2": see takeProperties).
      if (this.value == null) this.value = '';
      const parsed = parseRatingValue(this.value);
      this.problems.set('value', checkAttribute('value', ratingValueCheck, this.value));
      // A value that is no level is reported and ignored: the answer chosen before stays.
      if (parsed === undefined) {
        const before = changed.get('value');
        this.value = typeof before === 'string' && parseRatingValue(before) !== undefined ? before : '';
      }
      if (parsed) this.showRequired = false;
    }
    if (changed.has('endpoint')) this.problems.set('endpoint', checkEndpoint(this.endpoint));
    if (changed.has('locale')) this.problems.set('locale', checkAttribute('locale', localeTagCheck, this.locale));
    if (changed.has('criterion'))
      this.problems.set('criterion', checkAttribute('criterion', idAttributeCheck, this.criterion));
    if (changed.has('layout')) this.problems.set('layout', checkAttribute('layout', layoutCheck, this.layout));
    this.nameStatus();
  }

  /**
   * Decides, as each submission state comes, whether the status names the question. One that
   * answers a press of this rating's own button ("Sending…", then sent, waiting or refused) is
   * heard where the person is. One that comes later (a wait ended on reconnecting, an answer taken
   * up after a reload, another tab's) may be heard with the focus anywhere, on another rating even,
   * so it says which question it is about. Decided once per state: the name never comes or goes
   * under a state already said, which would say it again.
   */
  private nameStatus(): void {
    const { state, envelope } = this.submission;
    const id = envelope?.id;
    if (this.statusFor?.state === state && this.statusFor.id === id) return;
    this.statusFor = { state, id, named: !this.pressed };
    // "Sending…" is not the answer yet; what comes after a wait (queued) comes later.
    if (state !== 'sending') this.pressed = false;
  }

  protected override updated(): void {
    this.syncFields();
    this.syncTabStops();
    this.syncForm();
    this.logUnknownCriterion();
    this.resumeWaiting();
  }

  /**
   * The criterion asked, the people whose answer it counts as (community, round, perspective,
   * respondent), and where their answers go (the endpoint).
   */
  private question(): string {
    // The community's settings as given (no envelope built): this runs at every key press.
    const c = this.community.community;
    const who = `${c?.community ?? ''}\n${c?.round ?? ''}\n${c?.perspective ?? ''}\n${c?.respondent ?? ''}`;
    return `${this.effectiveCriterion()}\n${who}\n${this.community.endpoint ?? ''}`;
  }

  /**
   * A standalone rating whose answer an earlier visit left waiting (offline, the server busy):
   * shows that answer as on its way, so the person does not answer again and count twice.
   */
  private resumeWaiting(): void {
    // Cheap checks first: this runs after every update, and a key press is one.
    if (this.touched || this.submission.state !== 'idle' || !this.canSubmit()) return;
    // Looked for once per question and person (see question): another respondent at a kiosk looks
    // for their own, and so does the first again when the host switches back to them.
    const { community, round, perspective, respondent } = this.community.envelopeContext();
    const key = `${this.community.endpoint}\n${community}\n${round}\n${perspective}\n${respondent}\n${this.effectiveCriterion()}`;
    if (key === this.resumedFor) return;
    this.resumedFor = key;
    // Or one that settled on this page while no element showed it (a framework removed the rating
    // as it went out, and made this one in its place): its fate, and the answer, shown here.
    void this.submission
      .resume((e) => this.answers(e))
      .then((waiting) => waiting ?? this.submission.takeUpSettled((e) => this.answers(e)))
      .then((envelope) => envelope && !this.touched && this.showAnswer(envelope));
  }

  /**
   * True when `e` is a rating of the question this rating shows (criterion, community, round), from
   * the same perspective and respondent: on a shared kiosk, a citizen never sees a partner's answer
   * as their own, nor the next person the last one's (nor replaces it by "Change my answer").
   * Without a round from the host, any round's: the round then defaults to the year, and an answer
   * sent on 31 December (or by a clock that was off) still waits, as this question's, after New Year.
   * Compared as sent (composed, see envelopeContext): a community the page writes decomposed is the same.
   */
  private answers(e: Envelope): e is EnvelopeOf<'rating'> {
    const { community, round, perspective, respondent } = this.community.envelopeContext();
    return (
      e.kind === 'rating' &&
      e.criterion === this.effectiveCriterion() &&
      e.community === community &&
      (!this.community.keyRound || e.round === round) &&
      (e.perspective ?? '') === (perspective ?? '') &&
      sameRespondent(e, respondent)
    );
  }

  /**
   * Shows the answer `e` holds, if it answers this rating's question: one an earlier visit left
   * waiting, or one sent in another tab in place of the one shown here (see showReplacement).
   */
  private showAnswer(e: Envelope): boolean {
    if (!this.answers(e)) return false;
    const d = e.data;
    this.value = d.level === null ? 'dont-know' : String(d.level);
    this.commentText = d.comment ?? '';
    this.evidenceUrl = d.evidence ?? '';
    return true;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // In Danish, German or Arabic the first render waits for those strings (a small file each).
    return this.community.whenStringsReady(() => super.scheduleUpdate());
  }

  protected override createRenderRoot() {
    return firstPaintRoot(this, () => super.createRenderRoot());
  }

  override render() {
    const c = this.community;
    this.unsendable = this.cannotSend();
    // No white space between the parts (see renderScale).
    // prettier-ignore
    return html`<div part="base" dir=${c.dir} lang=${c.langTag}
      >${this.renderProblems()}${this.renderLabel()}${this.renderUnavailable()}${this.renderScale()}${this.renderDescriptions()
      }${this.renderRequired()}${this.renderComment()}${this.renderEvidence()}${this.renderSubmit()}</div>`;
  }

  private renderProblems() {
    const locale = this.community.locale;
    const lines = problemSentences(this.problems.list, locale, this.strings);
    // What the lines say, in no language: the alert is not said again when only that changes.
    const meaning: unknown[] = problemsMeaning(this.problems.list);
    const unknown = this.unknownCriterion();
    if (unknown && !this.inheritsCriterion()) {
      lines.push(coreMsg(locale, 'criterion.unknown', { id: unknown, set: this.setId() }, this.strings));
      meaning.push(['criterion.unknown', unknown, this.setId()]);
    }
    if (this.missingCriterion()) {
      lines.push(problemSentence('config.error', MISSING_CRITERION, locale, this.strings));
      meaning.push(MISSING_CRITERION);
    }
    // A card shows its community's criteria error itself.
    return elementErrorAlert(lines, meaning, this.community, this.strings, !this.card);
  }

  /** The group's label: the host's, the card's, the criterion's title, or the default question. */
  private groupName(): string {
    const criterion = this.currentCriterion();
    return this.label || (this.isNested() && this.groupLabel) || criterion?.title || this.t('label.default');
  }

  private renderLabel() {
    const criterion = this.currentCriterion();
    const nested = this.isNested();
    const text = this.groupName();
    const { lang, dir } = this.community.contentText();
    // The label is criteria content (maybe English in an Arabic UI) unless the host wrote it.
    const fromContent = !this.label && !!criterion;
    // Nested, the card's heading shows the title: hidden here, so a screen reader reading the page
    // does not read it twice, it still names the group (aria-labelledby reads hidden text);
    // sr-only keeps it off screen should a host's ::part(label) rule give it a display.
    return html`<p
        part="label"
        id="label"
        class=${nested ? 'sr-only' : ''}
        ?hidden=${nested}
        lang=${ifDefined(fromContent ? lang : undefined)}
        dir=${ifDefined(fromContent ? dir : undefined)}
      >
        ${text}
      </p>
      ${
        !nested && criterion
          ? html`<p part="question" id="question" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>
              ${criterion.question}
            </p>`
          : !nested && this.effectiveCriterion() && this.community.criteriaLoading
            ? html`<p part="loading">${coreMsg(this.community.locale, 'criteria.loading', undefined, this.strings)}</p>`
            : nothing
      }`;
  }

  /** Why the options are switched off when the rating cannot send (see cannotSend). */
  private renderUnavailable() {
    return this.unsendable ? html`<p part="field-error" id="unavailable">${this.t('unavailable')}</p>` : nothing;
  }

  private renderScale() {
    const disabled = this.scaleDisabled();
    const locked = this.isLocked();
    const checked = this.checkedIndex();
    const t = scaleText(this.community.locale, this.strings);
    const part = (i: number) => (i === checked ? 'option option-checked' : 'option');
    // Labelled by the page (<label for>, as a native control): that label names the group. The
    // host's aria-labelledby, else its aria-label, names it over that label, as they name a native
    // control over its <label>.
    const outer = (this.shownLabel = this.outerLabel());
    const aria = this.pageAria();
    this.shownAria = this.ariaKey(aria);
    const name = aria.name || outer;
    const ariaChecked = (i: number) => (i === checked ? 'true' : 'false');
    const ariaDisabled = disabled ? 'true' : 'false';
    // The page's description (the host's aria-describedby) comes after the rating's own parts:
    // the question comes first, as the page's hint or error is about it. Its text is copied into a
    // `hidden` span: the page shows it already, so the copy stays out of the reading order (a
    // description reads hidden text). The name needs no element: aria-label takes its text.
    // Without such attributes, nothing is rendered for them (a page may hold 1200 ratings).
    const describedBy = [
      this.currentCriterion() && !this.isNested() ? 'question' : '',
      this.unsendable ? 'unavailable' : '',
      this.showRequired ? 'required-error' : '',
      aria.description ? 'page-description' : '',
    ]
      .filter(Boolean)
      .join(' ');
    // Each option is named as it reads, "3 Tested and challenged" (2.5.3: a person told to choose
    // 3 can say or hear it); only the "?" of "don't know" is left out of its name.
    // The options of RATING_OPTIONS written out rather than mapped: one template to clone instead of
    // six, no list markers, and ids and indices in the markup instead of bindings. A page may hold
    // 1200 ratings; this is a fifth of their rendering time. No white space between the tags (hence
    // the hugging > and prettier-ignore): each would be one more text node to clone, per rating.
    // prettier-ignore
    return html`<div
      part="scale"
      role="radiogroup"
      aria-labelledby=${name ? nothing : 'label'}
      aria-label=${name || nothing}
      aria-describedby=${ifDefined(describedBy || undefined)}
      aria-required=${this.required ? 'true' : 'false'}
      aria-invalid=${this.showRequired ? 'true' : 'false'}
      aria-disabled=${disabled ? 'true' : 'false'}
      aria-readonly=${locked ? 'true' : 'false'}
      @click=${this.onClick}
      @keydown=${this.onKeyDown}
      @focusin=${this.onFocusIn}
      @focusout=${this.onFocusOut}
      ><div role="radio" id="option-0" data-index="0" data-value="0" aria-describedby="description-0"
        part=${part(0)} aria-checked=${ariaChecked(0)} aria-disabled=${ariaDisabled}
        ><span class="mark" aria-hidden="true"></span
        ><span class="text"><span class="number">${t[0]!.number}</span>${t[0]!.spaced}</span></div
      ><div role="radio" id="option-1" data-index="1" data-value="1" aria-describedby="description-1"
        part=${part(1)} aria-checked=${ariaChecked(1)} aria-disabled=${ariaDisabled}
        ><span class="mark" aria-hidden="true"></span
        ><span class="text"><span class="number">${t[1]!.number}</span>${t[1]!.spaced}</span></div
      ><div role="radio" id="option-2" data-index="2" data-value="2" aria-describedby="description-2"
        part=${part(2)} aria-checked=${ariaChecked(2)} aria-disabled=${ariaDisabled}
        ><span class="mark" aria-hidden="true"></span
        ><span class="text"><span class="number">${t[2]!.number}</span>${t[2]!.spaced}</span></div
      ><div role="radio" id="option-3" data-index="3" data-value="3" aria-describedby="description-3"
        part=${part(3)} aria-checked=${ariaChecked(3)} aria-disabled=${ariaDisabled}
        ><span class="mark" aria-hidden="true"></span
        ><span class="text"><span class="number">${t[3]!.number}</span>${t[3]!.spaced}</span></div
      ><div role="radio" id="option-4" data-index="4" data-value="4" aria-describedby="description-4"
        part=${part(4)} aria-checked=${ariaChecked(4)} aria-disabled=${ariaDisabled}
        ><span class="mark" aria-hidden="true"></span
        ><span class="text"><span class="number">${t[4]!.number}</span>${t[4]!.spaced}</span></div
      ><div role="radio" id="option-5" data-index="5" data-value="dont-know" aria-describedby="description-5"
        part=${part(5)} aria-checked=${ariaChecked(5)} aria-disabled=${ariaDisabled}
        ><span class="mark" aria-hidden="true"></span
        ><span class="text"><span class="number" aria-hidden="true">${t[5]!.number}</span> ${t[5]!.label}</span></div
      ></div
      >${aria.description ? html`<span id="page-description" hidden>${aria.description}</span>` : nothing}`;
  }

  /** Every level's description, referenced by its option; only the focused (or checked) one is shown. */
  private renderDescriptions() {
    const t = scaleText(this.community.locale, this.strings);
    const shown = this.focusIndex >= 0 ? this.focusIndex : this.checkedIndex();
    // prettier-ignore
    return html`<div class="descriptions"
      ><p part="description" id="description-0" ?hidden=${shown !== 0}>${t[0]!.description}</p
      ><p part="description" id="description-1" ?hidden=${shown !== 1}>${t[1]!.description}</p
      ><p part="description" id="description-2" ?hidden=${shown !== 2}>${t[2]!.description}</p
      ><p part="description" id="description-3" ?hidden=${shown !== 3}>${t[3]!.description}</p
      ><p part="description" id="description-4" ?hidden=${shown !== 4}>${t[4]!.description}</p
      ><p part="description" id="description-5" ?hidden=${shown !== 5}>${t[5]!.description}</p
    ></div>`;
  }

  private renderRequired() {
    if (!this.showRequired) return nothing;
    return html`<p part="field-error" id="required-error">${this.t('required')}</p>`;
  }

  private renderComment() {
    if (!this.comment) return nothing;
    // What a person writes takes its own direction (English in an Arabic rating keeps its full stop
    // at its end); empty, the field takes the rating's, where Chromium's dir="auto" would take ltr.
    return html`<div class="field">
      <label for="comment">${this.t('comment.label')}</label>
      <textarea
        id="comment"
        part="comment"
        dir=${this.commentText ? 'auto' : nothing}
        maxlength="4000"
        ?disabled=${this.isDisabled()}
        ?readonly=${this.isLocked() || this.unsendable}
        @input=${this.onCommentInput}
        @change=${this.onFieldChange}
      ></textarea>
    </div>`;
  }

  private renderEvidence() {
    if (!this.evidence) return nothing;
    const invalid = this.evidenceTouched && !isValidEvidence(this.evidenceUrl);
    return html`<div class="field">
      <label for="evidence">${this.t('evidence.label')}</label>
      <p class="hint" id="evidence-hint">${this.t('evidence.hint')}</p>
      <input
        id="evidence"
        part="evidence"
        type="url"
        dir="ltr"
        inputmode="url"
        autocomplete="url"
        maxlength="2000"
        aria-describedby=${invalid ? 'evidence-hint evidence-error' : 'evidence-hint'}
        aria-invalid=${invalid ? 'true' : 'false'}
        ?disabled=${this.isDisabled()}
        ?readonly=${this.isLocked() || this.unsendable}
        @input=${this.onEvidenceInput}
        @keydown=${this.submitOnEnter}
        @change=${this.onEvidenceChange}
      />
      ${invalid ? html`<p part="field-error" id="evidence-error">${this.t('evidence.invalid')}</p>` : nothing}
    </div>`;
  }

  private renderSubmit() {
    if (!this.canSubmit()) return nothing;
    const s = this.submission;
    const locale = this.community.locale;
    const checked = this.checkedIndex();
    const answer =
      checked >= 0
        ? this.t('answer.chosen', { label: scaleText(locale, this.strings)[checked]!.label })
        : this.t('answer.none');
    const locked = this.isLocked();
    const button =
      s.state === 'sending'
        ? coreMsg(locale, 'submit.sending', undefined, this.strings)
        : locked
          ? coreMsg(locale, 'submit.change', undefined, this.strings)
          : s.state === 'rejected'
            ? coreMsg(locale, 'submit.retry', undefined, this.strings)
            : coreMsg(locale, 'submit.send', undefined, this.strings);
    // Nothing kept on the device: the host's choice (storage="none") or the browser's refusal.
    const notice = this.community.storage === 'none' ? 'storage.none' : 'storage.unavailable';
    // The status's text only, no white space around it: what the region says, and what a host reads.
    const region = liveRegion({ lang: this.community.langTag, meaning: s.meaning });
    return html`${
        s.storageAvailable ? nothing : html`<p part="notice">${coreMsg(locale, notice, undefined, this.strings)}</p>`
      }
      <div class="submit-row">
        <p part="answer">${answer}</p>
        <button
          part="submit"
          type="button"
          data-variant=${locked ? 'secondary' : 'primary'}
          data-action=${locked ? 'change' : 'send'}
          aria-disabled=${s.state === 'sending' ? 'true' : 'false'}
          ?disabled=${this.isDisabled()}
          @keydown=${onceHeld}
          @click=${this.onSubmitClick}
        >
          ${button}
        </button>
      </div>
      <div part="status" role="status" ${region} data-state=${s.state}>${this.namedStatus()}</div>`;
  }

  /**
   * The status, named with the question when it comes later than a press (see nameStatus). The
   * name is for the screen reader only: on screen, the status is right under the question.
   */
  private namedStatus(): string | TemplateResult {
    const status = this.statusText();
    if (!status || !this.statusFor?.named) return status;
    const pattern = this.t('status.about', { criterion: NAME_MARK, status: STATUS_MARK });
    // An override of the pattern without the status: the status as it is, never lost.
    if (!pattern.includes(STATUS_MARK)) return status;
    // The name the group is heard by (see renderScale): the page's, else its own label, which is
    // criteria content (maybe English in an Arabic UI) unless the host wrote it.
    const page = this.pageAria().name || this.shownLabel;
    const { lang, dir } = !page && !this.label && this.currentCriterion() ? this.community.contentText() : {};
    const name = html`<span lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${page || this.groupName()}</span>`;
    const [before, after] = pattern.split(STATUS_MARK) as [string, string];
    const hidden = (text: string) =>
      text
        ? html`<span class="sr-only"
            >${text.split(NAME_MARK).map((piece, i) => (i ? html`${name}${piece}` : piece))}</span
          >`
        : nothing;
    return html`${hidden(before)}${status}${hidden(after)}`;
  }

  private statusText(): string | TemplateResult {
    const s = this.submission;
    const locale = this.community.locale;
    const o = this.strings;
    switch (s.state) {
      case 'sending':
        return coreMsg(locale, 'submit.sending', undefined, o);
      case 'sent':
        return coreMsg(locale, 'submit.sent', undefined, o);
      case 'queued':
        return coreMsg(locale, queuedKey('submit.queued', s), undefined, o);
      case 'rejected':
        return s.said((reason) => coreMsg(locale, 'submit.rejected', { reason }, o));
      case 'handled':
        return coreMsg(locale, 'submit.handled', undefined, o);
      default:
        return '';
    }
  }

  // Events

  private onClick(event: MouseEvent): void {
    const index = this.optionIndex(event.target);
    if (index < 0) return;
    if (this.scaleDisabled()) return;
    this.moveTo(index);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const index = this.optionIndex(event.target);
    if (index < 0 || this.scaleDisabled() || event.altKey || event.ctrlKey || event.metaKey) return;
    // Enter submits the form, as on a native radio button.
    if (event.key === 'Enter') {
      if (!event.shiftKey) this.submitOnEnter(event);
      return;
    }
    // Space chooses the focused option; the arrows, Home and End move (and choose) as in a radio group.
    const next =
      event.key === ' ' ? index : arrowKeyIndex(event.key, index, RATING_OPTIONS.length, this.community.dir === 'rtl');
    if (next === undefined) return;
    event.preventDefault();
    this.moveTo(next);
  }

  /** Focuses an option and, unless the group is read-only (submitted: explored, not changed), chooses it. */
  private moveTo(index: number): void {
    const radio = this.radios()[index];
    const choosing = !this.isLocked();
    // The tab stop follows the choice, or focus while read-only (so Tab leaves the group from
    // there); set before focus moves (see syncTabStops), the rest after the update.
    if (radio && radio.getAttribute('tabindex') !== '0') radio.setAttribute('tabindex', '0');
    radio?.focus();
    if (choosing) this.choose(index);
  }

  private onFocusIn(event: FocusEvent): void {
    this.focusIndex = this.optionIndex(event.target);
  }

  private onFocusOut(event: FocusEvent): void {
    // Leaving the group: the update puts the tab stop back on the checked option, where Tab comes in.
    if (this.optionIndex(event.relatedTarget) < 0) this.focusIndex = -1;
  }

  private onCommentInput(event: Event): void {
    // The native `input` event is composed: it reaches the page as this element's own.
    this.touched = this.dirty = true;
    this.commentText = (event.target as HTMLTextAreaElement).value;
    this.syncForm();
  }

  private onEvidenceInput(event: Event): void {
    this.touched = this.dirty = true;
    this.evidenceUrl = (event.target as HTMLInputElement).value;
    this.syncForm();
  }

  /**
   * Enter in the link field or on an option submits the rating's form, as in a native text field or
   * on a native radio button (implicit submission).
   */
  private submitOnEnter(event: KeyboardEvent): void {
    const form = this.internals.form;
    if (event.key !== 'Enter' || event.isComposing || !form) return;
    event.preventDefault();
    // The form's default button, as the browser would press it: none, or a disabled one, submits
    // without a button, or nothing.
    const button = [...form.elements].find(
      (e): e is HTMLButtonElement | HTMLInputElement =>
        (e instanceof HTMLButtonElement || e instanceof HTMLInputElement) && e.type === 'submit',
    );
    if (!button) form.requestSubmit();
    else if (!button.disabled) button.click();
  }

  private onEvidenceChange(): void {
    this.evidenceTouched = true;
    this.onFieldChange();
  }

  private onFieldChange(): void {
    // Native `change` stops at the shadow root; the page hears it from this element.
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private async onSubmitClick(event: Event): Promise<void> {
    const state = this.submission.state;
    if (state === 'sending') return;
    // What the button said when it was pressed, or the person could see: "Send" pressed twice (the
    // second press landing after the first was sent, before the button was drawn again or the
    // person could see it change) never takes the answer back.
    if (staleSend(event, this.submission)) return;
    if (LOCKED_STATES.has(state)) {
      // "Change my answer": back to editing; the next send makes a new submission, which replaces
      // one still waiting to be sent.
      this.submission.change();
      return;
    }
    await this.submit();
  }

  private choose(index: number): void {
    const option = RATING_OPTIONS[index]!;
    this.touched = this.dirty = true;
    if (this.value === option) return;
    this.value = option;
    this.showRequired = false;
    this.syncForm();
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  // Form value and validity

  private syncForm(): void {
    const value = parseRatingValue(this.value) ?? '';
    const comment = this.comment ? this.commentText : '';
    const evidence = this.evidence ? this.evidenceUrl : '';
    const restorable = this.keepsFormState();
    if (this.internals.form && !restorable) {
      LcSelfRating.unkept.add(this);
      LcSelfRating.keepNothingOnPageHide();
    } else {
      LcSelfRating.unkept.delete(this);
    }
    const key = `${this.name}\n${value}\n${comment}\n${evidence}\n${this.required}\n${this.community.locale}\n${restorable}`;
    if (key === this.formKey) return;
    const state = { value, comment, evidence };
    const evidenceOk = isValidEvidence(evidence);
    const anchor = this.radios()[0];
    if (!anchor) return;
    // Never chosen, typed in or required: the internals already say so (no value, valid). Not in a
    // form: after Back the browser may have put a value it kept into the internals itself, without
    // a restore callback when it was kept with no state (storage="none"), and the form would send
    // an answer the rating shows blank.
    const untouched =
      !this.formKey && !value && !state.comment && !state.evidence && !this.required && !this.internals.form;
    this.formKey = key;
    if (untouched) return;
    // No restore state but a form's: given none, the browser would keep the value as one.
    this.internals.setFormValue(formValue(this.name, state), restorable ? serializeRatingState(state) : null);
    const validity = this.required && !value ? 'missing' : evidenceOk ? 'valid' : 'evidence';
    // A new level of a valid rating is still valid: no need to tell the browser again.
    const validityKey = `${validity}\n${this.community.locale}`;
    if (validityKey === this.validityKey) return;
    this.validityKey = validityKey;
    if (validity === 'missing') {
      this.internals.setValidity({ valueMissing: true }, this.t('required'), anchor);
    } else if (validity === 'evidence') {
      const input = this.renderRoot.querySelector<HTMLInputElement>('#evidence') ?? anchor;
      this.internals.setValidity({ typeMismatch: true }, this.t('evidence.invalid'), input);
    } else {
      this.internals.setValidity({});
    }
  }

  /**
   * The form ratings whose answer the browser must not keep (see keepsFormState). Given no state,
   * the browser still keeps a control's form value in its session files, and gives it back after
   * Back: their value is taken back on `pagehide`, before the browser writes the page's form state,
   * and given again on `pageshow` when the page comes back from the back/forward cache (memory,
   * with the answer still on show). One pair of listeners for the page, not one per rating.
   */
  private static readonly unkept = new Set<LcSelfRating>();
  private static listening = false;

  private static keepNothingOnPageHide(): void {
    if (LcSelfRating.listening || isServer) return;
    LcSelfRating.listening = true;
    window.addEventListener('pagehide', () => {
      for (const rating of LcSelfRating.unkept) {
        rating.internals.setFormValue(null);
        rating.formKey = '';
      }
    });
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) for (const rating of LcSelfRating.unkept) rating.syncForm();
    });
  }

  /**
   * True when the browser may keep the answer for its state restore (Back and Forward, a tab
   * restored): only inside a form, which sends it, and only with device storage. The browser keeps
   * that state in its session files, which `storage="none"` promises nothing is written to; and a
   * rating sending on its own is shown after Back as after a reload, its answer still on its way
   * taken up from the outbox, never one it sent shown as unsent, to be sent and counted again.
   */
  private keepsFormState(): boolean {
    return !!this.internals.form && this.community.storage !== 'none';
  }

  // Helpers

  private t(key: SelfRatingStringKey, vars?: Record<string, string | number>): string {
    return msg(this.community.locale, key, vars, this.strings);
  }

  private radios(): HTMLElement[] {
    // The scale is static markup: its options, once rendered, stay the same elements.
    if (!this.radioList.length && this.renderRoot) {
      this.radioList = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="radio"]')];
    }
    return this.radioList;
  }

  /**
   * The fields show `commentText` and `evidenceUrl`: written here, and only where they differ, as
   * Lit's `live()` would. Writing the same text back is not harmless: a URL field's setter strips
   * the spaces being typed, and a write moves the caret. (`live()` would bring Lit's directive
   * runtime into every page with a rating, for these two fields: about 0.6 KB gzip.)
   */
  private syncFields(): void {
    if (this.comment) syncValue(this.renderRoot.querySelector('#comment'), this.commentText);
    if (this.evidence) syncValue(this.renderRoot.querySelector('#evidence'), this.evidenceUrl);
  }

  /**
   * The roving tab stop: the focused option while focus is in the group (so Tab leaves the group
   * from there, as with native radios: read-only, the arrows move focus without choosing), else the
   * checked option, or the first; none while disabled. Written here, not in the template, and only
   * where it changes: any write of tabindex on the focused element (even of the same value) makes
   * the browser bring style and layout up to date on the spot.
   */
  private syncTabStops(): void {
    const checked = this.checkedIndex();
    const stop = this.focusIndex >= 0 ? this.focusIndex : checked >= 0 ? checked : 0;
    const disabled = this.scaleDisabled();
    this.radios().forEach((radio, i) => {
      const want = disabled ? null : i === stop ? '0' : '-1';
      if (radio.getAttribute('tabindex') === want) return;
      if (want === null) radio.removeAttribute('tabindex');
      else radio.setAttribute('tabindex', want);
    });
  }

  private optionIndex(target: EventTarget | null): number {
    // An option itself (a key, focus) is found in the list; a click may land on its text.
    const radios = this.radios();
    const index = radios.indexOf(target as HTMLElement);
    if (index >= 0 || !(target instanceof Element)) return index;
    return radios.indexOf(target.closest<HTMLElement>('[role="radio"]')!);
  }

  private checkedIndex(): number {
    return RATING_OPTIONS.indexOf(this.value as RatingOption);
  }

  /**
   * Its own `disabled`, or a `<fieldset disabled>` around it (unless it is in that fieldset's
   * first `<legend>`), as for a native control. Read from the property and the page, not from
   * formDisabledCallback: that comes when the element reflects `disabled`, after it rendered.
   */
  private isDisabled(): boolean {
    if (this.disabled) return true;
    for (
      let f = this.parentElement?.closest('fieldset[disabled]');
      f;
      f = f.parentElement?.closest('fieldset[disabled]')
    ) {
      if (!f.querySelector(':scope > legend')?.contains(this)) return true;
    }
    return false;
  }

  /**
   * A standalone rating with an endpoint that cannot send: its criteria failed to load, or it
   * names no criterion of the set (or none at all). The error box says why; the scale is shown
   * disabled and the text fields read-only (what is in them stays, to copy), so nobody answers for
   * nothing. Not while the criteria load (it can send once they are in), nor inside a form, which
   * sends it. (An attribute's bad value is ignored, the one before kept: the rating keeps working.)
   */
  private cannotSend(): boolean {
    const c = this.community;
    return !c.criteriaLoading && !this.internals.form && !!c.endpoint && !this.currentCriterion();
  }

  /** The options cannot be chosen: the rating is disabled, or cannot send (as last drawn: see cannotSend). */
  private scaleDisabled(): boolean {
    return this.isDisabled() || this.unsendable;
  }

  /** Submitted (or on its way): the answer is shown read-only until "change my answer". */
  private isLocked(): boolean {
    return LOCKED_STATES.has(this.submission.state);
  }

  private cardCriterion(): string | undefined {
    const card = this.card;
    if (!card) return undefined;
    const id = card.criterion ?? card.getAttribute('criterion');
    // Not text: the card (whose property it is) reports it.
    return typeof id === 'string' ? id.trim() || undefined : undefined;
  }

  /**
   * The text of the page's `<label>`s for this control, if any: one around it, or one whose `for`
   * names its id. Looked up, not read from `internals.labels`: that list is live, and a page of
   * 1200 ratings each holding one made every change to the page several times slower.
   */
  private outerLabel(): string {
    // The server has no page to look in: the browser's first render names the group.
    if (isServer) return '';
    const around = this.closest('label');
    const root = this.getRootNode() as Document | ShadowRoot;
    const labels = [
      ...(around ? [around] : []),
      ...(this.id && root.querySelectorAll ? root.querySelectorAll(`label[for="${CSS.escape(this.id)}"]`) : []),
    ];
    return labels
      .map((l) => labelText(l).replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' ');
  }

  /**
   * What the host's `aria-labelledby` (the text of the elements it names), else its `aria-label`,
   * names the group, and what the text of the elements its `aria-describedby` names adds to its
   * description. The page puts them on the host, as on a native control, but the group in the
   * shadow root is what a screen reader announces, and ids do not reach into it: their text is
   * copied, looked up where the host is (the page, or the shadow root it sits in). Empty when the
   * host has none of them: a rating without them pays for three attribute reads.
   */
  private pageAria(): { name: string; description: string } {
    const labelledBy = this.getAttribute('aria-labelledby')?.trim();
    const describedBy = this.getAttribute('aria-describedby')?.trim();
    // The server has no page to look ids up in: the browser's first render does.
    const root = isServer || !(labelledBy || describedBy) ? undefined : this.getRootNode();
    // As on a native control, aria-labelledby naming nothing falls back to aria-label.
    const name =
      (root && labelledBy ? referencedText(root, labelledBy.split(/\s+/)) : '') ||
      (this.getAttribute('aria-label')?.replace(/\s+/g, ' ').trim() ?? '');
    const description = root && describedBy ? referencedText(root, describedBy.split(/\s+/)) : '';
    return { name, description };
  }

  private ariaKey(aria: { name: string; description: string }): string {
    return `${aria.name}\n${aria.description}`;
  }

  /** The enclosing card's own locale (a valid one), which its rating shows too unless it has its own. */
  private cardLocale(): string | undefined {
    const locale = this.card?.locale;
    return typeof locale === 'string' && !localeTagCheck(locale) ? locale : undefined;
  }

  /** True when the criterion comes from the enclosing card. */
  private inheritsCriterion(): boolean {
    return !this.criterion?.trim() && !!this.cardCriterion();
  }

  /** Inside a card that shows this criterion: the card's title is the group's (hidden) label. */
  private isNested(): boolean {
    return this.inheritsCriterion() || (!!this.card && this.effectiveCriterion() === this.cardCriterion());
  }

  private effectiveCriterion(): string | undefined {
    return this.criterion?.trim() || this.cardCriterion();
  }

  private currentCriterion(): CriterionHeadline | undefined {
    return this.community.criterion(this.effectiveCriterion());
  }

  /** The id when it names no criterion of the loaded set. */
  private unknownCriterion(): string | undefined {
    const id = this.effectiveCriterion();
    if (!id || !this.community.criteriaSet || this.problems.has('criterion')) return undefined;
    return this.currentCriterion() ? undefined : id;
  }

  private setId(): string {
    return this.community.criteriaSet?.id ?? '';
  }

  /**
   * A standalone rating with an endpoint but no criterion cannot submit: that is a configuration
   * problem. In a card, the card says it names none.
   */
  private missingCriterion(): boolean {
    return !!this.community.endpoint && !this.internals.form && !this.card && !this.effectiveCriterion();
  }

  private canSubmit(): boolean {
    return (
      !!this.community.endpoint &&
      !!this.community.criteriaSet &&
      !this.internals.form &&
      !!this.effectiveCriterion() &&
      !this.unknownCriterion() &&
      !this.problems.has('criterion')
    );
  }

  private validEndpoint(): string | undefined {
    return this.endpoint !== undefined && !checkEndpoint(this.endpoint) ? this.endpoint : undefined;
  }

  private logUnknownCriterion(): void {
    const missing = this.missingCriterion();
    if (missing && !this.loggedMissing) console.error(`[lc-elements] <${this.localName}> ${MISSING_CRITERION}`);
    this.loggedMissing = missing;
    const unknown = this.unknownCriterion();
    // The card reports an unknown criterion it passes down; a rating reports only its own.
    const own = unknown && !this.inheritsCriterion() ? unknown : undefined;
    this.unknown.set('criterion', own ? unknownCriterionProblem(own, this.setId()) : undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-self-rating': LcSelfRating;
  }
}
