import { LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { query } from 'lit/decorators/query.js';
import { state } from 'lit/decorators/state.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssProps } from '../../core/css-props.js';
import { html } from 'lit/static-html.js';
import * as z from '../../core/zod.js';
import { CommunityController } from '../../core/community-controller.js';
import { checkAttribute, checkEndpoint, ConfigProblems, localeTagCheck, reflectChosen } from '../../core/config.js';
import { headingTag } from '../../core/headings.js';
import { elementErrorAlert, problemSentences, problemsMeaning } from '../../core/problems.js';
import { quoting } from '../../core/reason.js';
import { VERSION } from '../../core/define.js';
import { sameRespondent } from '../../core/build-envelope.js';
import { validateEnvelope, type AssessmentData, type Envelope } from '../../core/envelope.js';
import { coreMsg, coreStrings } from '../../core/i18n/core-strings.js';
import {
  overrideProblemIn,
  type LocaleTable,
  type StringOverrides,
  type StringTable,
  englishTexts,
  type Message,
} from '../../core/i18n/i18n.js';
import { getOutbox, keptForElement, type OutboxEntry, type StoragePolicy } from '../../core/outbox.js';
import {
  LOCKED_STATES,
  onceHeld,
  queuedKey,
  staleSend,
  SubmissionController,
  type SubmissionState,
} from '../../core/submission-controller.js';
import type { CriteriaSet, Criterion } from '../../criteria/schema.js';
import type { LcSelfRating } from '../self-rating/lc-self-rating.js';
import {
  AnswersWriter,
  answersKey,
  getAnswersStore,
  legacyAnswersKey,
  restorableAnswers,
  type AnswersStore,
  type KeptAnswers,
} from './answers-store.js';
import { errorBox, hostDefaults, srOnly, statusBox } from '../../core/shared-styles.js';
import { firstPaintRoot } from '../../core/ssr.js';
import { styles } from './lc-assessment.styles.js';
import {
  answerOf,
  assessmentAnswers,
  EMPTY_ANSWER,
  hasContent,
  sameAnswer,
  isAnswered,
  nextUnanswered,
  progressOf,
  sendBlock,
  type Answer,
  type AnswerValue,
  type Answers,
  type Progress,
  type SendBlock,
} from './progress.js';
import { REVIEW_STEP, hashScope, neighbours, stepFromHash, stepHash, stepsOf, urlWithHash } from './steps.js';
import { msg, strings, type AssessmentStringKey } from './strings.js';
import { tabChannel } from '../../core/tabs.js';
import { underLock } from '../../core/locks.js';
import { liveRegion } from '../../core/live-region.js';

/** `page`: every criterion on one page. `steps`: one criterion at a time, with previous/next and a step list. */
export type AssessmentLayout = 'page' | 'steps';
export type AssessmentCardVariant = 'expanded' | 'compact';

const layoutSchema = z.enum(['page', 'steps'], 'must be "page" or "steps"');
const cardVariantSchema = z.enum(['expanded', 'compact'], 'must be "expanded" or "compact"');
const headingLevelSchema = z
  .number('must be a whole number from 2 to 5')
  .check(z.int('must be a whole number from 2 to 5'), z.gte(2, 'must be 2 to 5'), z.lte(5, 'must be 2 to 5'));

const DEFAULT_HEADING_LEVEL = 2;
/** The text properties, with their defaults (see ConfigProblems.takeProperties). */
const TEXT = { layout: 'page', cardVariant: undefined, endpoint: undefined, locale: undefined };
/** While a submission is on its way (or done), the answers are shown read-only in the review. */
const ANSWER_VALUES = new Set<string>(['', '0', '1', '2', '3', '4', 'dont-know']);

/**
 * The same assessment open in two tabs: each answer given in one reaches the other (a
 * BroadcastChannel of this origin: in memory, nothing stored), so neither saves its answers over
 * the other's; and so does each submission of them (sent, waiting, refused, taken back by "change
 * my answers"), so the other tab shows it and never sends the same answers a second time. One
 * channel per page; the connected assessments listen to it.
 */
export const ANSWERS_CHANNEL = 'lc-elements-assessment';
interface AnswerMessage {
  key: string;
  id?: string;
  answer?: Answer;
  clear?: boolean;
  submission?: SubmissionNews;
}
/** A submission of the answers, as it stands in the tab that tells it. */
interface SubmissionNews {
  envelope: Envelope;
  /** Its state there; `idle`: the person chose "change my answers" there (the next send replaces it). */
  state: SubmissionState;
  /** With `idle`: it was still waiting in the outbox when it was taken back. */
  waiting?: boolean;
  message?: string;
  messageLang?: string | undefined;
  serverBusy?: boolean;
}
const SUBMISSION_STATES = new Set<string>(['idle', 'sending', 'sent', 'queued', 'rejected', 'handled']);
/** Sends of the same answers, from every tab of the origin, one at a time (a Web Lock per kept-answers key). */
const SEND_LOCK = 'lc-elements-assessment-send';
const otherTabs = tabChannel<AnswerMessage>(ANSWERS_CHANNEL);

/** A polite announcement: its string key (none before the first) and a count that re-announces it. */
interface Announcement {
  key?: AssessmentStringKey;
  vars?: Record<string, number> | undefined;
  n: number;
}

/** The parts of `<lc-self-rating>` this element reads (its public API). */
/** A submission of kept answers the page's outbox knows (see LcAssessment.submitted). */
type Submitted = { envelope: Envelope; serverBusy: boolean; kept?: OutboxEntry };
/**
 * A key answers of these people may have been kept under before (see olderAnswers); `legacy`: the
 * one without a perspective; `earlierOnly`: only an earlier build's record there is theirs.
 */
type OlderKey = { key: string; legacy: boolean; exact?: boolean; earlierOnly?: boolean };
type RatingElement = HTMLElement & { value: string; commentText: string; evidenceUrl: string };
/** The field a send check's "Go to" link takes the focus to: the one that stops the send. */
type FieldToMend = 'evidence' | 'level';

/**
 * The field to mend for a send check: a bad link, or the level a comment or link needs (its
 * options, not the question's heading: the person is asked to choose one). Other checks lead to
 * the question itself.
 */
function fieldToMend(reason: SendBlock['reason'] | undefined): FieldToMend | undefined {
  return reason === 'evidence' ? 'evidence' : reason === 'unleveled' ? 'level' : undefined;
}

/**
 * The whole self-assessment in one tag: every criterion of the active set as an
 * `<lc-criterion-card>` with an `<lc-self-rating>`, on one page (`layout="page"`) or one at a time
 * (`layout="steps"`, with previous/next, a step list and the URL hash kept in step, so the browser's
 * back button works). Progress is shown as text and a progress bar; unanswered criteria are marked
 * in the step list and the review, with a "next unanswered" link.
 *
 * Answers are kept as the person goes, under the storage policy of `<lc-community storage>`
 * (`device`: IndexedDB database `lc-elements-assessment`, store `answers`, one record per
 * community + round + criteria set + perspective, and respondent when the host names one; `none`:
 * the page's memory), restored when they come back (as the same perspective and respondent: a
 * shared device never shows one perspective's or one person's answers to another, even when the
 * host switches them without a reload), and cleared by "start again" (after a confirmation) or
 * once they have been delivered.
 *
 * Printed, `layout="steps"` shows the step on screen: a person prints every answer, comments whole,
 * from the review.
 *
 * Before sending, a review lists every answer (and every "don't know") with a link back to it;
 * sending posts one `assessment` envelope (`data.answers: [{ criterion, level, comment?,
 * evidence? }]`, `level: null` for "don't know") through the page's outbox. Without
 * `allow-partial`, every criterion must be answered first; with it, a comment or link goes only
 * with a level, so one on a criterion without a level stops the send (named, with a link to its
 * options).
 *
 * The URL hash names the step: `#lc-step-<criterion>` or `#lc-review`. With an `id` (a letter,
 * then letters, digits, `-` or `_`), `#<id>.lc-step-<criterion>` and `#<id>.lc-review`: give each
 * stepped assessment an id when a page has more than one, and each follows its own steps.
 *
 * @summary The Common Criteria self-assessment in one tag: progress, resume, review and one submission.
 *
 * @slot - An introduction, shown above the questions (and the review).
 *
 * @attr {string} id - The global attribute, also read here: it scopes the step hashes of `layout="steps"` (`#<id>.lc-step-<criterion>`), so several stepped assessments on one page each follow their own.
 *
 * @csspart base - The wrapper of everything.
 * @csspart error - Configuration problems, or criteria that failed to load.
 * @csspart loading - Shown while the criteria load.
 * @csspart progress - The progress block (text, bar, next-unanswered link).
 * @csspart progress-text - "5 of 12 answered".
 * @csspart progress-bar - The progress bar's track (`role="progressbar"`).
 * @csspart progress-value - The progress bar's filled part.
 * @csspart next-unanswered - The link to the next unanswered criterion.
 * @csspart all-answered - Shown instead of that link once every criterion is answered.
 * @csspart announcement - The polite live region telling that answers were restored or cleared.
 * @csspart notice - The notice shown when answers cannot be kept on the device.
 * @csspart kept-note - The note that answers are kept on this device until sent (storage policy `device`).
 * @csspart restart - The "start again" button.
 * @csspart steps - The step list's `<nav>`.
 * @csspart step-link - Each link of the step list; the current one has `aria-current="step"`.
 * @csspart form - The `<form>` holding the ratings.
 * @csspart question - Each criterion's section (heading and card).
 * @csspart step-heading - The heading of each step ("Question 3 of 12", "Review your answers"); focused on step change.
 * @csspart card - Each `<lc-criterion-card>`.
 * @csspart rating - Each `<lc-self-rating>`.
 * @csspart journal - Each `<lc-reflection-journal>` (with `with-journal`).
 * @csspart pager - The previous/next row.
 * @csspart button - Every button (previous, next, review, send, dialog buttons).
 * @csspart review - The review section.
 * @csspart summary - The list of answers in the review.
 * @csspart summary-item - One answer in the review; `data-answered` tells whether it is answered.
 * @csspart change-link - The link back to a criterion from the review.
 * @csspart send-check - What stops (or limits) sending: unanswered criteria or a bad link, with a link to it.
 * @csspart submit - The send / try again / change my answers button.
 * @csspart status - The polite live region with the submission's state.
 * @csspart dialog - The dialog confirming "start again".
 *
 * @cssprop --lc-assessment-accent - Buttons, progress and focus (falls back to `--lc-accent`).
 * @cssprop --lc-assessment-gap - Space between the parts (falls back to `--lc-space`).
 * @cssprop --lc-assessment-progress-track - The progress bar's track (falls back to `--lc-border-color`).
 * @cssprop --lc-accent - The accent of every `lc-*` element.
 * @cssprop --lc-accent-text - Text on the accent colour.
 * @cssprop --lc-text-color - Text colour.
 * @cssprop --lc-muted-text - Secondary text.
 * @cssprop --lc-surface - Background of the review and the dialog.
 * @cssprop --lc-border-color - Borders.
 * @cssprop --lc-radius - Corner radius.
 * @cssprop --lc-focus-color - Focus ring colour.
 * @cssprop --lc-error-color - Errors.
 * @cssprop --lc-success-color - The "sent" state.
 *
 * @fires input - The person changed an answer (from a nested rating). Never on a programmatic change.
 * @fires change - The person changed an answer (from a nested rating). Never on a programmatic change.
 * @fires lc-submit - Before the assessment is sent; cancelable.
 * @fires lc-submitted - The endpoint acknowledged the assessment.
 * @fires lc-submit-error - The assessment was rejected, or an attempt failed and it stays queued.
 */
export class LcAssessment extends LitElement {
  static version = VERSION;
  /**
   * Every UI text of the element in English, by key, its cards', ratings' and journals'
   * too: the keys its \`strings\` takes (and hands them). Give them all,
   * translated, to show it in a language the library does not ship (docs/developers.md, "Strings").
   */
  static get englishTexts(): Record<string, Message> {
    return englishTexts([coreStrings, strings, ...nestedTables()] as LocaleTable<StringTable>[]);
  }
  static override styles = [hostDefaults, srOnly, statusBox, errorBox, styles];

  /** `page` (default): every criterion on one page; `steps`: one at a time (reflected when set by property). */
  @property() layout: AssessmentLayout = 'page';
  /** Allows sending with some criteria unanswered (they are left out of the submission). */
  @property({ type: Boolean, attribute: 'allow-partial' }) allowPartial = false;
  /** Adds a `<lc-reflection-journal>` to each criterion's card. */
  @property({ type: Boolean, attribute: 'with-journal' }) withJournal = false;
  /** Shows the optional comment field of each rating. */
  @property({ type: Boolean }) comment = false;
  /** Shows the optional evidence link field of each rating. */
  @property({ type: Boolean }) evidence = false;
  /** The cards' variant; defaults to `compact` on a page and `expanded` in steps. */
  @property({ attribute: 'card-variant' }) cardVariant?: AssessmentCardVariant;
  /** The level of the step headings (2–5); the cards and the review take the next levels. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: number = DEFAULT_HEADING_LEVEL;
  /** Where the assessment is posted; defaults to the enclosing `<lc-community>`'s endpoint. */
  @property() endpoint?: string;
  /** Language (a BCP 47 tag); defaults to the community's, then the nearest `lang`. */
  @property() locale?: string;
  /** Per-instance overrides of UI strings, by key (this element's, and the nested elements' and shared keys). */
  @property({ attribute: false }) strings?: StringOverrides;

  @state() private answersState: Answers = {};
  @state() private current: string | undefined;
  /**
   * What the live region says, as a string key: its text is made when it is rendered, so it is in
   * the language the element shows then (a restore may finish while a new language's strings are
   * still loading).
   */
  @state() private announcement: Announcement = { n: 0 };
  @state() private storageFailed = false;
  /** True once the kept answers have been read (or found absent). */
  @state() private loaded = false;
  /** Set when a send was attempted and blocked: the message is then shown as an error. */
  @state() private blockedAttempt = false;

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly problems = new ConfigProblems(this);
  /** The string overrides the nested elements get: those this element found at fault left out (it reports them, once). */
  private nestedStrings: StringOverrides | undefined;
  private readonly community = new CommunityController<CriteriaSet>(
    this,
    () => ({
      locale: this.problems.has('locale') ? undefined : this.locale,
      endpoint: this.problems.has('endpoint') ? undefined : this.endpoint,
    }),
    { content: 'full', strings: [strings] },
  );
  private readonly submission = new SubmissionController(this, this.community, validateEnvelope);
  private readonly writer = new AnswersWriter((error) =>
    console.error(`[lc-elements] <lc-assessment>: answers could not be kept (${(error as Error)?.message ?? error})`),
  );
  private store: AnswersStore | undefined;
  private keyInUse: string | undefined;
  private policyInUse: StoragePolicy | undefined;
  private loadToken = 0;
  private stopListening: (() => void) | undefined;
  /** Hears the other tabs, and the other copies on this page; what this one tells is never told back to it. */
  private readonly onOtherTab = (message: AnswerMessage, samePage?: boolean) => this.fromOtherTab(message, samePage);
  /** The id of the submission of these answers waiting in the outbox, kept with them. */
  private pendingId: string | undefined;
  /** Criteria the person changed on this page load (a late restore never overwrites them). */
  private readonly touched = new Set<string>();
  /** The step shown when the element loaded without a step hash: where "back" to that entry returns. */
  private initialStep: string | undefined;
  /** True once the person has moved between steps (a late restore then leaves the step alone). */
  private navigated = false;
  /** The criterion shown last before the review: where "back to the questions" returns. */
  private lastQuestion: string | undefined;
  private seen: { state: SubmissionState; id: string | undefined } = { state: 'idle', id: undefined };
  /** True while the answers are locked by another tab's submission told as "Send" was on show here. */
  private lockedByTab = false;
  /** The submission state last taken from another tab: not told back to the tabs. */
  private followed: { state: SubmissionState; id: string } | undefined;
  /** The newest submission of these answers this tab knows of (its own, or one another tab told). */
  private latest: Envelope | undefined;
  /**
   * The submissions taken back here or in another tab ("change my answers"): news of one told
   * before that, still crossing it (a delivery one tab heard of later than the other), is stale.
   */
  private readonly takenBack = new Set<string>();
  private loadedResolve: (() => void) | undefined;
  private loadedPromise: Promise<void> = this.newLoadedPromise();

  private readonly onLocation = () => this.followLocation();

  /** The answers so far, by criterion id (a copy). */
  get answers(): Answers {
    return structuredClone(this.answersState);
  }

  /** How far the person is: answered, total, "don't know"s and the unanswered criteria. */
  get progress(): Progress {
    return progressOf(this.criterionIds(), this.answersState);
  }

  /** The criterion shown (in steps), or last navigated to; undefined in the review. */
  get step(): string | undefined {
    return this.current === REVIEW_STEP ? undefined : this.current;
  }

  /** True while the review is shown. */
  get reviewing(): boolean {
    return this.current === REVIEW_STEP;
  }

  /** The submission's state: `idle`, `sending`, `sent`, `queued`, `rejected` or `handled`. */
  get submissionState(): SubmissionState {
    return this.submission.state;
  }

  /** Resolves once kept answers have been looked up and restored (or found absent). */
  get answersRestored(): Promise<void> {
    return this.loadedPromise;
  }

  // The id scopes the step hashes (see stepHash): a new id re-renders the step links.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'id'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'id' && old !== value) this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onLocation);
    window.addEventListener('hashchange', this.onLocation);
    this.stopListening = otherTabs.listen(this.onOtherTab);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onLocation);
    window.removeEventListener('hashchange', this.onLocation);
    this.stopListening?.();
  }

  /** An answer given (or the answers cleared, or a submission made) in another tab, for the same kept answers. */
  private fromOtherTab(message: AnswerMessage, samePage = false): void {
    if (!message || message.key !== this.keyInUse || this.policyInUse !== 'device') return;
    if (message.submission) {
      this.submissionFromTab(message.submission, samePage);
      return;
    }
    if (message.clear) {
      this.answersState = {};
      this.touched.clear();
      return;
    }
    const { id, answer } = message;
    if (!id || !answer || !ANSWER_VALUES.has(answer.value)) return;
    const taken: Answer = {
      value: answer.value,
      comment: String(answer.comment ?? ''),
      evidence: String(answer.evidence ?? ''),
    };
    const before = answerOf(this.answersState, id);
    if (before && sameAnswer(before, taken)) return;
    // Changed there after this tab's submission was made (the two crossed): no longer what was
    // sent, so editable again, and the next send, from either tab, replaces it.
    if (this.isLocked()) this.takeBack();
    this.answersState = { ...this.answersState, [id]: taken };
    // Not to be replaced by older kept answers still being read; saved here too, so the record
    // both tabs write holds every answer.
    this.touched.add(id);
    this.save();
  }

  /**
   * A submission of these answers made in another tab (or its fate there): shown here as it stands
   * there, when this tab's answers are the ones it holds; otherwise (answers given here since) they
   * stay editable, and their send replaces it. News older than what this tab knows is ignored.
   * From a copy of this element on this page (`samePage`): followed quietly, that copy tells its
   * events and says its states (the page would hear them twice).
   */
  private submissionFromTab(news: SubmissionNews, samePage = false): void {
    if (!news || !SUBMISSION_STATES.has(news.state) || validateEnvelope(news.envelope) !== undefined) return;
    const envelope = news.envelope;
    // Another person's (a tab of a shared device where another respondent answers): not followed,
    // and never replaced by what this person sends.
    if (envelope.kind !== 'assessment' || !this.fromRespondent(envelope)) return;
    const latest = this.latest;
    if (latest && latest.id !== envelope.id && isNewer(latest, envelope)) return;
    if (news.state !== 'idle' && this.takenBack.has(envelope.id)) return;
    this.latest = envelope;
    const s = this.submission;
    if (news.state === 'idle') {
      this.takenBack.add(envelope.id);
      // "Change my answers" there: editable here too.
      if (this.isLocked()) s.reset();
      s.replace(envelope.id, news.waiting === true);
      return;
    }
    if (s.envelope?.id === envelope.id || this.holds(envelope)) {
      if (s.envelope?.id === envelope.id && s.state === news.state) return;
      // The person here may be pressing "Send" as it arrives (both tabs sending at once).
      if (this.current === REVIEW_STEP && !this.isLocked() && LOCKED_STATES.has(news.state)) this.lockedByTab = true;
      this.followed = { state: news.state, id: envelope.id };
      s.follow(envelope, news.state, String(news.message ?? ''), news.messageLang, news.serverBusy === true, samePage);
    } else if (news.state !== 'rejected') {
      if (this.isLocked()) s.reset();
      s.replace(envelope.id, news.state === 'sending' || news.state === 'queued');
    }
  }

  /** Back to editing the submitted answers: the next send replaces that submission. */
  private takeBack(): void {
    const id = this.submission.envelope?.id;
    if (id) this.takenBack.add(id);
    this.submission.change();
  }

  /** True when `envelope` holds exactly the answers this tab would send now. */
  private holds(envelope: Envelope): boolean {
    if (envelope.kind !== 'assessment') return false;
    const line = (a: AssessmentData['answers'][number]) =>
      JSON.stringify([a.criterion, a.level, a.comment ?? '', a.evidence ?? '']);
    const here = assessmentAnswers(this.criterionIds(), this.sendable()).map(line);
    const there = envelope.data.answers.map(line);
    return here.length === there.length && here.every((l, i) => l === there[i]);
  }

  /** Tells the other tabs of this element's submission as it stands (`idle`: taken back by "change my answers"). */
  private submissionToOtherTabs(state: SubmissionState, envelope: Envelope, waiting = false): void {
    const s = this.submission;
    this.toOtherTabs({
      submission:
        state === 'idle'
          ? { envelope, state, waiting }
          : { envelope, state, message: s.message, messageLang: s.messageLang, serverBusy: s.serverBusy },
    });
  }

  /** Tells the other tabs (same origin, same kept answers) of an answer or a clearing. */
  private toOtherTabs(message: Omit<AnswerMessage, 'key'>): void {
    const key = this.keyInUse;
    if (!key || this.policyInUse !== 'device') return;
    otherTabs.post({ key, ...message }, this.onOtherTab);
  }

  /** Shows a criterion (by id) or, with `'review'`, the review; moves focus to its heading. */
  goTo(step: string): void {
    this.go(step === 'review' && !this.criterionIds().includes('review') ? REVIEW_STEP : step, {
      push: true,
      focus: true,
    });
  }

  /**
   * Sends the answers as one `assessment` submission. When something is missing (unanswered
   * criteria without `allow-partial`, a bad evidence link), shows the review with the reason
   * instead. Resolves with the envelope, if one was made.
   */
  async submit(): Promise<Envelope | undefined> {
    const s = this.submission.state;
    if (s === 'sending' || LOCKED_STATES.has(s) || !this.community.criteriaSet) return undefined;
    const ids = this.criterionIds();
    const answers = this.sendable();
    if (sendBlock(ids, answers, this.allowPartial)) {
      this.blockedAttempt = true;
      if (this.current !== REVIEW_STEP) this.go(REVIEW_STEP, { push: true });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#send-check')?.focus();
      return undefined;
    }
    this.blockedAttempt = false;
    return this.oneSendAtATime(() => this.send());
  }

  /**
   * Runs a send while no other tab sends the same answers: a send from another tab that came
   * first has then been told here (and noted with the kept answers), so this one follows it or
   * replaces it instead of adding a second submission.
   */
  private async oneSendAtATime<T>(work: () => Promise<T>): Promise<T> {
    const key = this.keyInUse;
    if (!key || this.policyInUse !== 'device') return work();
    return underLock(`${SEND_LOCK} ${key}`, work);
  }

  private async send(): Promise<Envelope | undefined> {
    const s = this.submission;
    // Sent from another tab meanwhile: shown here, not sent again.
    if (s.state === 'sending' || this.isLocked()) return undefined;
    const key = this.keyInUse;
    const store = this.store;
    if (key && store && this.policyInUse === 'device') {
      // A submission of these answers another tab left waiting, not told here: this one replaces it.
      // Never another respondent's (the last person at a shared device): that one is still delivered.
      const pending = (await store.read(key).catch(() => undefined))?.pending;
      const others = pending ? (await this.submitted('device', pending))?.envelope : undefined;
      const mine = !others || this.fromRespondent(others);
      if (pending && mine && pending !== s.replacesId && pending !== s.envelope?.id) s.replace(pending, true);
      if (s.state !== 'idle' && s.state !== 'rejected') return undefined;
    }
    const ids = this.criterionIds();
    const answers = this.sendable();
    if (sendBlock(ids, answers, this.allowPartial)) return undefined;
    const envelope = await s.submit('assessment', { answers: assessmentAnswers(ids, answers) });
    // Told to the other tabs and noted with the kept answers before another send may look.
    await this.updateComplete;
    await this.writer.idle();
    return envelope;
  }

  /** Clears every answer (here and on the device) without asking; "start again" asks first. */
  async clearAnswers(): Promise<void> {
    this.answersState = {};
    this.touched.clear();
    this.blockedAttempt = false;
    if (this.submission.state !== 'sending') this.submission.reset();
    this.toOtherTabs({ clear: true });
    const key = this.keyInUse;
    const store = this.store;
    if (key && store) await this.writer.schedule(key, () => store.clear(key));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Its overrides go to its cards, ratings and journals too: their keys are its texts as well.
    this.problems.takeProperties(
      changed,
      TEXT,
      [strings, ...nestedTables()],
      ['allowPartial', 'withJournal', 'comment', 'evidence'],
    );
    if (changed.has('strings')) this.nestedStrings = this.problems.has('strings') ? usable(this.strings) : this.strings;
    reflectChosen(this, changed, { layout: 'page' });
    if (
      changed.has('layout') ||
      changed.has('cardVariant') ||
      changed.has('headingLevel') ||
      changed.has('locale') ||
      changed.has('endpoint')
    ) {
      this.checkConfig();
    }
    this.syncStorage();
  }

  protected override updated(): void {
    const s = this.submission.state;
    const envelope = this.submission.envelope;
    const id = envelope?.id;
    const { key } = this.announcement;
    if (s === 'queued' && (key === 'resume.pending' || key === 'resume.pending-server') && key !== this.pendingKey()) {
      // What the answers wait for changed since the welcome (the server busy on the try after the
      // reload, or the connection lost): it is no longer true, and the status beside the button
      // says what is, so the welcome goes rather than be said again in other words.
      this.announcement = { n: this.announcement.n + 1 };
    }
    if (s === this.seen.state && id === this.seen.id) return;
    this.seen = { state: s, id };
    if (!LOCKED_STATES.has(s)) this.lockedByTab = false;
    if (envelope && envelope.kind === 'assessment' && (!this.latest || isNewer(envelope, this.latest))) {
      this.latest = envelope;
    }
    const followed = this.followed?.state === s && this.followed.id === id;
    // Made or settled here (a refusal only by the endpoint, of one that went out): the other tabs
    // show it too. (Not told by the state before: sending and refused can fall in one update.)
    const told = s !== 'idle' && (s !== 'rejected' || this.submission.refused);
    if (envelope && !followed && told) this.submissionToOtherTabs(s, envelope);
    if (s === 'sent' || s === 'handled') {
      // Delivered, or taken over by the host (lc-submit's preventDefault): nothing is left to
      // resume. "Your answers wait for the connection", "your answers have been restored" (with its
      // "start again") are no longer true: the status beside the button says they were sent.
      if (this.announcement.key?.startsWith('resume.')) this.announcement = { n: this.announcement.n + 1 };
      this.pendingId = undefined;
      const key = this.keyInUse;
      const store = this.store;
      if (key && store) void this.writer.schedule(key, () => store.clear(key));
    } else if ((s === 'sending' || s === 'queued') && id) {
      // The outbox keeps the submission where the answers are kept: on the device, a reload finds
      // it there, not as unsent answers; in the page's memory (storage "none", or no storage), an
      // element made again on the page does (a CMS preview, a framework's render).
      this.pendingId = id;
      this.save();
    } else if (this.pendingId) {
      this.pendingId = undefined;
      this.save();
    } else if (s === 'idle' && this.submission.replacesId) {
      // Taken back to be changed ("Change my answers", here or in another tab): kept on the device
      // again, with the submission the next send replaces, so a reload neither loses them nor
      // makes that send count as a second assessment.
      this.save();
    }
    if (LOCKED_STATES.has(s) && this.current !== REVIEW_STEP) this.go(REVIEW_STEP, { push: true });
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
    return html`<div part="base" dir=${c.dir} lang=${c.langTag}>
      ${this.renderProblems()}
      <slot></slot>
      ${this.renderBody()}
      <div part="announcement" role="status" ${liveRegion({ lang: c.langTag, meaning: this.announcement.n })}>
        ${keyed(this.announcement.n, html`<span>${this.announcementText()}</span>`)}
      </div>
      ${this.renderDialog()}
    </div>`;
  }

  // Rendering

  private renderProblems() {
    const locale = this.community.locale;
    const lines = problemSentences(this.problems.list, locale, this.strings);
    return elementErrorAlert(lines, problemsMeaning(this.problems.list), this.community, this.strings);
  }

  private renderBody() {
    const set = this.community.criteriaSet;
    if (!set) {
      if (this.community.criteriaError) return nothing;
      return html`<p part="loading">${coreMsg(this.community.locale, 'criteria.loading', undefined, this.strings)}</p>`;
    }
    const reviewing = this.current === REVIEW_STEP;
    return html`${this.renderProgress()} ${this.renderSteps()}
      <form
        part="form"
        novalidate
        ?hidden=${reviewing}
        @submit=${this.onFormSubmit}
        @input=${this.onAnswer}
        @change=${this.onAnswer}
      >
        ${repeat(
          set.criteria,
          (criterion) => criterion.id,
          (criterion, i) => this.renderQuestion(criterion, i, set.criteria.length),
        )}
        ${this.renderPager()}
      </form>
      ${this.renderReview()}`;
  }

  private renderProgress() {
    const p = this.progress;
    const text = this.t('progress.text', { count: p.answered, total: p.total });
    const percent = p.total ? Math.round((p.answered / p.total) * 100) : 0;
    // In steps, the next one after the current step; on a page, the first one.
    const next = nextUnanswered(
      this.criterionIds(),
      this.answersState,
      this.layout === 'steps' ? this.step : undefined,
    );
    const locked = this.isLocked();
    const hasAnything = Object.values(this.answersState).some(hasContent);
    return html`<div part="progress">
      <p part="progress-text">${text}</p>
      <div
        part="progress-bar"
        role="progressbar"
        aria-label=${this.t('progress.label')}
        aria-valuemin="0"
        aria-valuemax=${p.total}
        aria-valuenow=${p.answered}
        aria-valuetext=${text}
      >
        <div part="progress-value" ${cssProps({ inlineSize: `${percent}%` })}></div>
      </div>
      <div class="progress-actions">
        ${
          locked
            ? nothing
            : next
              ? html`<a
                  part="next-unanswered"
                  href=${this.stepHref(next)}
                  @click=${(e: MouseEvent) => this.onStepLink(e, next)}
                  >${this.t('nav.next-unanswered')}</a
                >`
              : html`<p part="all-answered">${this.t('nav.all-answered')}</p>`
        }
        ${
          hasAnything && !locked
            ? html`<button part="restart button" type="button" class="secondary" @click=${this.openDialog}>
                ${this.t('restart.button')}
              </button>`
            : nothing
        }
      </div>
      ${
        // Kept in memory only: the browser refused, or the host chose storage="none".
        this.storageFailed || this.policyInUse === 'none'
          ? html`<p part="notice">${this.t('resume.memory')}</p>`
          : this.policyInUse === 'device' && !locked
            ? html`<p part="kept-note">${this.t('resume.kept')}</p>`
            : nothing
      }
    </div>`;
  }

  private renderSteps() {
    if (this.isLocked()) return nothing;
    const set = this.community.criteriaSet!;
    const lang = this.contentLang();
    const stepped = this.layout === 'steps';
    const currentAttr = (step: string) => (stepped && this.current === step ? 'step' : undefined);
    return html`<nav part="steps" aria-label=${this.t('steps.label')}>
      <ol>
        ${set.criteria.map((criterion) => {
          const answered = isAnswered(answerOf(this.answersState, criterion.id));
          return html`<li data-answered=${answered ? 'true' : 'false'}>
            <a
              part="step-link"
              href=${this.stepHref(criterion.id)}
              aria-current=${ifDefined(currentAttr(criterion.id))}
              @click=${(e: MouseEvent) => this.onStepLink(e, criterion.id)}
              ><span class="mark" aria-hidden="true">${answered ? '✓' : ''}</span
              ><span class="step-title" lang=${ifDefined(lang)}>${criterion.title}</span
              ><span class="sr-only">(${this.t(answered ? 'step.answered' : 'step.unanswered')})</span></a
            >
          </li>`;
        })}
        <li class="review-step">
          <a
            part="step-link"
            href=${this.stepHref(REVIEW_STEP)}
            aria-current=${ifDefined(this.current === REVIEW_STEP ? 'step' : undefined)}
            @click=${(e: MouseEvent) => this.onStepLink(e, REVIEW_STEP)}
            ><span class="mark" aria-hidden="true">→</span><span class="step-title">${this.t('step.review')}</span></a
          >
        </li>
      </ol>
    </nav>`;
  }

  private renderQuestion(criterion: Criterion, index: number, total: number) {
    const id = criterion.id;
    const answer = answerOf(this.answersState, id) ?? EMPTY_ANSWER;
    const hidden = this.layout === 'steps' && this.current !== id;
    const heading = headingTag(this.level());
    const variant = this.cardVariant && !this.problems.has('card-variant') ? this.cardVariant : undefined;
    // Named "Question 3 of 12: Trust" in one hidden span: a visually hidden span beside the visible
    // text would be read with a space before its colon (Chromium spaces out an out-of-flow box).
    const step = this.t('step.number', { number: index + 1, total });
    return html`<section part="question" data-criterion=${id} ?hidden=${hidden}>
      <${heading} part="step-heading" id="h-${id}" tabindex="-1"
        ><span aria-hidden="true">${step}</span><span class="sr-only"
          >${step}: <span lang=${ifDefined(this.contentLang())}>${criterion.title}</span></span
        ></${heading}>
      <lc-criterion-card
        part="card"
        criterion=${id}
        heading-level=${this.level() + 1}
        variant=${variant ?? (this.layout === 'steps' ? 'expanded' : 'compact')}
        .strings=${this.nestedStrings}
      >
        <lc-self-rating
          part="rating"
          slot="rating"
          criterion=${id}
          name=${id}
          data-criterion=${id}
          ?comment=${this.comment}
          ?evidence=${this.evidence}
          .value=${live(answer.value)}
          .commentText=${live(answer.comment)}
          .evidenceUrl=${live(answer.evidence)}
          .strings=${this.nestedStrings}
        ></lc-self-rating>
        ${
          this.withJournal
            ? html`<lc-reflection-journal
                part="journal"
                slot="journal"
                criterion=${id}
                heading-level=${Math.min(this.level() + 2, 6)}
                endpoint=${ifDefined(this.validEndpoint())}
                .strings=${this.nestedStrings}
              ></lc-reflection-journal>`
            : nothing
        }
      </lc-criterion-card>
    </section>`;
  }

  private renderPager() {
    if (this.layout !== 'steps') {
      return html`<div part="pager">
        <button
          part="button"
          type="button"
          class="primary"
          @click=${() => this.go(REVIEW_STEP, { push: true, focus: true })}
        >
          ${this.t('nav.to-review')}
        </button>
      </div>`;
    }
    const current = this.current;
    if (!current || current === REVIEW_STEP) return nothing;
    const { previous, next } = neighbours(this.steps(), current);
    return html`<div part="pager">
      ${
        previous
          ? html`<button
              part="button"
              type="button"
              class="secondary"
              data-nav="previous"
              @click=${() => this.go(previous, { push: true, focus: true })}
            >
              ${this.t('nav.previous')}
            </button>`
          : nothing
      }
      ${
        next
          ? html`<button
              part="button"
              type="button"
              class="primary"
              data-nav="next"
              @click=${() => this.go(next, { push: true, focus: true })}
            >
              ${this.t(next === REVIEW_STEP ? 'nav.to-review' : 'nav.next')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderReview() {
    const set = this.community.criteriaSet!;
    const reviewing = this.current === REVIEW_STEP;
    const heading = headingTag(this.level());
    const sub = headingTag(this.level() + 1);
    const locked = this.isLocked();
    const lang = this.contentLang();
    return html`<section part="review" ?hidden=${!reviewing} aria-labelledby="review-heading">
      <${heading} part="step-heading" id="review-heading" tabindex="-1">${this.t('review.heading')}</${heading}>
      <p class="intro">${this.t('review.intro')}</p>
      <ol part="summary">
        ${set.criteria.map((criterion) => {
          const id = criterion.id;
          const answer = answerOf(this.answersState, id) ?? EMPTY_ANSWER;
          const answered = isAnswered(answer);
          const comment = this.comment ? answer.comment.trim() : '';
          const evidence = this.evidence ? answer.evidence.trim() : '';
          return html`<li part="summary-item" data-criterion=${id} data-answered=${answered ? 'true' : 'false'}>
            <${sub} id="rv-title-${id}" class="summary-title" lang=${ifDefined(lang)}>${criterion.title}</${sub}>
            <dl>
              <div>
                <dt>${this.t('review.answer')}</dt>
                <dd class=${answered ? 'answer' : 'answer missing'}>${this.answerText(answer.value)}</dd>
              </div>
              ${
                comment
                  ? html`<div>
                      <dt>${this.t('review.comment')}</dt>
                      <dd class="comment" dir="auto">${comment}</dd>
                    </div>`
                  : nothing
              }
              ${
                evidence
                  ? html`<div>
                      <dt>${this.t('review.evidence')}</dt>
                      <dd class="evidence" dir="ltr">${evidence}</dd>
                    </div>`
                  : nothing
              }
            </dl>
            ${
              locked
                ? nothing
                : html`<a
                    part="change-link"
                    id="rv-change-${id}"
                    href=${this.stepHref(id)}
                    aria-labelledby="rv-change-${id} rv-title-${id}"
                    @click=${(e: MouseEvent) => this.onStepLink(e, id)}
                    >${this.t(answered ? 'review.change' : 'review.answer-it')}</a
                  >`
            }
          </li>`;
        })}
      </ol>
      ${this.renderSendCheck()} ${this.renderSend()}
    </section>`;
  }

  private renderSendCheck() {
    const s = this.submission.state;
    const block = s === 'idle' || s === 'rejected' ? this.currentBlock() : undefined;
    const partial = !block && this.allowPartial && s !== 'sent' ? this.progress.unanswered.length : 0;
    let text: string | TemplateResult = '';
    let target: string | undefined;
    if (block?.reason === 'incomplete') {
      text = this.t('send.incomplete', { count: block.unanswered.length });
      target = block.unanswered[0];
    } else if (block?.reason === 'empty') {
      text = this.t('send.empty');
      target = this.criterionIds()[0];
    } else if (block?.reason === 'unleveled' || block?.reason === 'evidence') {
      text = this.withTitle(block.reason === 'evidence' ? 'send.evidence' : 'send.unleveled', block.criterion);
      target = block.criterion;
    } else if (partial) {
      text = this.t('send.partial', { count: partial });
    }
    const error = !!block && this.blockedAttempt;
    return html`<div
      part="send-check"
      id="send-check"
      tabindex="-1"
      data-error=${error ? 'true' : 'false'}
      ?hidden=${!text}
    >
      <p>${text}</p>
      ${
        target
          ? html`<p>
              <a
                href=${this.stepHref(target)}
                @click=${(e: MouseEvent) => this.onStepLink(e, target, fieldToMend(block?.reason))}
                >${this.withTitle('send.go-to', target)}</a
              >
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderSend() {
    const s = this.submission;
    const locale = this.community.locale;
    const locked = this.isLocked();
    const label =
      s.state === 'sending'
        ? coreMsg(locale, 'submit.sending', undefined, this.strings)
        : locked
          ? this.t('send.change')
          : s.state === 'rejected'
            ? coreMsg(locale, 'submit.retry', undefined, this.strings)
            : this.t('send.button');
    // Following a copy of this element on this page: that copy says the states (see SubmissionController.quiet).
    const live = s.quiet ? 'off' : undefined;
    // The status's text only, no white space around it: what the region says, and what a host reads.
    const region = liveRegion({ lang: this.community.langTag, meaning: s.meaning, live });
    return html`${
        // Under the policy "none" keeping nothing is the host's choice, not the browser's failure.
        // When the answers could not be kept either, the notice above says it for both: once.
        s.storageAvailable || this.policyInUse !== 'device' || this.storageFailed
          ? nothing
          : html`<p part="notice">${coreMsg(locale, 'storage.unavailable', undefined, this.strings)}</p>`
      }
      <div class="send-row">
        ${
          locked
            ? nothing
            : html`<button
                part="button"
                type="button"
                class="secondary"
                data-nav="questions"
                @click=${this.backToQuestions}
              >
                ${this.t('nav.back-to-questions')}
              </button>`
        }
        <button
          part="submit button"
          type="button"
          class=${locked ? 'secondary' : 'primary'}
          data-action=${locked ? 'change' : 'send'}
          aria-disabled=${s.state === 'sending' ? 'true' : 'false'}
          @keydown=${onceHeld}
          @click=${this.onSendClick}
        >
          ${label}
        </button>
      </div>
      <div part="status" role="status" ${region} data-state=${s.state}>${this.statusText()}</div>`;
  }

  private renderDialog() {
    return html`<dialog
      part="dialog"
      aria-labelledby="restart-title"
      aria-describedby="restart-body"
      @close=${this.onDialogClose}
    >
      <p id="restart-title" class="dialog-title">${this.t('restart.title')}</p>
      <p id="restart-body">${this.t('restart.body')}</p>
      <div class="dialog-actions">
        <button part="button" type="button" class="secondary keep" @click=${() => this.dialog?.close('keep')}>
          ${this.t('restart.cancel')}
        </button>
        <button part="button" type="button" class="danger clear" @click=${() => this.dialog?.close('clear')}>
          ${this.t('restart.confirm')}
        </button>
      </div>
    </dialog>`;
  }

  private statusText(): string | TemplateResult {
    const s = this.submission;
    switch (s.state) {
      case 'sending':
        return coreMsg(this.community.locale, 'submit.sending', undefined, this.strings);
      case 'sent':
        return this.t('send.sent');
      case 'queued':
        return this.t(queuedKey('send.queued', s));
      case 'rejected':
        if (!this.community.endpoint) return this.t('send.no-endpoint');
        return s.said((reason) => this.t('send.rejected', { reason }));
      case 'handled':
        return this.t('send.handled');
      default:
        return '';
    }
  }

  private answerText(value: AnswerValue): string {
    const locale = this.community.locale;
    if (!value) return this.t('review.not-answered');
    const label = coreMsg(locale, `scale.${value}.label`, undefined, this.strings);
    if (value === 'dont-know') return label;
    return this.t('review.level', { number: Number(value), label });
  }

  // Events

  private onAnswer(event: Event): void {
    const rating = event.target as RatingElement | null;
    if (!rating || rating.localName !== 'lc-self-rating') return;
    const id = rating.dataset['criterion'];
    if (!id) return;
    const value = ANSWER_VALUES.has(rating.value) ? (rating.value as AnswerValue) : '';
    const before = answerOf(this.answersState, id) ?? EMPTY_ANSWER;
    const answer: Answer = {
      value,
      comment: this.comment ? (rating.commentText ?? '') : before.comment,
      evidence: this.evidence ? (rating.evidenceUrl ?? '') : before.evidence,
    };
    if (sameAnswer(answer, before)) return;
    this.answersState = { ...this.answersState, [id]: answer };
    this.touched.add(id);
    this.save();
    this.toOtherTabs({ id, answer });
  }

  private onFormSubmit(event: Event): void {
    // The ratings never submit on their own inside this form; Enter in a field must not reload the page.
    event.preventDefault();
  }

  /** A link to a step; `toEvidence`: to the step's evidence field, the one to mend (3.3.1). */
  private onStepLink(event: MouseEvent, step: string, field?: FieldToMend): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.go(step, { push: true, focus: !field });
    if (field) void this.focusField(step, field);
  }

  /** Focuses the field a send check asks to mend: the evidence link, or the level (the options). */
  private async focusField(step: string, field: FieldToMend): Promise<void> {
    await this.updateComplete;
    const rating = this.renderRoot.querySelector<LcSelfRating>(`lc-self-rating[data-criterion="${step}"]`);
    await rating?.updateComplete;
    const evidence = rating?.shadowRoot?.querySelector<HTMLElement>('#evidence');
    if (field === 'evidence' && evidence) evidence.focus();
    else if (field === 'level' && rating) rating.focus();
    else void this.focusStep(step);
  }

  private async onSendClick(event: Event): Promise<void> {
    const s = this.submission.state;
    if (s === 'sending') return;
    // What the button said when it was pressed, or the person could see: their own "Send" pressed
    // twice, or another tab's submission, told a moment before, may have changed the state since
    // (both tabs pressing "Send" at once). A "Send" pressed then sends nothing (the answers are on
    // their way); it never takes them back.
    if (staleSend(event, this.submission) || this.pressedTooSoon()) return;
    if (LOCKED_STATES.has(s)) {
      // "Change my answers": back to editing; sending again makes a new submission, which replaces
      // one still waiting to be sent. The other tabs showing it go back to editing too.
      const envelope = this.submission.envelope;
      this.takeBack();
      if (envelope) this.submissionToOtherTabs('idle', envelope, s === 'queued');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#review-heading')?.focus();
      return;
    }
    await this.submit();
  }

  /**
   * True for a press of "Change my answers" the person cannot have meant: until another tab's
   * submission of these answers turned it, a moment ago, the button said "Send" on their screen.
   * The press was aimed at "Send" (the other tab sent these very answers): it does nothing, and
   * never takes back the submission both tabs show (which "change" does in every tab).
   */
  private pressedTooSoon(): boolean {
    // Even a script's click (staleSend counts only a person's): it stands for a press in that tab.
    return this.lockedByTab && this.submission.changeIsNew;
  }

  private backToQuestions(): void {
    const ids = this.criterionIds();
    const back = this.lastQuestion && ids.includes(this.lastQuestion) ? this.lastQuestion : ids[0];
    if (back) this.go(back, { push: true, focus: true });
  }

  private openDialog(): void {
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    dialog.returnValue = '';
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('.keep')?.focus();
  }

  private async onDialogClose(): Promise<void> {
    const dialog = this.dialog;
    if (!dialog) return;
    if (dialog.returnValue !== 'clear') {
      this.renderRoot.querySelector<HTMLElement>('[part~="restart"]')?.focus();
      return;
    }
    const cleared = this.clearAnswers();
    this.announce('restart.done');
    const first = this.criterionIds()[0];
    if (first) this.go(first, { push: true, focus: true });
    await cleared;
  }

  // Navigation

  /** This assessment's hash for a step (scoped by its id, if it has one). */
  private stepHash(step: string): string {
    return stepHash(step, hashScope(this.id));
  }

  /**
   * A step link's `href`: its hash, which a link resolves against the document's base URL. Where a
   * `<base href>` points elsewhere (a CMS's base URL), Ctrl+click, a middle click or "copy link"
   * would open that address: there, the page's own with the hash.
   */
  private stepHref(step: string): string {
    const hash = this.stepHash(step);
    const page = location.href.split('#')[0];
    return this.ownerDocument.baseURI.split('#')[0] === page ? hash : urlWithHash(location.href, hash);
  }

  private stepFromHash(hash: string, steps: readonly string[]): string | undefined {
    return stepFromHash(hash, steps, hashScope(this.id));
  }

  private go(step: string, options: { push?: boolean; focus?: boolean } = {}): void {
    if (!this.steps().includes(step)) return;
    if (this.isLocked() && step !== REVIEW_STEP) return;
    if (step !== REVIEW_STEP) this.blockedAttempt = false;
    const changed = step !== this.current;
    this.navigated = true;
    if (step === REVIEW_STEP && this.current && this.current !== REVIEW_STEP) this.lastQuestion = this.current;
    this.current = step;
    if (options.push) {
      const hash = this.stepHash(step);
      if (location.hash !== hash) history.pushState(history.state, '', urlWithHash(location.href, hash));
    }
    if (changed && Object.values(this.answersState).some(hasContent)) this.save();
    if (options.focus) void this.focusStep(step);
  }

  private async focusStep(step: string): Promise<void> {
    await this.updateComplete;
    const id = step === REVIEW_STEP ? 'review-heading' : `h-${step}`;
    (this.renderRoot as ShadowRoot).getElementById(id)?.focus();
  }

  /** Follows the URL hash after back/forward (or a link to a step): shows that step and focuses it. */
  private followLocation(): void {
    const steps = this.steps();
    if (!steps.length) return;
    const hash = location.hash;
    let step = this.stepFromHash(hash, steps);
    if (step === undefined) {
      // Another part of the page's hash (or an unknown step): not ours to follow.
      if (hash && hash !== '#') return;
      step = this.initialStep ?? steps[0]!;
    }
    if (step === this.current) return;
    if (this.isLocked() && step !== REVIEW_STEP) {
      // The answers are on their way: the review stays.
      history.replaceState(history.state, '', urlWithHash(location.href, this.stepHash(REVIEW_STEP)));
      return;
    }
    this.go(step, { focus: true });
  }

  /**
   * The first step, as soon as the criteria are known (the questions never wait for the device):
   * the one the URL hash names, or the first criterion.
   */
  private startAt(): void {
    if (this.current !== undefined) return;
    const steps = this.steps();
    const fromHash = this.stepFromHash(location.hash, steps);
    const ids = this.criterionIds();
    const step = fromHash ?? ids[0];
    if (!step) return;
    this.current = step;
    this.initialStep = fromHash ? ids[0] : step;
    if (fromHash && this.layout === 'page' && fromHash !== REVIEW_STEP) {
      // As a fragment link would: bring the criterion into view (without moving focus on load).
      void this.updateComplete.then(() =>
        (this.renderRoot as ShadowRoot).getElementById(`h-${fromHash}`)?.scrollIntoView({ block: 'start' }),
      );
    }
  }

  /** Back at the step kept with the answers (in steps), unless the URL names one or the person has moved. */
  private resumeStep(kept: string | undefined): void {
    if (this.navigated || !kept || this.layout !== 'steps') return;
    const steps = this.steps();
    if (!steps.includes(kept) || this.stepFromHash(location.hash, steps)) return;
    this.current = kept;
    this.initialStep = kept;
  }

  // Keeping answers

  private syncStorage(): void {
    const set = this.community.criteriaSet;
    if (!set) return;
    const ctx = this.community.envelopeContext();
    const parts = {
      community: ctx.community,
      // The round the host set (none: empty), not the year a round defaults to: answers kept on
      // 31 December are still these answers on 2 January (and on a device whose clock is off).
      round: this.community.keyRound,
      criteriaSet: set.id,
      perspective: ctx.perspective,
      respondent: ctx.respondent,
    };
    const key = answersKey(parts);
    const policy = this.community.storage;
    if (key === this.keyInUse && policy === this.policyInUse) return;
    const switching = this.keyInUse !== undefined && key !== this.keyInUse;
    this.keyInUse = key;
    this.policyInUse = policy;
    if (switching) {
      // Another community, round, set, perspective or respondent: its own answers (and steps), not
      // these. The answers given so far are kept under their key already (each is saved as it is
      // given), so the person switched back to finds them there, and the next one never sees them.
      this.answersState = {};
      this.touched.clear();
      this.current = undefined;
      this.initialStep = undefined;
      this.lastQuestion = undefined;
      this.navigated = false;
      // What was sent (or is on its way, and still arrives) answered for the others: not shown as
      // these answers', and never replaced by them.
      this.latest = undefined;
      this.lockedByTab = false;
      this.submission.reset();
      this.submission.replace(undefined, false);
    }
    this.startAt();
    // Where answers of these people may have been kept before: without the respondent (an earlier
    // version, or this one before the host named the respondent), and without the perspective.
    const given = this.community.givenContext();
    const givenKey = answersKey({
      ...parts,
      community: given.community,
      round: this.community.givenKeyRound,
      perspective: given.perspective,
    });
    const older: OlderKey[] = [
      // Kept by an earlier build under the names as the page writes them, when that is not the
      // composed form they are keyed by today (a name written decomposed): these people's answers.
      ...(givenKey === key ? [] : [{ key: givenKey, legacy: false, exact: true }]),
      // Kept by an earlier build under the year the round defaulted to (the host sets none): these
      // people's answers, under the key as it was then. A page that sets that year as its round
      // keeps its answers under the same key, marked as this build's: those are never taken here.
      ...(parts.round
        ? []
        : [{ key: answersKey({ ...parts, round: ctx.round }), legacy: false, exact: true, earlierOnly: true }]),
      ...(parts.respondent ? [{ key: answersKey({ ...parts, respondent: undefined }), legacy: false }] : []),
      // Those versions keyed answers by the round sent, the current year when the host set none.
      { key: legacyAnswersKey({ ...parts, round: ctx.round }), legacy: true },
    ];
    void this.load(key, policy, older, parts.perspective ?? '', parts.respondent);
  }

  private async load(
    key: string,
    policy: StoragePolicy,
    older: readonly OlderKey[],
    perspective: string,
    respondent: string | undefined,
  ): Promise<void> {
    const token = ++this.loadToken;
    const store = getAnswersStore(policy);
    this.store = store;
    if (this.loaded) this.loadedPromise = this.newLoadedPromise();
    this.loaded = false;
    let kept: KeptAnswers | undefined;
    try {
      kept = await store.read(key);
      for (const from of older) {
        kept ??= await this.olderAnswers(store, policy, key, from, perspective, respondent);
      }
    } catch (error) {
      console.error(`[lc-elements] <lc-assessment>: kept answers could not be read (${(error as Error)?.message})`);
    }
    if (token !== this.loadToken) return;
    this.storageFailed = policy === 'device' && !store.persistent;
    let waiting: Submitted | undefined;
    if (kept?.pending) {
      waiting = await this.submitted(policy, kept.pending);
      if (token !== this.loadToken) return;
      if (!waiting) {
        // Delivered since (by the outbox, on an earlier load): these answers are done.
        void this.writer.schedule(key, () => store.clear(key));
        kept = undefined;
      } else if (!this.fromRespondent(waiting.envelope)) {
        // Another respondent's, on their way (a kiosk reloaded for the next person): not shown to
        // this one, who starts afresh, nor taken back by what they send. The outbox delivers them.
        waiting = undefined;
        kept = undefined;
      }
    }
    // Taken back after they were sent ("Change my answers"): the next send replaces that one, as
    // it would have before the reload (taking it back too while it waits, as change() does).
    const replaces = !waiting ? kept?.replaces : undefined;
    if (replaces) {
      const entry = await this.waitingEntry(policy, replaces);
      if (token !== this.loadToken) return;
      const mine = !entry || this.fromRespondent(entry.envelope);
      if (this.submission.state === 'idle' && mine) {
        this.submission.replace(replaces, !!entry && !entry.envelope.replaces);
      }
    }
    // The answers restored, counted as the progress counts them (a comment alone is no answer).
    let answered = 0;
    let restoredAny = false;
    if (kept) {
      const restored = restorableAnswers(kept, this.criterionIds());
      const next = { ...this.answersState };
      for (const [id, answer] of Object.entries(restored)) {
        if (this.touched.has(id)) continue;
        next[id] = answer;
        restoredAny = true;
        if (isAnswered(answer)) answered++;
      }
      this.answersState = next;
    }
    this.loaded = true;
    // One refused while the person was away is shown where they sent it from, to be sent again.
    this.resumeStep(waiting && !waiting.kept?.refused ? undefined : kept?.step);
    // "Waiting for the connection" only while it still waits: one delivered meanwhile is said
    // to be sent by the status beside the button. It waits for what that status says it waits
    // for: the connection, or a server that could not take it (the browser online).
    if (waiting && (await this.resumeWaiting(policy, waiting))) {
      if (this.submission.state === 'queued') this.announce(this.pendingKey());
    } else if (restoredAny && replaces) {
      this.announce('resume.changing');
    } else if (restoredAny) {
      this.announce('resume.restored', { count: answered || 1 });
    }
    // Answers given while the kept ones were read: keep them together with the restored ones.
    if (this.touched.size) this.save();
    this.loadedResolve?.();
  }

  /**
   * Answers kept under a key that does not name these people: by an earlier version, without the
   * perspective (see legacyAnswersKey), or without the respondent (an assessment with no respondent,
   * or an earlier version). Taken up only where it is unambiguous that they are these people's, and
   * then moved to their key: when a submission of them waits in the outbox (or has just settled),
   * it names its perspective and respondent; otherwise nothing says whose they are, and only an
   * assessment without a perspective or a respondent (which read that same record before too)
   * takes them. A respondent's assessment never shows answers that may be another person's: they
   * are left for the assessment without a respondent. Answers under the key without a perspective
   * whose submission has been delivered since are done: that record is deleted, as it would have
   * been (one under the key without the respondent is its own assessment's to delete). An `exact`
   * key names these same people (an earlier build's key with the year a round defaulted to): its
   * record is theirs, moved as it is, its `replaces` too; unless, under that year's key, this build
   * wrote it (`hostRound`): that is the page's whose round is that year, left where it is.
   */
  private async olderAnswers(
    store: AnswersStore,
    policy: StoragePolicy,
    key: string,
    from: OlderKey,
    perspective: string,
    respondent: string | undefined,
  ): Promise<KeptAnswers | undefined> {
    const old = await store.read(from.key);
    // Another page's, kept by this build (see OlderKey): left as it is, its `replaces` too.
    if (!old || (from.earlierOnly && old.hostRound)) return undefined;
    if (old.pending) {
      const submitted = await this.submitted(policy, old.pending);
      if (!submitted) {
        if (from.legacy || from.exact) await store.clear(from.key);
        return undefined;
      }
      const envelope = submitted.envelope;
      if ((envelope.perspective ?? '') !== perspective || !sameRespondent(envelope, respondent)) return undefined;
    } else if ((perspective || respondent) && !from.exact) {
      return undefined;
    }
    await store.write(key, old.answers, {
      step: old.step,
      pending: old.pending,
      replaces: from.exact ? old.replaces : undefined,
      savedAt: old.savedAt,
    });
    await store.clear(from.key);
    return old;
  }

  /** True when `envelope` was sent for the page's respondent (see sameRespondent). */
  private fromRespondent(envelope: Envelope): boolean {
    return sameRespondent(envelope, this.community.envelopeContext().respondent);
  }

  /** The submission `id` if it still waits in the page's outbox. */
  private async waitingEntry(policy: StoragePolicy, id: string): Promise<OutboxEntry | undefined> {
    try {
      return (await getOutbox(policy).pending()).find((e) => e.id === id);
    } catch {
      return undefined;
    }
  }

  /**
   * The submission `id` of kept answers: still waiting in the outbox (`serverBusy` when the server
   * answered its last try, busy), or settled on this page load before it was taken up here (the
   * outbox tries what an earlier load left as soon as the page loads, and the answer may arrive
   * before the kept answers are read: shown with its fate, see resumeWaiting), or refused or
   * delivered on a page load without this element (`kept` for it by the outbox). Undefined when it
   * is none of these: settled on an earlier load that showed it.
   */
  private async submitted(policy: StoragePolicy, id: string): Promise<Submitted | undefined> {
    const entry = await this.waitingEntry(policy, id);
    const envelope = entry?.envelope ?? getOutbox(policy).settledEvent(id)?.entry?.envelope;
    return (
      envelope && {
        envelope,
        serverBusy: entry?.lastStatus !== undefined,
        ...(entry && keptForElement(entry) ? { kept: entry } : {}),
      }
    );
  }

  /**
   * Shows a submission made on an earlier visit, still waiting in the outbox, as queued: the
   * submission controller then follows it to delivery. One the outbox settled on this page load
   * before this (delivered or refused) takes that fate at once, with `lc-submitted` or
   * `lc-submit-error` (see SubmissionController.follow); one refused or delivered on a page load
   * without this element is shown so too, refused with the answers kept to send again, or sent
   * (see showKept); a recheck covers an entry gone without a word.
   */
  private async resumeWaiting(policy: StoragePolicy, { envelope, serverBusy, kept }: Submitted): Promise<boolean> {
    const s = this.submission;
    if (s.state !== 'idle') return false;
    this.pendingId = envelope.id;
    s.follow(envelope, 'queued', '', undefined, serverBusy);
    const waiting = () => this.submissionState === 'queued' && s.envelope === envelope;
    if (kept && waiting()) s.showKept(kept);
    if (waiting() && !(await this.waitingEntry(policy, envelope.id)) && waiting()) {
      s.state = 'sent';
      this.requestUpdate();
    }
    return true;
  }

  private save(): void {
    const key = this.keyInUse;
    const store = this.store;
    // Delivered or taken over by the host: nothing is left to keep (see updated), not even the step
    // it moves to for showing them sent (a submission taken up after a reload, delivered as this
    // page loads or before).
    const state = this.submission.state;
    if (!key || !store || !this.loaded || state === 'sent' || state === 'handled') return;
    const answers = this.answersState;
    const step = this.current;
    const pending = this.pendingId;
    // One on its way names what it replaces itself; until then the record says it (see load).
    const replaces = pending ? undefined : this.submission.replacesId;
    const policy = this.policyInUse;
    void this.writer.schedule(key, async () => {
      await store.write(key, answers, { step, pending, replaces });
      const failed = policy === 'device' && !store.persistent;
      if (failed !== this.storageFailed) this.storageFailed = failed;
    });
  }

  // Helpers

  private newLoadedPromise(): Promise<void> {
    return new Promise((resolve) => (this.loadedResolve = resolve));
  }

  /** The welcome back of answers still waiting: what for, as the status's queued text says (see queuedKey). */
  private pendingKey(): 'resume.pending' | 'resume.pending-server' {
    return this.submission.serverBusy ? 'resume.pending-server' : 'resume.pending';
  }

  private announce(key: AssessmentStringKey, vars?: Record<string, number>): void {
    this.announcement = { key, vars, n: this.announcement.n + 1 };
  }

  private announcementText(): string {
    const { key, vars } = this.announcement;
    return key ? this.t(key, vars) : '';
  }

  /** The answers as they would be sent: comment and evidence only when their fields are shown. */
  private sendable(): Answers {
    const out: Answers = {};
    for (const [id, answer] of Object.entries(this.answersState)) {
      out[id] = {
        value: answer.value,
        comment: this.comment ? answer.comment : '',
        evidence: this.evidence ? answer.evidence : '',
      };
    }
    return out;
  }

  private currentBlock(): SendBlock | undefined {
    return sendBlock(this.criterionIds(), this.sendable(), this.allowPartial);
  }

  private isLocked(): boolean {
    return LOCKED_STATES.has(this.submission.state);
  }

  private criterionIds(): string[] {
    return this.community.criteriaSet?.criteria.map((c) => c.id) ?? [];
  }

  private steps(): string[] {
    const ids = this.criterionIds();
    return ids.length ? stepsOf(ids) : [];
  }

  /**
   * A UI sentence naming a criterion ("Go to “{title}”"). A title in another language than the
   * UI's (English criteria in an Arabic UI) is marked inside the sentence with its `lang` (and its
   * `dir` where its direction differs), so assistive technology reads it in its own language, and
   * wrapped in Unicode isolates, so its direction does not reorder the sentence around it (in the
   * link's accessible name too, where no element isolates it).
   */
  private withTitle(key: 'send.go-to' | 'send.evidence' | 'send.unleveled', id: string): string | TemplateResult {
    const lang = this.contentLang();
    const title = this.community.criterion(id)?.title ?? id;
    const text = lang ? `\u2068${title}\u2069` : title;
    return quoting((t) => this.t(key, { title: t }), text, lang, this.community.dir);
  }

  private level(): number {
    return this.problems.has('heading-level') ? DEFAULT_HEADING_LEVEL : this.headingLevel;
  }

  private t(key: AssessmentStringKey, vars?: Record<string, string | number>): string {
    return msg(this.community.locale, key, vars, this.strings);
  }

  /** The content's language when it differs from the UI's (English criteria in an Arabic UI). */
  private contentLang(): string | undefined {
    return this.community.contentText().lang;
  }

  private validEndpoint(): string | undefined {
    return this.endpoint !== undefined && !this.problems.has('endpoint') ? this.endpoint : undefined;
  }

  private checkConfig(): void {
    this.problems.replace([
      checkAttribute('layout', layoutSchema, this.layout),
      checkAttribute('card-variant', cardVariantSchema, this.cardVariant),
      checkAttribute('heading-level', headingLevelSchema, this.headingLevel),
      checkAttribute('locale', localeTagCheck, this.locale),
      checkEndpoint(this.endpoint),
    ]);
  }
}

/**
 * The string tables of the elements it nests, from their classes (`texts`): imported here, they
 * would be split out of each element's file into a chunk of their own, one more file for a page
 * with only a rating. A class without them (another copy of the library) is left out.
 */
function nestedTables(): LocaleTable<StringTable>[] {
  return ['lc-criterion-card', 'lc-self-rating', 'lc-reflection-journal'].flatMap((tag) => {
    const texts = (customElements.get(tag) as { texts?: LocaleTable<StringTable> } | undefined)?.texts;
    return texts ? [texts] : [];
  });
}

/** The overrides that can be used (see overrideProblem), the others left out. */
function usable(overrides: StringOverrides | undefined): StringOverrides | undefined {
  if (Object.prototype.toString.call(overrides) !== '[object Object]') return undefined;
  const tables: LocaleTable<StringTable>[] = [coreStrings, strings, ...nestedTables()];
  return Object.fromEntries(Object.entries(overrides!).filter(([key, m]) => !overrideProblemIn(tables, key, m)));
}

/** True when submission `a` was made after `b` (the tabs share one clock; the id breaks a tie). */
function isNewer(a: Envelope, b: Envelope): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-assessment': LcAssessment;
  }
}
