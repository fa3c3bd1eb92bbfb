import { coreStrings } from '../../core/i18n/core-strings.js';
import { html, isServer, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { query } from 'lit/decorators/query.js';
import { state } from 'lit/decorators/state.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';
import { idSchema } from '../../criteria/schema.js';
import { CommunityController } from '../../core/community-controller.js';
import {
  checkAttribute,
  checkEndpoint,
  ConfigProblems,
  localeTagCheck,
  logProblem,
  unknownCriterionProblem,
} from '../../core/config.js';
import { wholeNumber } from '../../core/checks.js';
import { headingTag } from '../../core/headings.js';
import { configProblemsAlert, criteriaErrorLine } from '../../core/problems.js';
import { VERSION } from '../../core/define.js';
import { validateEnvelope, type Envelope } from '../../core/envelope.js';
import { coreMsg } from '../../core/i18n/core-strings.js';
import {
  isolate,
  type StringOverrides,
  englishTexts,
  type LocaleTable,
  type Message,
  type StringTable,
} from '../../core/i18n/i18n.js';
import { getOutbox, keptEvent, keptForElement, type Outbox, type OutboxEntry, OutboxEvent } from '../../core/outbox.js';
import { takeUpRecord } from '../../core/draft-store.js';
import { queuedKey, SEEN_MS, SubmissionController, tellRefusal } from '../../core/submission-controller.js';
import { LcSubmittedEvent } from '../../core/events.js';
import {
  dataToDraft,
  draftKey,
  draftKeySchema,
  draftToData,
  emptyDraft,
  getDraftStore,
  isBlank,
  journalDraftSchema,
  keptKey,
  localDate,
  parseKeptEntries,
  personOf,
  PROMPT_KEYS,
  readDraft,
  sameEntryData,
  SENT_LIMIT,
  sentKey,
  writeDraft,
  type DraftStore,
  type JournalDraft,
  type KeptEntry,
  type KeyPerson,
  type PromptKey,
} from './drafts.js';
import {
  criteriaOf,
  entryFromEnvelope,
  fetchEntries,
  filterByCriterion,
  mergeEntries,
  parseStoredEntries,
  type JournalEntry,
  type StoredEntry,
} from './entries.js';
import { entriesToJson, entriesToMarkdown, type JournalExport } from './export.js';
import { withReason } from '../../core/reason.js';
import { errorBox, hostDefaults, srOnly } from '../../core/shared-styles.js';
import { firstPaintRoot } from '../../core/ssr.js';
import { styles } from './lc-reflection-journal.styles.js';
import { tabChannel } from '../../core/tabs.js';
import { shadowHost } from '../../core/nodes.js';
import { msg, strings, type JournalStringKey } from './strings.js';
import { dateFormat } from '../../core/intl.js';
import { fileNamePart } from '../../core/download.js';
import { newId } from '../../core/build-envelope.js';
import { liveRegion } from '../../core/live-region.js';

const listFormats = new Map<string, Intl.ListFormat>();
/** A list of names in a locale (`unit`: "A, B, C", no "and" before a title), made once: a journal lists hundreds of entries. */
function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.ListFormat(locale, { type: 'unit' });
    } catch {
      // A set's locale the browser's Intl refuses: English, as numbers and dates then are (intl.ts).
      format = new Intl.ListFormat('en', { type: 'unit' });
    }
    listFormats.set(locale, format);
  }
  return format;
}

/** The default character limit of each prompt's answer (`max-length`). */
export const DEFAULT_MAX_LENGTH = 4000;
/** The level of the journal's own heading outside a card. */
const DEFAULT_HEADING_LEVEL = 3;
/**
 * How long after a keystroke the draft is saved: at once (the next task, so that one event's
 * edits are one save), and one save at a time, what was typed meanwhile written right after it.
 * Not after a pause in the typing: a save started on `pagehide` does not always finish before
 * Chromium tears the page down (seen in 2 reloads of 6), so the text must be on the device by then.
 */
export const SAVE_DELAY_MS = 0;
const TITLE_MAX = 200;
const PARTICIPANTS_MAX = 2000;
/** The envelope's own bound on an answer; `max-length` cannot go beyond it. */
const ANSWER_MAX = 10_000;

type TextField = PromptKey | 'participants';
const TEXT_FIELDS: readonly TextField[] = [...PROMPT_KEYS, 'participants'];
/** The text properties, with their defaults (see ConfigProblems.takeProperties). */
const TEXT = {
  criterion: undefined,
  endpoint: undefined,
  locale: undefined,
  entriesSrc: undefined,
  draftKey: undefined,
};
type ExportFormat = 'markdown' | 'json';
type ErrorKey = 'title' | 'date' | 'prompts' | TextField;
type Errors = Partial<Record<ErrorKey, string>>;

// Said as the other elements say it ("must be a whole number from 2 to 6"), not as zod does for a
// word where a number belongs ("expected number, received NaN").
const maxLengthCheck = wholeNumber(1, ANSWER_MAX);
const headingLevelCheck = wholeNumber(2, 6);

/**
 * The same journal open in two tabs: each saved draft, and each entry sent, reaches the other tabs
 * of this origin (a BroadcastChannel: in memory, nothing stored), so one tab never saves its older
 * text over the other's, and an entry sent in one is not sent again from the other.
 */
export const DRAFTS_CHANNEL = 'lc-elements-journal';
interface DraftMessage {
  key: string;
  /** The draft just saved; absent after it was emptied or discarded. */
  draft?: unknown;
  savedAt?: number;
  /** The draft just sent (accepted): tabs showing the same text start a new entry. */
  sent?: unknown;
  /** The community whose entries not sent (kept aside) just changed: tabs read them again. */
  kept?: string;
}

/** An entry the endpoint refused after it had been queued, as the status tells it. */
interface Refusal {
  id: string;
  title: string;
  reason: string;
  reasonLang: string | undefined;
  /**
   * Where its text is: in the form, kept under "Not sent" (see refused and takeBack), or under "Not
   * sent" of the community it was written for, when that is not the journal's now.
   */
  place: 'form' | 'kept' | 'elsewhere';
  /** The id its text is kept under in "Not sent" when not the entry's own (it went there from the form). */
  keptAs?: string;
}
const otherTabs = tabChannel<DraftMessage>(DRAFTS_CHANNEL);

/** The journals on this page: a submission one of them follows is not taken up by another. */
const journals = new Set<LcReflectionJournal>();
/** Refusals a journal on this page has taken up (shown, logged, kept): each is told once. */
const refusalsTold = new Set<string>();
/** Deliveries a journal on this page has told (`lc-submitted`): each is told once. */
const deliveriesTold = new Set<string>();

/**
 * Dated entries that follow the learning loop: what the community practised, how it tested it,
 * what challenged it, what it discussed and concluded, and what it will change.
 *
 * Drafts are kept as the person types (IndexedDB database `lc-elements-drafts`, store `drafts`,
 * under the `device` storage policy; in memory under `none`), restored after a reload, and can be
 * discarded. Sending posts a `journal-entry` envelope through the page's outbox; once the outbox
 * holds it, it is no longer a draft (after a reload it is listed as waiting). Past entries are
 * those sent from this browser (kept under the key `sent:<community>` with the `device` policy; with
 * a `respondent` on the community, the draft and both lists are that person's and perspective's,
 * `sent@<respondent>/<perspective>:<community>`…, so on a shared device each sees only their own)
 * and, with `entries-src`, the community's own, validated (read again by "Try again", back online,
 * or after an entry was delivered, when that failed); they are shown as plain text and can be
 * downloaded as Markdown or JSON.
 *
 * Its two landmarks, the form and the past entries, are named after its criterion ("New entry:
 * Trust", "Past entries: Trust": the strings `form.label` and `entries.label`), so journals for
 * several criteria on one page are told apart; without a criterion, by their headings.
 *
 * @summary A reflection journal for a learning community, with drafts, past entries and export.
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - Each heading.
 * @csspart error - Configuration problems.
 * @csspart form - The form of the new entry.
 * @csspart field - Each field's wrapper (label, control, count, error).
 * @csspart label - Each field's label.
 * @csspart input - The title, date and answer controls.
 * @csspart criteria - The fieldset of criteria checkboxes.
 * @csspart count - Each answer's character count.
 * @csspart field-error - A field's error message.
 * @csspart draft-status - Where the draft's state is told (saved, restored, discarded).
 * @csspart notice - The notice that drafts are not kept on the device (storage="none", or storage failed).
 * @csspart submit - The send button.
 * @csspart discard - The "discard draft" button.
 * @csspart dialog - The dialog confirming a discard.
 * @csspart status - The submission's state (sending, sent, queued, rejected), a polite live region.
 * @csspart entries-section - The past entries.
 * @csspart filter - The criterion filter.
 * @csspart export - Each download link.
 * @csspart entries - The list of past entries.
 * @csspart entry - One past entry.
 * @csspart entry-text - An answer of a past entry (plain text, line breaks kept).
 * @csspart badge - "Sent from this browser" and "waiting to be sent".
 * @csspart kept - The entries not sent: refused while the form held other writing, or set aside.
 * @csspart kept-entry - One entry not sent: its title, why it is kept, and the button taking it back.
 * @csspart take-back - The button that takes an entry not sent back into the form.
 * @csspart entries-error - The message shown when `entries-src` could not be read.
 * @csspart retry - The "Try again" button in that message.
 *
 * @cssprop --lc-journal-accent - Buttons, focus ring and checked boxes (falls back to `--lc-accent`).
 * @cssprop --lc-accent - The accent of every `lc-*` element.
 * @cssprop --lc-text-color - Text colour (the older `--lc-text` is read when it is not set).
 * @cssprop --lc-muted-text - Secondary text (counts, dates, hints).
 * @cssprop --lc-field-background - Background of the fields, secondary buttons and the dialog (the older `--lc-background` is read when it is not set).
 * @cssprop --lc-field-text - Text colour of the fields.
 * @cssprop --lc-surface - Background of past entries and the dialog.
 * @cssprop --lc-border-color - Borders of controls and entries.
 * @cssprop --lc-radius - Corner radius.
 * @cssprop --lc-focus-color - Focus outline colour (the older `--lc-focus-ring` is read when it is not set).
 * @cssprop --lc-accent-text - Text on the accent colour (the older `--lc-on-accent` is read when it is not set).
 * @cssprop --lc-error-color - Border and text of errors.
 * @cssprop --lc-error-background - Background of error messages.
 * @cssprop --lc-warning-color - Counts near their limit.
 *
 * @fires lc-submit - Before an entry is sent; cancelable (a host may take the submission over).
 * @fires lc-submitted - When the endpoint has acknowledged an entry.
 * @fires lc-submit-error - When an entry was rejected, or an attempt failed and it stays queued.
 */
export class LcReflectionJournal extends LitElement {
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
  static override styles = [hostDefaults, srOnly, errorBox, styles];

  /** The criterion the entry concerns by default; otherwise an enclosing `<lc-criterion-card>`'s. */
  @property() criterion?: string;
  /** Where entries are posted; defaults to the enclosing `<lc-community>`'s endpoint. */
  @property() endpoint?: string;
  /** Language of the UI (a BCP 47 tag); defaults to the community's, then the nearest `lang`. */
  @property() locale?: string;
  /** A URL answering the community's entries as JSON (an array, or `{ "entries": [...] }`). */
  @property({ attribute: 'entries-src' }) entriesSrc?: string;
  /** The key the draft is kept under; defaults to community + round + criterion. */
  @property({ attribute: 'draft-key' }) draftKey?: string;
  /** The character limit of each answer (1–10000). */
  @property({ attribute: 'max-length', type: Number }) maxLength: number = DEFAULT_MAX_LENGTH;
  /** The level of the journal's heading (2–6; default 3, or one below an enclosing card's); its sections and entries take the next levels. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;
  /** Per-instance overrides of any UI string, by key (e.g. `{ 'prompt.tested': 'How did we check it?' }`). */
  @property({ attribute: false }) strings?: StringOverrides;

  private readonly community = new CommunityController(this, () => ({ locale: this.locale, endpoint: this.endpoint }), {
    strings: [strings],
  });
  private readonly submission = new SubmissionController(this, this.community, validateEnvelope);

  @state() private draft: JournalDraft = emptyDraft(localDate());
  @state() private savedAt: number | undefined;
  @state() private draftNotice = '';
  @state() private storageFailed = false;
  @state() private errors: Errors = {};
  @state() private announcement = { text: '', n: 0 };
  private readonly problems = new ConfigProblems(this);
  @state() private deviceEntries: StoredEntry[] = [];
  /** Entries not sent (refused, or set aside), kept until the person takes them back into the form. */
  @state() private kept: KeptEntry[] = [];
  /** Entries refused after they were queued, since the person last sent one: what the status tells. */
  @state() private refusals: Refusal[] = [];
  /** The entries sent from this browser still waiting in the outbox (offline, or the server busy). */
  @state() private waiting: ReadonlySet<string> = new Set();
  @state() private remoteEntries: StoredEntry[] = [];
  @state() private remoteState: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private remoteError = '';
  /** A load of `entries-src` the person asked for ("Try again") is under way: where the focus goes when it settles (see updated). */
  private retryingEntries = false;
  /** The filter the person chose; undefined until they choose (the preset criterion applies). */
  @state() private filter: string | undefined;

  @query('dialog') private dialog?: HTMLDialogElement;

  private store: DraftStore | undefined;
  private keyInUse: string | undefined;
  /**
   * Where the text in the form belongs while the draft of a new key (another round, community or
   * criterion) is being read: the key it was typed under. Typing until that draft shows is saved
   * there, never over the new key's draft (see syncDraftKey and load).
   */
  private typedFor: { store: DraftStore; key: string } | undefined;
  /** Whose the drafts and lists are: the respondent the host names and their perspective (see personOf). */
  private personInUse: string | undefined;
  private loading: Promise<void> | undefined;
  /** The read of the draft key's draft and lists under way, if one is (see whenLoaded). */
  private keyLoad: Promise<void> | undefined;
  private loadToken = 0;
  private stopListening: (() => void) | undefined;
  /** Hears the other tabs, and the other copies on this page; what this one tells is never told back to it. */
  private readonly onOtherTab = (message: DraftMessage) => this.fromOtherTab(message);
  /** True when the form holds typing not yet saved. */
  private dirty = false;
  /**
   * True once the person typed after the draft key's draft began to be read (see load): not the
   * same as `dirty`, which a save clears while the read is still under way.
   */
  private typedSinceLoad = false;
  /** The draft read from where it was kept and shown, while the person has not changed it (see leaveKept). */
  private keptShown: JournalDraft | undefined;
  /**
   * The read of a key's stored draft under way: a save to that key waits for it, so the draft
   * kept from an earlier visit is read (and set aside, if the person typed over it) before it is
   * written over (see flushDraft and load).
   */
  private draftRead: { store: DraftStore; key: string; done: Promise<void> } | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Saves of the draft under way (see flushDraft). */
  private saving = 0;
  private readonly countLevels = new Map<TextField, number>();
  private seen: { state: string; id: string | undefined } = { state: 'idle', id: undefined };
  private acceptedId: string | undefined;
  /** When "Send entry" was last pressed (performance.now()): see onSendClick. */
  private sendPressedAt = -Infinity;
  /** True while submit() hands the entry to the outbox: it is accepted once the outbox holds it. */
  private handingOver = false;
  /** What the outbox held when this element connected, before its sender could deliver any of it (see handedOver). */
  private outboxAtConnect: { outbox: Outbox; read: Promise<OutboxEntry[]> } | undefined;
  /** Changes of the kept entries, one after another (each reads the stored list, then writes it). */
  private keptWrites: Promise<void> = Promise.resolve();
  private sentDraft: JournalDraft | undefined;
  private remoteFor: string | undefined;
  /** The page's outbox this journal follows, for every entry sent from this browser (not only the last). */
  private outboxInUse: Outbox | undefined;
  /** The endpoint, community and round a waiting entry was last looked for (see resumeWaiting). */
  private resumedFor = '';
  private remoteRequest: AbortController | undefined;
  private allEntries: JournalEntry[] = [];
  /** What the list shown was made of at its last change: a change releases the files taken (see syncExport). */
  private exportInputs: unknown[] | undefined;
  /** The files taken by the download links since the list last changed (see takeExport). */
  private exportUrls: Partial<Record<ExportFormat, string>> = {};

  private readonly onOutbox = (event: Event) => this.fromOutbox(event as OutboxEvent);
  /** Back online: a failed load of `entries-src` is tried again (on "Try again", as if the person had pressed it). */
  private readonly onOnline = () =>
    this.retryEntries(this.renderRoot.querySelector('.retry') === (this.renderRoot as ShadowRoot).activeElement);
  private readonly onPageHide = () => void this.flushDraft();
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') void this.flushDraft();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    journals.add(this);
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.stopListening = otherTabs.listen(this.onOtherTab);
    if (this.submission.endpoint) {
      // The outbox delivers from now on (this element's sender just registered): read what it holds
      // first, so an entry an earlier page left is known as sent even if it arrives at once.
      const outbox = getOutbox(this.community.storage);
      this.outboxAtConnect = { outbox, read: outbox.pending().catch((): OutboxEntry[] => []) };
    }
    // Moved in the page: fetch what disconnecting aborted.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    journals.delete(this);
    this.stopFollowingOutbox();
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stopListening?.();
    void this.flushDraft();
    this.remoteRequest?.abort();
    this.remoteFor = undefined;
    this.revokeExport();
  }

  /** Also waits for the stored draft and sent entries to be read, so the form shows what it restored. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    if (!this.loading) return result;
    await this.loading;
    return super.getUpdateComplete();
  }

  // ----- public API -----

  /** Every entry the journal knows (sent from this browser, and the community's), newest first. */
  get entries(): JournalEntry[] {
    return [...this.allEntries];
  }

  /** Checks the entry and sends it as a `journal-entry` envelope. Resolves with the envelope, or undefined if it was not sent. */
  async submit(): Promise<Envelope | undefined> {
    if (this.submission.state === 'sending') return undefined;
    this.errors = this.validate();
    if (Object.keys(this.errors).length) {
      await this.updateComplete;
      this.focusFirstError();
      return undefined;
    }
    const data = draftToData(this.draft);
    const preset = this.presetCriterion;
    const criterion =
      preset && data.criteria.includes(preset) ? preset : data.criteria.length === 1 ? data.criteria[0] : undefined;
    this.sentDraft = this.draft;
    this.refusals = [];
    // Keep the text safe whatever becomes of the submission (the store runs writes in order).
    void this.flushDraft();
    let envelope: Envelope | undefined;
    this.handingOver = true;
    try {
      // Resolves once the outbox has stored the entry (or a host took it over).
      envelope = await this.submission.submit('journal-entry', data, criterion);
    } finally {
      this.handingOver = false;
    }
    // From now on the outbox's entry is the one to send: the draft is not kept beside it (see accept).
    const { state } = this.submission;
    if (envelope && this.submission.envelope?.id === envelope.id && state !== 'rejected' && state !== 'idle') {
      this.accept(envelope);
    }
    return envelope;
  }

  /** Deletes the draft and starts a new entry, without asking (the "discard draft" button asks first). */
  async discardDraft(): Promise<void> {
    this.startNewEntry(this.t('draft.discarded'));
    const store = this.store;
    this.toOtherTabs({});
    if (store && this.keyInUse) {
      await store.delete(this.keyInUse).catch((error: unknown) => this.storageError(error));
      this.storageFailed = store.failure !== undefined;
    }
  }

  /** Fetches `entries-src` again. */
  refreshEntries(): void {
    this.remoteFor = undefined;
    this.requestUpdate();
  }

  /** The entries shown (after the criterion filter) as a Markdown document whose text cannot become markup. */
  toMarkdown(): string {
    const c = this.community;
    return entriesToMarkdown(this.shownEntries, {
      labels: {
        heading: this.t('heading'),
        date: this.t('entry.date'),
        criteria: this.t('entry.criteria'),
        participants: this.t('entry.participants'),
        prompts: this.prompts(),
      },
      criterionTitle: (id) => c.criterion(id)?.title ?? id,
      formatDate: (date) => this.formatDay(date),
      formatList: (titles) => this.listOf(titles),
    });
  }

  /** The entries shown (after the criterion filter) as an `lc-journal-export/1` object, readable by `entries-src`. */
  toJSON(): JournalExport {
    return entriesToJson(this.shownEntries, { criterion: this.activeFilter });
  }

  // ----- derived state -----

  private t(key: JournalStringKey, vars?: Record<string, string | number>): string {
    return msg(this.community.locale, key, vars, this.strings);
  }

  private prompts(): Record<PromptKey, string> {
    return Object.fromEntries(PROMPT_KEYS.map((k) => [k, this.t(`prompt.${k}`)])) as Record<PromptKey, string>;
  }

  private get validMaxLength(): number {
    return maxLengthCheck(this.maxLength) ? DEFAULT_MAX_LENGTH : this.maxLength;
  }

  private limit(field: TextField): number {
    return field === 'participants' ? Math.min(PARTICIPANTS_MAX, this.validMaxLength) : this.validMaxLength;
  }

  private get validHeadingLevel(): number {
    if (!headingLevelCheck(this.headingLevel)) return this.headingLevel!;
    // Inside a card, the journal is a part of the criterion: one level below the card's title.
    const card = closestAcrossShadow(this, 'lc-criterion-card') as { headingLevel?: unknown } | undefined;
    const cardLevel = card?.headingLevel;
    return headingLevelCheck(cardLevel) ? DEFAULT_HEADING_LEVEL : Math.min(6, (cardLevel as number) + 1);
  }

  /** The criterion set by the `criterion` attribute, or by an enclosing `<lc-criterion-card>`. */
  private get presetCriterion(): string | undefined {
    const own = this.criterion?.trim();
    if (own) return idSchema.safeParse(own).success ? own : undefined;
    const card = closestAcrossShadow(this, 'lc-criterion-card');
    const id = (card as { criterion?: unknown } | undefined)?.criterion ?? card?.getAttribute('criterion');
    return typeof id === 'string' && idSchema.safeParse(id).success ? id : undefined;
  }

  private get activeFilter(): string | undefined {
    return (this.filter ?? this.presetCriterion) || undefined;
  }

  private get shownEntries(): JournalEntry[] {
    return filterByCriterion(this.allEntries, this.activeFilter);
  }

  private freshDraft(): JournalDraft {
    const preset = this.presetCriterion;
    return emptyDraft(localDate(), preset ? [preset] : []);
  }

  // ----- lifecycle -----

  protected override willUpdate(changed: PropertyValues): void {
    this.problems.takeProperties(changed, TEXT, [strings]);
    this.checkConfig();
    this.syncDraftKey();
    // Read by the first load after connecting, if the draft key called for one; stale after that.
    this.outboxAtConnect = undefined;
    this.syncSubmission();
    this.syncOutbox();
    this.syncRemote();
    if (changed.has('deviceEntries') || changed.has('remoteEntries')) {
      this.allEntries = mergeEntries(this.deviceEntries, this.remoteEntries);
    }
  }

  protected override updated(): void {
    this.resumeWaiting();
    if (this.retryingEntries && this.remoteState !== 'loading') {
      // A load the person asked for is in: said so; failed again, the focus is on the new "Try again".
      this.retryingEntries = false;
      const retry = this.renderRoot.querySelector<HTMLElement>('.retry');
      if (retry) retry.focus();
      else if (this.remoteState === 'ready') this.announce(this.t('entries.loaded'));
    }
  }

  protected override update(changed: PropertyValues): void {
    // After the controllers' hostUpdate: the locale and criteria set are current here.
    this.syncExport();
    super.update(changed);
  }

  private checkConfig(): void {
    const own = this.criterion?.trim();
    const badId = checkAttribute('criterion', idSchema, own || undefined);
    const set = this.community.criteriaSet;
    this.problems.replace([
      checkEndpoint(this.endpoint),
      checkEndpoint(this.entriesSrc, 'entries-src'),
      badId,
      checkAttribute('locale', localeTagCheck, this.locale),
      checkAttribute('draft-key', draftKeySchema, this.draftKey),
      checkAttribute('max-length', maxLengthCheck, this.maxLength),
      checkAttribute('heading-level', headingLevelCheck, this.headingLevel),
      own && set && !badId && !this.community.criterion(own) ? unknownCriterionProblem(own, set.id) : undefined,
    ]);
  }

  // ----- drafts -----

  /**
   * The draft's key. Under the round the host set (none: '-'), not the year a round defaults to: a
   * draft stays in reach across New Year, and a render after midnight on 31 December keeps the one
   * shown (an earlier build's key, under that year, is `round` given: see yearDraftKey).
   */
  private currentDraftKey(round = this.community.keyRound, ctx = this.community.envelopeContext()): string {
    const own = draftKeySchema.safeParse(this.draftKey);
    return draftKey({
      draftKey: own.success ? own.data : undefined,
      community: ctx.community,
      round,
      criterion: this.presetCriterion,
      respondent: ctx.respondent,
      perspective: ctx.perspective,
    });
  }

  /**
   * Where an earlier build kept this draft when the host sets no round: under the year the round
   * defaulted to (taken up, see load). None with a round or a `draft-key`. A page of the community
   * that sets that year as its round keeps its own draft under the same key: marked as this build's
   * (see keyedByHostRound), it is that page's, and is never taken up here.
   */
  private yearDraftKey(): string | undefined {
    const own = draftKeySchema.safeParse(this.draftKey);
    if (this.community.keyRound || (own.success && own.data)) return undefined;
    return this.currentDraftKey(this.community.envelopeContext().round);
  }

  /**
   * What an earlier build kept under the community, round and perspective as the page writes them,
   * when that is not the composed form they are keyed by today (a name written decomposed, as
   * macOS may paste "århus"): the draft, and the lists of entries sent and not sent, taken up under
   * today's keys. Nothing to do, and nothing to wait for, when the page writes them composed.
   */
  private takeUpGivenForm(store: DraftStore, key: string, community: string): Promise<unknown> | undefined {
    const given = this.community.givenContext();
    const was = { respondent: given.respondent, perspective: given.perspective };
    const keys: [from: string, to: string][] = [
      [this.currentDraftKey(this.community.givenKeyRound, given), key],
      [sentKey(given.community, was), sentKey(community, this.person())],
      [keptKey(given.community, was), keptKey(community, this.person())],
    ];
    const moves = keys.filter(([from, to]) => from !== to);
    if (!moves.length) return undefined;
    return Promise.all(moves.map(([from, to]) => takeUpRecord(store, from, to))).catch((error: unknown) =>
      this.storageError(error),
    );
  }

  /** The respondent the host names and their perspective, whose the drafts and lists are. */
  private person(): KeyPerson {
    const { respondent, perspective } = this.community.envelopeContext();
    return { respondent, perspective };
  }

  private syncDraftKey(): void {
    const store = getDraftStore(this.community.storage);
    const key = this.currentDraftKey();
    if (store === this.store && key === this.keyInUse) return;
    const community = this.community.envelopeContext().community;
    const switching = this.keyInUse !== undefined;
    const person = personOf(this.person());
    // Under storage "none" from now on: nothing more is written to the device, nor shown from it.
    const toMemory = switching && store !== this.store && this.community.storage === 'none';
    // Typing not saved yet belongs to the key it was typed under: saved there now, never under the
    // new key, whose own draft (kept for that round, say) is read and shown next.
    if (switching && !(toMemory && key === this.keyInUse)) void this.flushDraft();
    if (switching && person !== this.personInUse) {
      // Another person at a shared device (the host switched the respondent, or their perspective,
      // without a reload): what this one was typing is saved under their key now (it is theirs
      // when the host switches back), and the next one starts with their own draft and lists,
      // never this one's. An entry on its way is still delivered, its fate told (see startOver).
      this.typedFor = undefined;
      this.submission.startOver();
      this.startNewEntry();
      this.refusals = [];
      this.sentDraft = undefined;
      this.kept = [];
      this.deviceEntries = [];
    } else if (toMemory && this.isKeptShown()) {
      // Nothing kept on the device is shown under storage "none" (README, privacy): a draft read
      // from the device before the community said so (an <lc-community> defined after the journal,
      // or its storage set late) is the last visit's at a kiosk. It goes now, not once the page's
      // memory has been read; the device's record is left alone.
      this.leaveKept();
    } else if (toMemory && key === this.keyInUse) {
      // What the person typed before the community said "none" stays in the form, and is kept in
      // the page's memory from now on (as the matrix does), not written to the device and gone.
      if (this.dirty || !isBlank(this.draft, this.freshDraft())) {
        clearTimeout(this.saveTimer);
        this.dirty = true;
        this.scheduleSave();
      }
    } else if (switching && this.store && this.keyInUse) {
      // The form still shows the old key's text until the new key's draft is read (unless an
      // earlier switch is still being read: then the text is that one's).
      this.typedFor ??= { store: this.store, key: this.keyInUse };
    }
    // The first form shown is a new entry's, its criterion ticked, before the stored draft is read:
    // typing there as it appears is kept as such (see load).
    if (!switching && !this.dirty) this.draft = this.freshDraft();
    this.personInUse = person;
    this.store = store;
    this.keyInUse = key;
    const load = this.load(store, key, community).finally(() => {
      if (this.keyLoad === load) this.keyLoad = undefined;
      if (this.draftRead === read) this.draftRead = undefined;
    });
    const read = { store, key, done: load.catch(() => undefined) };
    this.draftRead = read;
    this.keyLoad = load;
    this.loading = load;
  }

  /**
   * Runs `apply` once the draft and lists of the key in use are read: at once when they are. What a
   * submission's fate does to the form and the lists (see syncSubmission) is never undone by that
   * read, which a journal added back to the page starts as its submission's fate comes in.
   */
  private whenLoaded(apply: () => void): void {
    const load = this.keyLoad;
    if (!load) return apply();
    void load.then(() => this.whenLoaded(apply));
  }

  private async load(store: DraftStore, key: string, community: string): Promise<void> {
    const token = ++this.loadToken;
    this.typedSinceLoad = false;
    // Under the names as the page writes them, by an earlier build: taken up first (see takeUpGivenForm).
    const takingUp = this.takeUpGivenForm(store, key, community);
    if (takingUp) await takingUp;
    const [stored, , handed] = await Promise.all([
      takeUpRecord(store, this.yearDraftKey(), key, true)
        .then(() => readDraft(store, key))
        .catch((error: unknown) => this.storageError(error)),
      this.loadSent(store, community),
      this.handedOver(community),
    ]);
    if (token !== this.loadToken) return;
    this.storageFailed = store.failure !== undefined;
    // An entry the outbox holds was sent from this browser, even when the page that sent it closed
    // before it could list it: listed now (and shown as waiting, see readWaiting).
    const listed = new Set(this.deviceEntries.map((e) => e.id));
    const unlisted = handed.filter((e) => !listed.has(e.id));
    if (unlisted.length) {
      const ids = new Set(unlisted.map((e) => e.id));
      void this.rememberSent((list) => [...unlisted, ...list.filter((e) => !ids.has(e.id))]);
    }
    if (this.typedFor) {
      // Typed while this key's draft was read (and during that save): saved under the key it was
      // typed on, then this key's draft shows. A save that fails leaves the text in the form.
      let saved: JournalDraft | undefined;
      while (this.dirty && this.draft !== saved) {
        saved = this.draft;
        await this.flushDraft();
        if (token !== this.loadToken) return;
      }
      this.typedFor = undefined;
    } else if (this.typedSinceLoad && !isBlank(this.draft, this.freshDraft())) {
      // Typed as the form appeared, before the draft kept from an earlier visit was read: the
      // typing stays in the form, and that draft is set aside under "Not sent" (stored before the
      // typing is saved over it, see flushDraft), so neither text is lost.
      const earlier = stored && !handed.some((e) => sameEntryData(stored.draft, e.data)) ? stored : undefined;
      if (earlier && !sameDraft(earlier.draft, this.draft)) {
        const aside: KeptEntry = { id: newId(), keptAt: Date.now(), draft: earlier.draft };
        this.draftNotice = this.t('draft.set-aside', {
          time: this.formatTime(earlier.savedAt),
          title: earlier.draft.title.trim() || this.t('kept.untitled'),
        });
        await this.changeKept((list) => [aside, ...list.filter((e) => e.id !== aside.id)]);
      }
      return;
    } else if (this.typedSinceLoad) {
      // Typing since the read began that left the form empty: the stored draft shows, not saved over.
      this.dirty = false;
    }
    if (this.dirty) return;
    this.countLevels.clear();
    if (stored && handed.some((e) => sameEntryData(stored.draft, e.data))) {
      // The draft is the text of an entry the outbox holds (that page closed before the draft was
      // deleted): not restored as a new entry, which would send it a second time.
      this.draft = this.freshDraft();
      this.savedAt = undefined;
      await store.delete(key).catch((error: unknown) => this.storageError(error));
      return;
    }
    if (stored) {
      this.showDraft(stored.draft, stored.savedAt);
      this.draftNotice = this.t('draft.restored', { time: this.formatTime(stored.savedAt) });
    } else {
      this.draft = this.freshDraft();
      this.savedAt = undefined;
    }
  }

  /**
   * The entries of the community that the outbox holds: sent from this browser and not yet
   * acknowledged (or refused, or delivered, on a page load without a journal: kept for one),
   * whatever became of the page that sent them. The first read is the
   * one made when the element connected, before its sender could deliver any of them.
   */
  private async handedOver(community: string): Promise<StoredEntry[]> {
    const outbox = getOutbox(this.community.storage);
    const early = this.outboxAtConnect;
    this.outboxAtConnect = undefined;
    const person = personOf(this.person());
    const pending = await (early?.outbox === outbox ? early.read : outbox.pending().catch((): OutboxEntry[] => []));
    return pending.flatMap((e) => {
      // Only this person's (a shared device): another's entries are never listed as theirs.
      const ours = e.envelope.community === community && personOf(e.envelope) === person;
      const entry = ours ? entryFromEnvelope(e.envelope) : undefined;
      return entry ? [entry] : [];
    });
  }

  private async loadSent(store: DraftStore, community: string): Promise<void> {
    const person = this.person();
    await this.loadKept(store, community);
    if (this.community.storage !== 'device') return;
    const key = sentKey(community, person);
    const value = await store.get(key).catch((error: unknown) => this.storageError(error));
    // Switched to another person meanwhile: their own list is read by their load.
    if (key === sentKey(this.community.envelopeContext().community, this.person())) {
      this.deviceEntries = parseStoredEntries(value);
    }
  }

  /** Reads the entries not sent (under every policy: in the page's memory with `none`). */
  private async loadKept(store: DraftStore, community: string): Promise<void> {
    const key = keptKey(community, this.person());
    await this.keptWrites;
    const value = await store.get(key).catch((error: unknown) => this.storageError(error));
    if (key === keptKey(this.community.envelopeContext().community, this.person())) {
      this.kept = parseKeptEntries(value);
    }
  }

  private storageError(error: unknown): undefined {
    console.error(`[lc-elements] <${this.localName}>: drafts could not be read or written (${String(error)})`);
    return undefined;
  }

  private scheduleSave(): void {
    // A save under way: this typing is written when it is done (see flushDraft).
    if (this.saving) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flushDraft(), SAVE_DELAY_MS);
  }

  /** A draft saved, or an entry sent, in another tab, for the same draft key. */
  private fromOtherTab(message: DraftMessage): void {
    if (!message || this.community.storage !== 'device') return;
    const community = this.community.envelopeContext().community;
    if (message.kept !== undefined) {
      if (message.kept === community && this.store) void this.loadKept(this.store, community);
      return;
    }
    if (message.key !== this.keyInUse) return;
    if (message.sent !== undefined) {
      const sent = journalDraftSchema.safeParse(message.sent);
      if (sent.success && sameDraft(this.draft, sent.data)) {
        // Sent from the other tab: this one starts a new entry instead of sending it again.
        this.startNewEntry();
      }
      const store = this.store;
      if (store) this.loading = this.loadSent(store, this.community.envelopeContext().community);
      return;
    }
    // Typing here that is not saved yet is newer: it is saved (and told to the others) shortly.
    if (this.dirty) return;
    // This key's text from now on (not the key's the form showed before a switch, see typedFor).
    this.typedFor = undefined;
    if (message.draft === undefined) {
      this.resetForm();
      return;
    }
    const draft = journalDraftSchema.safeParse(message.draft);
    if (!draft.success) return;
    this.showDraft(draft.data, typeof message.savedAt === 'number' ? message.savedAt : undefined);
    this.draftNotice = '';
  }

  private toOtherTabs(message: Omit<DraftMessage, 'key'>, key = this.keyInUse): void {
    if (!key || this.community.storage !== 'device') return;
    otherTabs.post({ key, ...message }, this.onOtherTab);
  }

  /** Saves the typing now (after the pause, on `pagehide`, when the tab is hidden, when removed). */
  private async flushDraft(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const { store, key } = this.typedFor ?? { store: this.store, key: this.keyInUse };
    if (!this.dirty || !store || !key) return;
    const read = this.draftRead;
    if (!this.typedFor && read && read.store === store && read.key === key) {
      // The key's stored draft is still being read: this typing is written once it is (and set
      // aside, see load), never over it. Typing meanwhile is written by this save (see scheduleSave).
      this.saving++;
      try {
        await read.done;
      } finally {
        this.saving--;
      }
      if (this.draftRead === read) this.draftRead = undefined;
      return this.flushDraft();
    }
    this.dirty = false;
    const draft = this.draft;
    const blank = isBlank(draft, this.freshDraft());
    const now = Date.now();
    // Saves on `pagehide` do not wait for one under way: IndexedDB applies them in the order begun.
    this.saving++;
    try {
      if (blank) await store.delete(key);
      else await writeDraft(store, key, draft, now);
      // The form may have moved on meanwhile (sent, discarded): only then is this save its state.
      if (this.draft === draft) {
        const first = this.savedAt === undefined;
        this.savedAt = blank ? undefined : now;
        // Said once as a draft begins to be kept, not at every save (every pause in the typing).
        if (first && !blank) this.announce(this.savedText());
      }
      // Under the key it was saved under: the host may have switched to another person meanwhile.
      this.toOtherTabs(blank ? {} : { draft, savedAt: now }, key);
    } catch (error) {
      this.storageError(error);
      if (this.draft === draft) this.dirty = true;
    } finally {
      this.saving--;
    }
    this.storageFailed = store.failure !== undefined;
    // Typed during the save: written now (not a failed save again, which would only fail again).
    if (this.dirty && this.draft !== draft) this.scheduleSave();
  }

  private edit<K extends keyof JournalDraft>(key: K, value: JournalDraft[K]): void {
    this.draft = { ...this.draft, [key]: value };
    this.dirty = true;
    this.typedSinceLoad = true;
    this.draftNotice = '';
    if (key === 'title' || key === 'date' || (TEXT_FIELDS as readonly string[]).includes(key)) {
      this.clearError(key as ErrorKey);
    }
    if ((PROMPT_KEYS as readonly string[]).includes(key)) this.clearError('prompts');
    this.scheduleSave();
  }

  private clearError(key: ErrorKey): void {
    if (!this.errors[key]) return;
    const { [key]: _removed, ...rest } = this.errors;
    this.errors = rest;
  }

  /** Drops unsaved typing and starts a new entry (after sending, discarding, or a send elsewhere). */
  private startNewEntry(notice = ''): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.dirty = false;
    this.resetForm();
    this.draftNotice = notice;
  }

  /** Shows a saved draft in the form, with its character counts. */
  private showDraft(draft: JournalDraft, savedAt: number | undefined): void {
    this.draft = draft;
    this.keptShown = draft;
    this.savedAt = savedAt;
    this.countLevels.clear();
    for (const field of TEXT_FIELDS) this.countLevels.set(field, this.countLevel(field, draft[field]));
  }

  /** True when the form shows a draft read from where it was kept, as read: the person has not typed in it. */
  private isKeptShown(): boolean {
    return !this.dirty && this.keptShown !== undefined && this.draft === this.keptShown;
  }

  /** The draft read from where it was kept goes, untouched: the form is a new entry's (see syncDraftKey). */
  private leaveKept(): void {
    this.keptShown = undefined;
    this.typedFor = undefined;
    this.resetForm();
    this.draftNotice = '';
  }

  private resetForm(): void {
    this.draft = this.freshDraft();
    this.savedAt = undefined;
    this.errors = {};
    this.countLevels.clear();
  }

  // ----- character counts -----

  private countLevel(field: TextField, value: string): number {
    const max = this.limit(field);
    return value.length >= max ? 2 : value.length >= Math.ceil(max * 0.9) ? 1 : 0;
  }

  /** Announces a count when it crosses 90 % of its limit and when it reaches the limit, not on every key. */
  private checkCount(field: TextField, value: string): void {
    const level = this.countLevel(field, value);
    const before = this.countLevels.get(field) ?? 0;
    this.countLevels.set(field, level);
    if (level <= before) return;
    const max = this.limit(field);
    const name = this.fieldLabel(field);
    this.announce(
      level === 2
        ? this.t('count.limit', { field: name, count: max })
        : this.t('count.near', { field: name, count: max - value.length }),
    );
  }

  private announce(text: string): void {
    this.announcement = { text, n: this.announcement.n + 1 };
  }

  private fieldLabel(field: TextField): string {
    return field === 'participants' ? this.t('field.participants') : this.t(`prompt.${field}`);
  }

  // ----- submitting -----

  private validate(): Errors {
    const d = this.draft;
    const errors: Errors = {};
    const title = d.title.trim();
    if (!title) errors.title = this.t('field.title.required');
    else if (title.length > TITLE_MAX)
      errors.title = this.t('count.over', { field: this.t('field.title'), count: TITLE_MAX });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) errors.date = this.t('field.date.invalid');
    if (PROMPT_KEYS.every((k) => !d[k].trim())) errors.prompts = this.t('prompts.required');
    for (const field of TEXT_FIELDS) {
      const max = this.limit(field);
      if (d[field].length > max) errors[field] = this.t('count.over', { field: this.fieldLabel(field), count: max });
    }
    return errors;
  }

  private focusFirstError(): void {
    const order: Array<[ErrorKey, string]> = [
      ['title', '#title'],
      ['date', '#date'],
      ['prompts', `#${PROMPT_KEYS[0]}`],
      ...TEXT_FIELDS.map((f): [ErrorKey, string] => [f, `#${f}`]),
    ];
    const first = order.find(([key]) => this.errors[key]);
    if (first) this.renderRoot.querySelector<HTMLElement>(first[1])?.focus();
  }

  /**
   * Follows the submission: an accepted entry (held by the outbox, sent, passed on) clears the
   * draft; a later rejection brings it back. One being handed to the outbox is accepted by submit()
   * once the outbox has stored it: `queued` (offline) is said before that.
   */
  private syncSubmission(): void {
    const { state, envelope } = this.submission;
    if (state === this.seen.state && envelope?.id === this.seen.id) return;
    this.seen = { state, id: envelope?.id };
    if (!envelope || envelope.kind !== 'journal-entry') return;
    if (state === 'sent') deliveriesTold.add(envelope.id);
    const accepted = (state === 'sent' || state === 'queued' || state === 'handled') && !this.handingOver;
    const { message, messageLang } = this.submission;
    // Removed while the entry was out and added back, the journal reads its draft and lists again
    // (another key's, outside its community) as the fate it missed comes in: applied after that.
    this.whenLoaded(() => {
      if (accepted) this.accept(envelope);
      else if (state === 'rejected' && this.acceptedId === envelope.id)
        void this.refused(envelope, message, messageLang);
    });
  }

  /**
   * The entry is the outbox's now (or the host's): listed as sent from this browser, told to the
   * other tabs, and the form starts a new entry, so its text is never a draft beside the entry on
   * its way (a reload, or a second "Send", would send it twice).
   */
  private accept(envelope: Envelope): void {
    const entry = entryFromEnvelope(envelope);
    const list = () =>
      entry ? this.rememberSent((list) => [entry, ...list.filter((e) => e.id !== entry.id)], envelope) : undefined;
    if (this.acceptedId === envelope.id) {
      // Listed when it was accepted, but the lists were read again since (the journal added back to
      // the page outside its community, another key's): listed again, as the status says it is.
      if (!this.deviceEntries.some((e) => e.id === envelope.id)) void list();
      return;
    }
    this.acceptedId = envelope.id;
    const listed = list();
    // Told once the list on the device holds it, where the other tabs read it (see fromOtherTab):
    // told before, a tab reading it ahead of the write would list nothing.
    const sent = this.sentDraft;
    if (sent) void Promise.resolve(listed).then(() => this.toOtherTabs({ sent }));
    // Start a new entry, unless the person went on writing while it was being sent.
    if (this.sentDraft && sameDraft(this.draft, this.sentDraft)) {
      this.startNewEntry();
      if (this.store && this.keyInUse) {
        void this.store.delete(this.keyInUse).catch((error: unknown) => this.storageError(error));
      }
    }
    this.sentDraft = undefined;
  }

  /**
   * Refused after it was queued: the entry leaves the list of sent entries. Its text goes back
   * into the form when the form is empty; when the person is writing another entry, that writing
   * stays where it is and the refused entry is kept under "Not sent", with its reason, until they
   * take it back (see takeBack). Either way nothing typed is dropped, and the status says where it
   * is. Resolves once its text is stored there.
   */
  private async refused(envelope: Envelope, reason: string, reasonLang: string | undefined): Promise<void> {
    if (envelope.kind !== 'journal-entry') return;
    if (this.acceptedId === envelope.id) this.acceptedId = undefined;
    const draft = dataToDraft(envelope.data);
    // Written for another community (or person) than the journal's now (it was added back to the
    // page outside its community): kept under "Not sent" there, with its reason, for that
    // community's journal, never put in this form, whose draft is this placement's (a send from
    // here would go as this community's, and its text would be saved under this one's draft).
    const elsewhere = !this.isMine(envelope);
    if (!elsewhere) void this.rememberSent((list) => list.filter((e) => e.id !== envelope.id), envelope);
    const place = elsewhere ? 'elsewhere' : isBlank(this.draft, this.freshDraft()) ? 'form' : 'kept';
    let stored: Promise<void>;
    if (elsewhere) {
      stored = this.keepForOther(envelope, reason, reasonLang);
    } else if (place === 'form') {
      this.showDraft(draft, undefined);
      this.errors = {};
      this.dirty = true;
      // Saved at once: its draft was deleted when the outbox took it, and the outbox no longer has it.
      stored = this.flushDraft();
    } else {
      const entry: KeptEntry = { id: envelope.id, keptAt: Date.now(), draft, reason };
      if (reasonLang) entry.reasonLang = reasonLang;
      stored = this.changeKept((list) => [entry, ...list.filter((e) => e.id !== entry.id)]);
    }
    const refusal = { id: envelope.id, title: envelope.data.title, reason, reasonLang, place } as const;
    this.refusals = [...this.refusals.filter((r) => r.id !== envelope.id), refusal];
    await stored;
  }

  /**
   * Takes an entry not sent back into the form. What the form holds, if anything, is kept under
   * "Not sent" first (stored before the form's draft is overwritten, and the entry leaves the list
   * only once it is saved as the draft), so at no moment is either text only on the screen.
   */
  private async takeBack(entry: KeptEntry): Promise<void> {
    const current = this.draft;
    const aside: KeptEntry | undefined = isBlank(current, this.freshDraft())
      ? undefined
      : { id: newId(), keptAt: Date.now(), draft: current };
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.dirty = false;
    this.showDraft(entry.draft, undefined);
    this.errors = {};
    const title = (draft: JournalDraft) => draft.title.trim() || this.t('kept.untitled');
    this.draftNotice = aside
      ? this.t('kept.back-aside', { title: title(entry.draft), other: title(current) })
      : this.t('kept.back', { title: title(entry.draft) });
    // On screen at once: the entry is in the form, no longer in the list (it is stored there until saved as the draft).
    this.kept = this.kept.filter((e) => e.id !== entry.id);
    // The status says where each refused entry's text is now: the one taken back is in the form,
    // and one that was in the form is kept under "Not sent", as what the person was writing.
    this.refusals = this.refusals.map((r): Refusal => {
      if ((r.keptAs ?? r.id) === entry.id) return { ...r, place: 'form' };
      if (r.place === 'form' && aside) return { ...r, place: 'kept', keptAs: aside.id, title: title(current) };
      return r;
    });
    const setAside = aside
      ? this.changeKept((list) => [aside, ...list.filter((e) => e.id !== aside.id)])
      : Promise.resolve();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#title')?.focus();
    await setAside;
    // Typing since is already marked for saving; otherwise the entry taken back is saved now.
    if (this.draft === entry.draft) this.dirty = true;
    await this.flushDraft();
    await this.changeKept((list) => list.filter((e) => e.id !== entry.id));
  }

  /**
   * An entry of another person refused (a shared device: sent before the host switched to this
   * one, or on an earlier load), or of another community (the journal added back to the page
   * outside the one it was sent from): no longer listed as sent under their lists, and kept under
   * "Not sent" there, with the reason, for them to take back in that community's journal.
   */
  private async keepForOther(envelope: Envelope, reason: string, reasonLang: string | undefined): Promise<void> {
    const store = this.store;
    if (envelope.kind !== 'journal-entry' || !store) return;
    const entry: KeptEntry = { id: envelope.id, keptAt: Date.now(), draft: dataToDraft(envelope.data), reason };
    if (reasonLang) entry.reasonLang = reasonLang;
    const sent = sentKey(envelope.community, envelope);
    const kept = keptKey(envelope.community, envelope);
    const write = this.keptWrites.then(async () => {
      try {
        if (this.community.storage === 'device') {
          await store.set(
            sent,
            parseStoredEntries(await store.get(sent)).filter((e) => e.id !== envelope.id),
          );
        }
        await store.set(kept, [entry, ...parseKeptEntries(await store.get(kept)).filter((e) => e.id !== entry.id)]);
      } catch (error) {
        this.storageError(error);
      }
    });
    this.keptWrites = write;
    await write;
  }

  /** Changes the entries not sent, and keeps them in the draft store (on the device, or in the page with `none`). */
  private changeKept(change: (list: KeptEntry[]) => KeptEntry[]): Promise<void> {
    this.kept = change(this.kept);
    const store = this.store;
    const community = this.community.envelopeContext().community;
    const key = keptKey(community, this.person());
    const write = this.keptWrites.then(async () => {
      if (!store) return;
      try {
        // Another tab may have kept entries too: change what is stored, not this element's copy.
        // An empty list is no record: nothing is left under the key (a respondent's, say).
        const list = change(parseKeptEntries(await store.get(key)));
        await (list.length ? store.set(key, list) : store.delete(key));
        if (this.community.storage === 'device')
          otherTabs.post({ key: this.keyInUse ?? '', kept: community }, this.onOtherTab);
      } catch (error) {
        this.storageError(error);
      }
    });
    this.keptWrites = write;
    return write;
  }

  // ----- every entry sent from this browser -----

  /**
   * The submission controller follows the last entry sent; the outbox holds every entry not yet
   * acknowledged, from this visit or an earlier one. The journal listens to the outbox itself, so
   * each entry it lists shows where it stands (waiting, sent), and each refusal is told and kept.
   */
  private syncOutbox(): void {
    if (!this.isConnected) return;
    const outbox = getOutbox(this.community.storage);
    if (outbox === this.outboxInUse) return;
    this.stopFollowingOutbox();
    this.outboxInUse = outbox;
    for (const type of ['queued', 'delivered', 'rejected'] as const) outbox.addEventListener(type, this.onOutbox);
    void this.readWaiting(outbox);
  }

  /** True when a journal on this page follows submission `id` with its submission controller. */
  private static followed(id: string): boolean {
    for (const journal of journals) if (journal.submission.envelope?.id === id) return true;
    return false;
  }

  private stopFollowingOutbox(): void {
    const outbox = this.outboxInUse;
    if (!outbox) return;
    for (const type of ['queued', 'delivered', 'rejected'] as const) outbox.removeEventListener(type, this.onOutbox);
    this.outboxInUse = undefined;
    this.resumedFor = '';
  }

  /**
   * Which entries still wait in the outbox; and the fate of those settled before the journal
   * listened, or refused or delivered on a page load without a journal (kept for it by the outbox).
   */
  private async readWaiting(outbox: Outbox): Promise<void> {
    const pending = await outbox.pending().catch((): OutboxEntry[] => []);
    await this.loading;
    if (outbox !== this.outboxInUse) return;
    const ours = pending.filter((e) => e.envelope.kind === 'journal-entry');
    // Waiting, of those: this community's and person's (another's, in the shared outbox, is not this
    // journal's to show, nor does it hold back telling one of its own that was delivered).
    const ids = ours
      .filter((e) => this.isMine(e.envelope) && !keptForElement(e) && !outbox.settledEvent(e.id))
      .map((e) => e.id);
    // Settled while the journal was off the page (removed, then added back): no longer waiting.
    const still = [...this.waiting].filter((id) => !outbox.settledEvent(id));
    this.waiting = new Set([...still, ...ids]);
    for (const entry of this.deviceEntries) {
      const fate = outbox.settledEvent(entry.id);
      if (fate?.type === 'rejected') this.fromOutbox(fate);
    }
    // Kept for a journal: settled on a page load without one, or on this one while none was on the
    // page (a framework renders it anew): told as it was told then, if it was, else as kept.
    for (const entry of ours) {
      const kept = keptEvent(entry);
      if (kept) this.fromOutbox(outbox.settledEvent(entry.id) ?? kept);
    }
  }

  private fromOutbox(event: OutboxEvent): void {
    if (event.type === 'delivered') this.retryEntries(false);
    const entry = event.entry;
    if (!entry || entry.envelope.kind !== 'journal-entry') return;
    const { id } = entry;
    if (event.type === 'queued') {
      if (!this.waiting.has(id) && this.isMine(entry.envelope)) this.waiting = new Set([...this.waiting, id]);
      return;
    }
    if (this.waiting.has(id)) this.waiting = new Set([...this.waiting].filter((w) => w !== id));
    // Delivered on a page load without a journal, and kept by the outbox for one: this journal
    // lists it as sent (from the device), which is all it had to show, so it is no longer kept.
    if (event.type === 'delivered' && entry.delivered !== undefined && this.deviceEntries.some((e) => e.id === id)) {
      void getOutbox(this.community.storage)
        .forget(id)
        .catch(() => undefined);
    }
    if (event.type === 'delivered') this.tellDelivery(entry);
    const result = event.result;
    if (event.type !== 'rejected' || result?.outcome !== 'rejected') return;
    // The journal that sent it (or took it up after a reload) tells it through its submission controller.
    if (LcReflectionJournal.followed(id)) return;
    if (entry.envelope.community !== this.community.envelopeContext().community) return;
    // Refused on a page load without a journal, and kept by the outbox for one: kept by the
    // journal from now on (in the form, under "Not sent", or for its person), so no longer there.
    const letGo = () => {
      if (entry.refused)
        void getOutbox(this.community.storage)
          .forget(id)
          .catch(() => undefined);
    };
    if (personOf(entry.envelope) !== personOf(this.person())) {
      // Another person's (a shared device: sent before the host switched, or on an earlier load):
      // kept for them, under their lists, never shown in this person's form or lists.
      if (!refusalsTold.has(id)) {
        refusalsTold.add(id);
        void this.keepForOther(entry.envelope, result.message, result.language).then(letGo);
      }
      return;
    }
    if (refusalsTold.has(id)) {
      // Told by another journal on this page: only no longer listed as sent here.
      this.deviceEntries = this.deviceEntries.filter((e) => e.id !== id);
      return;
    }
    refusalsTold.add(id);
    tellRefusal(this, entry.envelope, result);
    void this.refused(entry.envelope, result.message, result.language).then(letGo);
  }

  /** True for an entry of this journal's community and person (see tellDelivery). */
  private isMine(envelope: Envelope): boolean {
    return (
      envelope.community === this.community.envelopeContext().community &&
      personOf(envelope) === personOf(this.person())
    );
  }

  /**
   * A delivery no journal here follows (an entry of an earlier load, or one a journal that left the
   * page sent, a framework rendering it anew since): told once, with `lc-submitted`, as a delivery
   * it follows is, and shown by the status when it shows nothing else. Then no longer kept.
   */
  private tellDelivery(entry: OutboxEntry): void {
    const { id, envelope } = entry;
    if (deliveriesTold.has(id) || LcReflectionJournal.followed(id)) return;
    // Only this person's, of this community: another's is kept for their own journal.
    if (!this.isMine(envelope)) return;
    deliveriesTold.add(id);
    // Shown as the controller shows one it followed, unless it shows one of its own, or one waits
    // (its controller takes up the newest: see resumeWaiting).
    if (this.submission.state === 'idle' && !this.waiting.size && keptForElement(entry)) {
      this.submission.showKept(entry);
      return;
    }
    // `entry.envelope`, not a bare name, which the manifest analyzer would take for the event's name.
    this.dispatchEvent(new LcSubmittedEvent(entry.envelope));
    if (keptForElement(entry))
      void getOutbox(this.community.storage)
        .forget(id)
        .catch(() => undefined);
  }

  /**
   * After a reload, the newest entry this browser sent that still waits in the outbox is taken up
   * by the submission controller, as a rating's answer is: the status says it is on its way, and
   * its fate (sent, or refused and kept) is told as for one just sent. Older ones are followed
   * through the outbox (see fromOutbox).
   */
  private resumeWaiting(): void {
    const endpoint = this.submission.endpoint;
    if (!endpoint || this.submission.state !== 'idle' || !this.community.criteriaSet) return;
    const { community, round } = this.community.envelopeContext();
    const person = personOf(this.person());
    const key = `${endpoint}\n${community}\n${round}\n${person}`;
    if (key === this.resumedFor) return;
    this.resumedFor = key;
    void (async () => {
      await this.loading;
      const sentHere = new Set(this.deviceEntries.map((e) => e.id));
      // One refused or delivered on a page load without a journal is the journal's to keep or
      // list as sent (see readWaiting).
      await this.submission.resume(
        (e) =>
          e.kind === 'journal-entry' &&
          e.community === community &&
          e.round === round &&
          personOf(e) === person &&
          sentHere.has(e.id) &&
          !LcReflectionJournal.followed(e.id),
        { kept: false },
      );
    })();
  }

  /**
   * Updates the list of entries sent from this browser, and keeps it on the device under the `device`
   * policy: the list of the community and person that `of`, the entry changed, was sent as, when
   * the journal is another's since (added back to the page outside its community, say).
   */
  private async rememberSent(change: (list: StoredEntry[]) => StoredEntry[], of?: Envelope): Promise<void> {
    this.deviceEntries = change(this.deviceEntries).slice(0, SENT_LIMIT);
    const store = this.store;
    if (!store || this.community.storage !== 'device') return;
    const key =
      !of || this.isMine(of)
        ? sentKey(this.community.envelopeContext().community, this.person())
        : sentKey(of.community, of);
    try {
      // Another tab may have sent entries too: change what is stored, not this element's copy.
      const stored = parseStoredEntries(await store.get(key));
      const list = change(stored).slice(0, SENT_LIMIT);
      // Nothing sent (the first entry refused in the page): no record, rather than an empty one.
      if (list.length) await store.set(key, list);
      else if (stored.length) await store.delete(key);
    } catch (error) {
      this.storageError(error);
    }
  }

  // ----- the community's entries -----

  /**
   * `entries-src` again after it could not be read: "Try again", back online, or an entry delivered
   * (the server is reachable again). Asked by the person, the focus moves to the list's heading
   * while it loads (the button goes), then to the new "Try again" if it fails again (see updated).
   */
  private retryEntries(asked: boolean): void {
    if (this.remoteState !== 'error') return;
    if (asked) {
      this.retryingEntries = true;
      this.renderRoot.querySelector<HTMLElement>('#entries-heading')?.focus();
    }
    this.refreshEntries();
  }

  private syncRemote(): void {
    const src = this.entriesSrc?.trim() || undefined;
    const usable = src && !checkEndpoint(src, 'entries-src') ? src : undefined;
    if (usable === this.remoteFor && (usable || this.remoteState === 'idle')) return;
    this.remoteFor = usable;
    this.remoteRequest?.abort();
    this.remoteRequest = undefined;
    this.remoteError = '';
    if (!usable) {
      this.remoteEntries = [];
      this.remoteState = 'idle';
      return;
    }
    const request = new AbortController();
    this.remoteRequest = request;
    this.remoteState = 'loading';
    // The server (Lit SSR) fetches nothing: it shows the entries loading, and the browser loads them.
    if (isServer) return;
    void fetchEntries(usable, request.signal).then((result) => {
      if (request.signal.aborted) return;
      if (result.ok) {
        this.remoteEntries = result.value;
        this.remoteState = 'ready';
      } else {
        this.remoteEntries = [];
        this.remoteState = 'error';
        this.remoteError = result.error;
        logProblem(this, { attribute: 'entries-src', message: result.error });
      }
    });
  }

  // ----- export -----

  /**
   * The downloads are made only when the person takes one (see takeExport): made on every change
   * of the list, they cost a journal of hundreds of entries most of each keystroke in the filter.
   * When the list changes, a file taken before is released and its link points to no file: no link
   * ever holds a file of a list no longer shown.
   */
  private syncExport(): void {
    const inputs = [
      this.allEntries,
      this.activeFilter,
      this.community.locale,
      this.strings,
      this.community.criteriaSet,
    ];
    if (this.exportInputs && inputs.every((v, i) => v === this.exportInputs![i])) return;
    this.exportInputs = inputs;
    this.revokeExport();
  }

  /**
   * Makes the file as the person takes it (a click, Enter, a middle click, the context menu's "Save
   * link as…"), from the list shown then, before the browser follows the link, which stays a real
   * link. The JSON file says when it was exported: the moment it is taken. The file it replaces is
   * released a minute later, when a download of it has long started.
   */
  private takeExport(format: ExportFormat, link: HTMLAnchorElement): void {
    const old = this.exportUrls[format];
    const body = format === 'markdown' ? this.toMarkdown() : `${JSON.stringify(this.toJSON(), null, 2)}\n`;
    const type = format === 'markdown' ? 'text/markdown;charset=utf-8' : 'application/json;charset=utf-8';
    const url = URL.createObjectURL(new Blob([body], { type }));
    this.exportUrls = { ...this.exportUrls, [format]: url };
    link.href = url;
    if (old) setTimeout(() => URL.revokeObjectURL(old), 60_000);
  }

  private readonly onExport = (event: Event) => {
    const link = event.currentTarget as HTMLAnchorElement;
    this.takeExport(link.dataset['format'] === 'json' ? 'json' : 'markdown', link);
  };

  private revokeExport(): void {
    for (const url of Object.values(this.exportUrls)) URL.revokeObjectURL(url);
    this.exportUrls = {};
  }

  private exportName(ext: string): string {
    const base = fileNamePart(this.t('export.filename')) || 'reflection-journal';
    const filter = this.activeFilter;
    return `${base}${filter ? `-${filter}` : ''}.${ext}`;
  }

  // ----- formatting -----

  private formatDay(date: string): string {
    const time = Date.parse(`${date}T00:00:00Z`);
    if (Number.isNaN(time)) return date;
    return dateFormat(this.community.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(time);
  }

  private formatTime(epoch: number): string {
    const sameDay = localDate(new Date(epoch)) === localDate();
    const options: Intl.DateTimeFormatOptions = sameDay
      ? { timeStyle: 'short' }
      : { dateStyle: 'medium', timeStyle: 'short' };
    return dateFormat(this.community.locale, options).format(epoch);
  }

  /**
   * An entry's criteria by title, listed as their language lists names ("A, B, C"; "A، وB، وC" in
   * Arabic, not a Latin comma): the set's, as its titles and the list's `lang` are.
   */
  private criteriaList(ids: readonly string[]): string {
    return this.listOf(ids.map((id) => this.community.criterion(id)?.title ?? id));
  }

  /** Criteria titles listed in the language of the set they come from (see criteriaList). */
  private listOf(titles: string[]): string {
    const c = this.community;
    return listFormat(c.criteriaSet?.locale ?? c.locale).format(titles);
  }

  /**
   * A `lang` for what people wrote in another language than the UI's text (a Danish entry in an
   * English journal). Compared with the language the element is marked with, not the one asked
   * for: a French page is shown in English (no built-in French strings), and a French entry on it
   * is marked French, not left to inherit English. Its direction is the text's own (`dir="auto"`).
   */
  private entryLang(tag: string | undefined): string | undefined {
    if (!tag) return undefined;
    const primary = (t: string) => t.toLowerCase().split(/[-_]/)[0];
    return primary(tag) === primary(this.community.langTag) ? undefined : tag;
  }

  /**
   * The language of what the person types in the form: the page's (the language asked for, which
   * the entry is sent as, see entryLang), not the UI's English fallback. A French page shows the
   * journal in English, marked `lang="en"`; the French typed in its fields is marked French, so
   * spelling checks and screen readers take it as French. Nothing where the UI is in that language.
   */
  private get writingLang(): string | undefined {
    return this.entryLang(this.community.requestedLocale);
  }

  // ----- rendering -----

  /**
   * The name of one of the journal's two landmarks (the form, the past entries) when it is about a
   * criterion: "New entry: Trust", so several journals on a page (one per criterion in an
   * assessment) each have names of their own. The title is isolated (see isolate()): an accessible
   * name cannot mark its language or direction. Without a criterion, the landmark is named by its heading.
   */
  private landmarkLabel(key: 'form.label' | 'entries.label'): string | undefined {
    const id = this.presetCriterion;
    if (!id) return undefined;
    const title = this.community.criterion(id)?.title ?? id;
    return this.t(key, { criterion: isolate(title, this.community.dir === 'rtl') });
  }

  /** A heading; `focusable`: the focus can be put on it (tabindex -1), while what it heads reloads. */
  private heading(
    offset: number,
    content: unknown,
    id: string,
    focusable = false,
    level = this.validHeadingLevel,
  ): TemplateResult {
    const tag = headingTag(level + offset);
    return staticHtml`<${tag} part="heading" id=${id} tabindex=${ifDefined(focusable ? '-1' : undefined)}>${content}</${tag}>`;
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
      ${this.heading(0, this.t('heading'), 'journal-heading')} ${this.renderProblems()} ${this.renderForm()}
      ${this.renderEntries()}
      <div class="sr-only" role="status">
        ${keyed(this.announcement.n, html`<span>${this.announcement.text}</span>`)}
      </div>
    </div>`;
  }

  private renderProblems() {
    return configProblemsAlert(this.problems.list, this.community.locale, this.strings);
  }

  private renderForm() {
    const d = this.draft;
    const sending = this.submission.state === 'sending';
    const label = this.landmarkLabel('form.label');
    const writing = this.writingLang;
    // The status's text only, no white space around it: what the region says, and what a host reads.
    const status = this.statusText();
    const statusMeaning = JSON.stringify([this.submission.meaning, this.refusals]);
    const statusRegion = liveRegion({ lang: this.community.langTag, meaning: statusMeaning });
    // What a person writes takes its own direction, here and in the entries (an English title in
    // an Arabic journal keeps its full stop at its end); an empty field takes the journal's, where
    // Chromium's dir="auto" would take ltr.
    return html`<section class="new-entry">
      ${this.heading(1, this.t('form.heading'), 'form-heading')}
      <form
        part="form"
        novalidate
        aria-label=${ifDefined(label)}
        aria-labelledby=${ifDefined(label ? undefined : 'form-heading')}
        @submit=${this.onSubmit}
      >
        <div part="field" class="field">
          <label part="label" for="title">${this.t('field.title')}</label>
          <input
            id="title"
            part="input"
            type="text"
            lang=${ifDefined(writing)}
            dir=${d.title ? 'auto' : nothing}
            autocomplete="off"
            required
            maxlength=${TITLE_MAX}
            .value=${live(d.title)}
            aria-invalid=${this.errors.title ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.errors.title ? 'title-error' : undefined)}
            @input=${(e: Event) => this.edit('title', (e.target as HTMLInputElement).value)}
          />
          ${this.renderError('title')}
        </div>
        <div part="field" class="field">
          <label part="label" for="date">${this.t('field.date')}</label>
          <input
            id="date"
            part="input"
            type="date"
            required
            .value=${live(d.date)}
            aria-invalid=${this.errors.date ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.errors.date ? 'date-error' : undefined)}
            @input=${(e: Event) => this.edit('date', (e.target as HTMLInputElement).value)}
          />
          ${this.renderError('date')}
        </div>
        ${this.renderCriteria()} ${this.renderError('prompts')}
        ${PROMPT_KEYS.map((key) => this.renderText(key, this.t(`prompt.${key}`), 5))}
        ${this.renderText('participants', this.t('field.participants'), 2, this.t('field.participants.hint'))}
        ${this.renderDraftStatus()}
        <div class="actions">
          <button
            part="submit"
            class="primary"
            type="button"
            aria-disabled=${sending ? 'true' : 'false'}
            @click=${this.onSendClick}
          >
            ${sending ? coreMsg(this.community.locale, 'submit.sending', {}, this.strings) : this.t('send')}
          </button>
          ${
            isBlank(d, this.freshDraft())
              ? nothing
              : html`<button part="discard" type="button" @click=${this.openDiscard}>
                  ${this.t('draft.discard')}
                </button>`
          }
        </div>
        <p part="status" class="status" role="status" ${statusRegion} data-state=${this.statusState}>${status}</p>
      </form>
      ${this.renderKept()} ${this.renderDialog()}
    </section>`;
  }

  private renderError(key: ErrorKey) {
    const error = this.errors[key];
    return error ? html`<p part="field-error" class="field-error" id="${key}-error">${error}</p>` : nothing;
  }

  private renderCriteria() {
    const c = this.community;
    const set = c.criteriaSet;
    const known = set?.criteria ?? [];
    // A criterion the draft holds but the set does not (the set changed) stays visible, by its id.
    const extra = this.draft.criteria.filter((id) => !known.some((k) => k.id === id));
    const body = c.criteriaError
      ? html`<p class="hint">${criteriaErrorLine(c, this.strings)}</p>`
      : !set
        ? html`<p class="hint">${this.t('field.criteria.loading')}</p>`
        : this.renderChecks(known, extra);
    return html`<fieldset part="criteria" class="criteria">
      <legend part="label">${this.t('field.criteria')}</legend>
      ${body}
    </fieldset>`;
  }

  /**
   * The set's criteria to tick, marked with the set's language (as the card marks them); its
   * direction goes on each title, so the boxes stay on the journal's side of the list.
   */
  private renderChecks(known: ReadonlyArray<{ id: string; title: string }>, extra: readonly string[]) {
    const { lang, dir } = this.community.contentText();
    return html`<ul class="checks" lang=${ifDefined(lang)}>
      ${known.map((k) => this.renderCheck(k.id, k.title, dir))} ${extra.map((id) => this.renderCheck(id, id))}
    </ul>`;
  }

  private renderCheck(id: string, title: string, dir?: 'ltr' | 'rtl') {
    const checked = this.draft.criteria.includes(id);
    return html`<li>
      <label class="check">
        <input
          type="checkbox"
          value=${id}
          .checked=${live(checked)}
          @change=${(e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            const rest = this.draft.criteria.filter((x) => x !== id);
            this.edit('criteria', on ? [...rest, id] : rest);
          }}
        />
        <span dir=${ifDefined(dir)}>${title}</span>
      </label>
    </li>`;
  }

  private renderText(field: TextField, label: string, rows: number, hint?: string) {
    const value = this.draft[field];
    const max = this.limit(field);
    const level = this.countLevel(field, value);
    const error = this.errors[field];
    const describedBy = [
      hint ? `${field}-hint` : '',
      `${field}-count`,
      error ? `${field}-error` : '',
      this.errors.prompts && field !== 'participants' ? 'prompts-error' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`<div part="field" class="field">
      <label part="label" for=${field}>${label}</label>
      ${hint ? html`<p class="hint" id="${field}-hint">${hint}</p>` : nothing}
      <textarea
        id=${field}
        part="input"
        lang=${ifDefined(this.writingLang)}
        dir=${value ? 'auto' : nothing}
        rows=${rows}
        maxlength=${max}
        .value=${live(value)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${(e: Event) => {
          const text = (e.target as HTMLTextAreaElement).value;
          this.edit(field, text);
          this.checkCount(field, text);
        }}
      ></textarea>
      <p part="count" class="count" id="${field}-count" data-level=${level > 1 ? 'limit' : level ? 'near' : 'ok'}>
        ${this.t('count', { length: value.length, count: max })}
      </p>
      ${this.renderError(field)}
    </div>`;
  }

  /** Where the draft is kept, and since when: "Draft saved on this device at 9:22." */
  private savedText(): string {
    if (this.savedAt === undefined) return '';
    const device = this.community.storage === 'device';
    const failed = device && (this.storageFailed || !this.submission.storageAvailable);
    return device && !failed
      ? this.t('draft.saved', { time: this.formatTime(this.savedAt) })
      : this.t('draft.saved-memory');
  }

  private renderDraftStatus() {
    const device = this.community.storage === 'device';
    const failed = device && (this.storageFailed || !this.submission.storageAvailable);
    const saved = this.savedText();
    // Nothing kept on the device: said from the start when the host chose it (storage="none"),
    // as soon as it fails otherwise.
    const notice = failed
      ? this.t('draft.storage-failed')
      : this.community.storage === 'none'
        ? coreMsg(this.community.locale, 'storage.none', {}, this.strings)
        : '';
    return html`<div class="draft">
      <p
        part="draft-status"
        class="hint"
        role="status"
        ${liveRegion({ lang: this.community.langTag, meaning: JSON.stringify([failed, this.community.storage, this.draftNotice]) })}
      >
        ${notice ? html`<span part="notice" class="notice">${notice}</span>` : nothing} ${this.draftNotice}
      </p>
      <p class="hint saved">${saved}</p>
    </div>`;
  }

  private renderDialog() {
    return html`<dialog part="dialog" aria-labelledby="discard-title" aria-describedby="discard-body">
      <p id="discard-title" class="dialog-title">${this.t('draft.discard.title')}</p>
      <p id="discard-body">${this.t('draft.discard.body')}</p>
      <div class="actions">
        <button type="button" class="keep" @click=${() => this.dialog?.close()}>
          ${this.t('draft.discard.cancel')}
        </button>
        <button type="button" class="confirm" @click=${this.confirmDiscard}>${this.t('draft.discard.confirm')}</button>
      </div>
    </dialog>`;
  }

  /** The state the status shows: a refusal told by the journal (see refused) reads as one. */
  private get statusState(): string {
    return this.refusals.length ? 'rejected' : this.submission.state;
  }

  private statusText(): string | TemplateResult {
    const { state } = this.submission;
    const locale = this.community.locale;
    if (this.refusals.length) {
      // Each refusal since the last send, in order: where each entry's text is, and why it was refused.
      return html`${this.refusals.map((r, i) => html`${i ? ' ' : ''}${this.refusalSentence(r)}`)}`;
    }
    switch (state) {
      case 'sending':
        return coreMsg(locale, 'submit.sending', {}, this.strings);
      case 'sent':
        return this.t('status.sent');
      case 'queued':
        return this.t(queuedKey('status.queued', this.submission));
      case 'rejected':
        return this.submission.said((reason) => this.t('status.rejected', { reason }));
      case 'handled':
        return this.t('status.handled');
      default:
        return '';
    }
  }

  private refusalSentence(r: Refusal): string | TemplateResult {
    const sentence =
      r.place === 'form'
        ? (reason: string) => this.t('status.rejected', { reason })
        : (reason: string) =>
            this.t(r.place === 'kept' ? 'status.rejected-kept' : 'status.rejected-elsewhere', {
              reason,
              title: r.title,
            });
    return withReason(sentence, r.reason, r.reasonLang, this.community.dir);
  }

  private renderKept() {
    if (!this.kept.length) return nothing;
    const dir = this.community.dir;
    // Not a landmark of its own (a section without a name): it belongs to the new entry, right
    // after the form, and the status names it by its heading.
    return html`<section part="kept" class="kept">
      ${this.heading(2, this.t('kept.heading'), 'kept-heading')}
      <p class="hint">${this.t('kept.hint')}</p>
      <ul class="kept-list">
        ${repeat(
          this.kept,
          (e) => e.id,
          (e, i) =>
            html`<li part="kept-entry" class="kept-entry">
              <p class="kept-title" id="kept-${i}" dir="auto">${e.draft.title.trim() || this.t('kept.untitled')}</p>
              <p class="kept-why" id="kept-${i}-why">
                ${
                  e.reason === undefined
                    ? this.t('kept.aside', { time: this.formatTime(e.keptAt) })
                    : withReason((reason) => this.t('kept.refused', { reason }), e.reason, e.reasonLang, dir)
                }
              </p>
              <button
                part="take-back"
                type="button"
                aria-describedby="kept-${i} kept-${i}-why"
                @click=${() => void this.takeBack(e)}
              >
                ${e.reason === undefined ? this.t('kept.continue') : this.t('kept.edit')}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderEntries() {
    const shown = this.shownEntries;
    const filter = this.activeFilter;
    const loading = this.remoteState === 'loading';
    const label = this.landmarkLabel('entries.label');
    return html`<section
      part="entries-section"
      class="past"
      aria-label=${ifDefined(label)}
      aria-labelledby=${ifDefined(label ? undefined : 'entries-heading')}
    >
      ${this.heading(1, this.t('entries.heading'), 'entries-heading', true)}
      <div class="toolbar">
        ${this.renderFilter(filter)}
        ${
          shown.length
            ? html`<div class="exports">
                ${this.renderExportLink('markdown', 'md', this.t('export.markdown'))}
                ${this.renderExportLink('json', 'json', this.t('export.json'))}
              </div>`
            : nothing
        }
      </div>
      ${loading ? html`<p class="hint">${this.t('entries.loading')}</p>` : nothing}
      ${
        this.remoteState === 'error'
          ? html`<div
              part="entries-error"
              class="entries-error"
              role="alert"
              ${liveRegion({ lang: this.community.langTag, meaning: this.remoteError })}
            >
              <p>${this.t('entries.error', { problem: this.remoteError })}</p>
              <button part="retry" type="button" class="retry" @click=${() => this.retryEntries(true)}>
                ${coreMsg(this.community.locale, 'submit.retry', undefined, this.strings)}
              </button>
            </div>`
          : nothing
      }
      ${
        // Until the community's answer is in, no count and no "no entries": they would not be true.
        loading ? nothing : html`<p class="hint">${this.t('entries.count', { count: shown.length })}</p>`
      }
      ${
        shown.length
          ? // Drawn again only when what it shows changed: not on every key pressed in the form above
            // (a journal may list thousands of entries). Each value is replaced, never changed in place.
            guard(
              [
                this.allEntries,
                filter,
                this.waiting,
                this.submission.state === 'queued' ? this.submission.envelope?.id : undefined,
                this.community.locale,
                this.community.criteriaSet,
                this.strings,
                this.validHeadingLevel,
              ],
              () =>
                html`<ol part="entries" class="entries">
                  ${repeat(
                    shown,
                    (e) => e.id,
                    (e, i) => this.renderEntry(e, i, this.validHeadingLevel),
                  )}
                </ol>`,
            )
          : loading
            ? nothing
            : html`<p>${filter ? this.t('entries.empty-filter') : this.t('entries.empty')}</p>`
      }
    </section>`;
  }

  /**
   * A download link whose file is made as it is taken (see takeExport). Until then it points to no
   * file ("#", which the click replaces before the browser follows it): `live`, so a file released
   * as the list changed is never left on it.
   */
  private renderExportLink(format: ExportFormat, ext: string, label: string) {
    return html`<a
      part="export"
      href=${live(this.exportUrls[format] ?? '#')}
      download=${this.exportName(ext)}
      data-format=${format}
      @click=${this.onExport}
      @auxclick=${this.onExport}
      @contextmenu=${this.onExport}
      >${label}</a
    >`;
  }

  private renderFilter(filter: string | undefined) {
    const c = this.community;
    const text = c.contentText();
    const known = c.criteriaSet?.criteria ?? [];
    const ids = [...known.map((k) => k.id)];
    for (const id of [...criteriaOf(this.allEntries), ...(filter ? [filter] : [])]) if (!ids.includes(id)) ids.push(id);
    return html`<div class="filter">
      <label part="label" for="filter">${this.t('entries.filter')}</label>
      <select id="filter" part="filter" @change=${(e: Event) => (this.filter = (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!filter}>${this.t('entries.filter.all')}</option>
        ${ids.map(
          (id) =>
            html`<option value=${id} ?selected=${id === filter} lang=${ifDefined(text.lang)} dir=${ifDefined(text.dir)}>
              ${c.criterion(id)?.title ?? id}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private renderEntry(entry: JournalEntry, index: number, level: number) {
    const c = this.community;
    const d = entry.data;
    const id = `entry-${index}`;
    const lang = this.entryLang(entry.locale);
    const pending =
      this.waiting.has(entry.id) || (this.submission.state === 'queued' && this.submission.envelope?.id === entry.id);
    const setText = c.contentText();
    return html`<li part="entry" class="entry">
      <article aria-labelledby=${id}>
        ${this.heading(2, html`<span lang=${ifDefined(lang)} dir="auto">${d.title}</span>`, id, false, level)}
        <p class="meta">
          <time datetime=${d.date}>${this.formatDay(d.date)}</time>
          ${entry.source === 'device' ? html`<span part="badge" class="badge">${this.t('entry.from-device')}</span>` : nothing}
          ${pending ? html`<span part="badge" class="badge pending">${this.t('entry.pending')}</span>` : nothing}
        </p>
        <dl>
          ${
            d.criteria.length
              ? html`<dt>${this.t('entry.criteria')}</dt>
                  <dd lang=${ifDefined(setText.lang)} dir=${ifDefined(setText.dir)}>
                    ${this.criteriaList(d.criteria)}
                  </dd>`
              : nothing
          }
          ${PROMPT_KEYS.map((key) =>
            d[key]
              ? html`<dt>${this.t(`prompt.${key}`)}</dt>
                  <dd part="entry-text" class="text" lang=${ifDefined(lang)} dir="auto">${d[key]}</dd>`
              : nothing,
          )}
          ${
            d.participants
              ? html`<dt>${this.t('entry.participants')}</dt>
                  <dd part="entry-text" class="text" lang=${ifDefined(lang)} dir="auto">${d.participants}</dd>`
              : nothing
          }
        </dl>
      </article>
    </li>`;
  }

  // ----- handlers -----

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  /**
   * "Send entry" pressed twice (a double-click, a double-tap): the first press sent the entry and
   * emptied the form, and the second would find it empty, flag its fields and take the focus (on a
   * phone, opening the keyboard) though the person did nothing wrong. On the empty new form, the
   * second press of a double-click, or a press within SEEN_MS of the last one, does nothing.
   */
  private onSendClick(event: MouseEvent): void {
    const last = this.sendPressedAt;
    this.sendPressedAt = performance.now();
    const fresh = isBlank(this.draft, this.freshDraft());
    if (fresh && (event.detail > 1 || this.sendPressedAt - last < SEEN_MS)) return;
    void this.submit();
  }

  private openDiscard(): void {
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('.keep')?.focus();
  }

  private async confirmDiscard(): Promise<void> {
    this.dialog?.close();
    await this.discardDraft();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#title')?.focus();
  }
}

function sameDraft(a: JournalDraft, b: JournalDraft): boolean {
  return (Object.keys(a) as Array<keyof JournalDraft>).every((k) =>
    Array.isArray(a[k]) ? (a[k] as string[]).join('\n') === (b[k] as string[]).join('\n') : a[k] === b[k],
  );
}

/** `closest()` that also looks past the shadow roots the element sits in. */
function closestAcrossShadow(from: Element, selector: string): Element | undefined {
  // The server has no page to look in (the browser's first render looks).
  if (isServer) return undefined;
  let node: Element | null = from;
  while (node) {
    const found: Element | null = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = shadowHost(root);
  }
  return undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-reflection-journal': LcReflectionJournal;
  }
}
