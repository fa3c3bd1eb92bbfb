import { coreStrings } from '../../core/i18n/core-strings.js';
import { html, isServer, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssProps } from '../../core/css-props.js';
import { html as staticHtml } from 'lit/static-html.js';
import * as z from '../../core/zod.js';
import { CommunityController } from '../../core/community-controller.js';
import {
  checkAttribute,
  checkEndpoint,
  ConfigProblems,
  localeTagCheck,
  logProblem,
  type ConfigProblem,
} from '../../core/config.js';
import { downloadText } from '../../core/download.js';
import { fetchJson, type ParseResult } from '../../core/fetch-json.js';
import { headingTag } from '../../core/headings.js';
import { problemSentence, problemText } from '../../core/problems.js';
import { quoting } from '../../core/reason.js';
import { VERSION } from '../../core/define.js';
import { sameRespondent } from '../../core/build-envelope.js';
import { validateEnvelope, type Actor, type Envelope, type PartnershipsData, type Tie } from '../../core/envelope.js';
import { coreMsg } from '../../core/i18n/core-strings.js';
import {
  isolate,
  toSupportedLocale,
  type StringOverrides,
  englishTexts,
  type LocaleTable,
  type Message,
  type StringTable,
} from '../../core/i18n/i18n.js';
import type { LcSubmitErrorEvent, LcSubmittedEvent } from '../../core/events.js';
import {
  LOCKED_STATES,
  queuedKey,
  SEEN_MS,
  staleSend,
  SubmissionController,
  type SubmissionState,
} from '../../core/submission-controller.js';
import { actorsToCsv, tiesToCsv } from './csv.js';
import { computeFigures, orderSectors, type MatrixFigures } from './figures.js';
import {
  describeProblem,
  matrixToJson,
  parseMatrixJson,
  validateActors,
  validateMatrixData,
  validateTies,
  MAX_ACTORS,
  type DataProblem,
} from './json.js';
import {
  actorIdFor,
  DEFAULT_SECTORS,
  MatrixModel,
  nameKey,
  opposedPairs,
  PUBLIC_AUTHORITY,
  TIE_LEVELS,
  type MatrixData,
  type RemovedActor,
  type TieLevel,
} from './matrix-model.js';
import { leanRow, type CellSpec, type RowSpec } from './lean-row.js';
import { mergeMaps } from './merge.js';
import {
  draftKeySchema,
  getDraftStore,
  personalKey,
  personOf,
  takeUpRecord,
  type DraftStore,
} from '../../core/draft-store.js';
import { getOutbox } from '../../core/outbox.js';
import { matrixDraftKey, readMatrixDraft, sameMap, writeMatrixDraft } from './draft.js';
import { errorBox, hostDefaults } from '../../core/shared-styles.js';
import { firstPaintRoot } from '../../core/ssr.js';
import { styles } from './lc-partnership-matrix.styles.js';
import { msg, strings, type MatrixStringKey } from './strings.js';
import { dateFormat, numberFormat } from '../../core/intl.js';
import { liveRegion } from '../../core/live-region.js';

/** A sector the element offers: an id, and optionally a label (else the built-in one, or the id). */
export interface SectorOption {
  id: string;
  label?: string;
}

/** `auto` switches to the list below 640 px of the element's own width, or in a window 520 px tall or less. */
export type MatrixLayout = 'auto' | 'grid' | 'list';

const NARROW_BELOW = 640;
/**
 * A window this short (a phone turned sideways, a laptop's small screen zoomed in) gets the list.
 * The grid's scrolling box is 70 % of the window's height, and its sticky column headers, which
 * show long names whole, take up to 14.5em of it: in 32.5em (520 px at the default text size)
 * there is room for them and three rows of cells (3 × 2.75em), no less.
 */
const SHORT_WINDOW = '(max-height: 32.5em)';
const layoutSchema = z.enum(['auto', 'grid', 'list'], 'must be "auto", "grid" or "list"');
const headingLevelSchema = z
  .number()
  .check(z.int('must be a whole number'), z.gte(2, 'must be 2 to 6'), z.lte(6, 'must be 2 to 6'));
const sectorSchema = z.array(
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(64)),
    label: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  }),
);
const srcSchema = z.string();
/** The longest name an actor may have, in characters. */
const NAME_MAX = 200;
/** The levels' range for a sentence ("0 to 4"), formatted in the locale's digits as every figure is. */
const LEVEL_RANGE = { min: 0, max: TIE_LEVELS.length - 1 };
/** The text properties, with their defaults (see ConfigProblems.takeProperties). */
const TEXT = {
  endpoint: undefined,
  locale: undefined,
  src: undefined,
  layout: 'auto',
  publicSector: PUBLIC_AUTHORITY,
  draftKey: undefined,
};

/** Arabic-Indic and Eastern Arabic-Indic digits set levels as well as ASCII digits. */
const DIGITS: Record<string, TieLevel> = {
  '0': 0,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '٠': 0,
  '١': 1,
  '٢': 2,
  '٣': 3,
  '٤': 4,
  '۰': 0,
  '۱': 1,
  '۲': 2,
  '۳': 3,
  '۴': 4,
};

interface LabelKit {
  stamp: number;
  cell: (row: string, col: string, level: string) => string;
  self: (row: string) => string;
  levels: string[];
  /** Each level as the cells show it, in the locale's digits ("٣" in ar-EG, as every other figure). */
  digits: string[];
  /** ", without a public authority", with the language's comma. */
  independent: string;
}

/** Turns a message holding the markers U+0001…U+0003 into a fast function of the values they stand for. */
function compile(message: string): (values: string[]) => string {
  const parts = message.split(/([\u0001-\u0003])/);
  return (values) => {
    let out = '';
    for (const part of parts) {
      const code = part.length === 1 ? part.charCodeAt(0) : 0;
      out += code >= 1 && code <= 3 ? (values[code - 1] ?? '') : part;
    }
    return out;
  };
}

const columnHeader = (name: string, current: boolean) =>
  html`<div role="columnheader" part="column-header" class=${current ? 'col current' : 'col'}>
    <span>${name}</span>
  </div>`;

interface InputProblem {
  attribute: string;
  problems: DataProblem[];
}

/** Where loading `src` stands. A load that failed keeps the URL, its problem, and the data's problems if it was data. */
type SrcLoad =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'loaded' }
  | { state: 'error'; url: string; error: string; problems?: DataProblem[] };

/**
 * The map from `src`, arrived after the person had started their own: offered, never loaded over
 * it. Once the person added it to theirs or took it instead, `applied` holds their map as it was,
 * for Undo.
 */
interface SrcOffer {
  data: MatrixData;
  /**
   * `page`: the map the page gave (its `actors`, `ties`, `data`, or `src` already loaded) while the
   * person's own, restored from an earlier visit, is shown; `src` (default): `src` arriving late.
   */
  from?: 'page';
  applied?: { how: 'merged' | 'replaced'; before: MatrixData; edited: boolean };
  /** Undo brought the person's map back (the status says so). */
  restored?: boolean;
}

/** The offer's texts: of the file (`src.*`), or of the page's own map (`page.*`, see SrcOffer). */
const offerKey = (offer: SrcOffer, what: 'arrived' | 'merge' | 'replace' | 'merged' | 'replaced'): MatrixStringKey =>
  `${offer.from === 'page' ? 'page' : 'src'}.${what}`;

const sectorsConverter = {
  fromAttribute: (value: string | null): SectorOption[] | undefined =>
    value === null
      ? undefined
      : value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((id) => ({ id })),
  toAttribute: (value: SectorOption[] | undefined) => value?.map((s) => s.id).join(','),
};

/**
 * Who collaborates with whom, and how independently: actors in rows and columns, each pair rated
 * 0–4 and flagged "works without a public authority", with live figures, import and export, and
 * submission as a `partnerships` envelope.
 *
 * Keyboard (grid): arrow keys, Home/End (row), Ctrl+Home/Ctrl+End (grid), Page Up/Page Down move;
 * 0–4 set the level; Space or I toggles "works without a public authority"; Enter (or F2) opens
 * the level picker; Delete or Backspace sets "none". Below 640 px of its own width, or in a window
 * 520 px tall or less, the element shows a list of one actor's ties instead of the grid.
 *
 * With `storage="device"` (the default) the map being built is kept on the device as it is edited
 * (IndexedDB `lc-elements-drafts`, key `matrix:<community>/<round>` or `matrix:<draft-key>`; with
 * a `respondent` on the community, `matrix@<respondent>/<perspective>:…`, so on a shared device
 * each person, switched with or without a reload, sees only their own), restored on the next load (the notice says so), and deleted once it is sent (a note of the
 * submission's id stays until it is delivered). A restored map is never replaced by the page's
 * `actors`, `ties`, `data` or `src`: theirs is offered beside it. A map an earlier load left waiting
 * in the outbox is shown as waiting, then sent; one the outbox delivered (or the endpoint refused)
 * on this load before the element looked is shown as sent (or refused, and kept). With
 * `storage="none"` it is kept in the page's memory only.
 *
 * @summary A keyboard-friendly partnership matrix with derived network figures.
 * @csspart base - The wrapper of everything.
 * @csspart title - The heading.
 * @csspart intro - The introduction under the heading.
 * @csspart empty - Shown instead of the matrix with fewer than two actors.
 * @csspart error - A box listing problems with input (attributes, properties, imported data), or why `src` could not be loaded (with "Try again").
 * @csspart src-status - The line saying how loading `src` goes: loading, or arrived after the person started their own map (a polite live region).
 * @csspart src-offer - The box around that line and its buttons when the map from `src` arrived after the person started their own, or the page gave a map while the person's own was restored (add it to theirs, use it instead, keep only theirs; then Undo).
 * @csspart help - The keyboard help under the title.
 * @csspart current - The line describing the focused cell.
 * @csspart scroller - The scrolling box around the grid.
 * @csspart grid - The matrix table (`role="grid"`).
 * @csspart column-header - A column's actor.
 * @csspart row-header - A row's actor.
 * @csspart cell - A cell of the matrix.
 * @csspart legend - The key to the levels and the "without a public authority" mark, under the grid.
 * @csspart picker - The shared level picker (a popover).
 * @csspart option - A level in the picker.
 * @csspart list - The narrow-screen list of ties.
 * @csspart figures - The figures section.
 * @csspart heatmap - The sector × sector table.
 * @csspart actors - The actors panel (add, rename, remove).
 * @csspart data - The import and export panel.
 * @csspart notice - The polite announcement line (edits, removal with undo, the map restored from the device).
 * @csspart button - Every button, and the import's "Import a JSON file" (a file input laid over it takes its clicks and focus).
 * @csspart submit - The send button.
 * @csspart status - The submission status (a polite live region).
 * @csspart storage-notice - The note shown when nothing can be kept on this device (storage="none", or no storage).
 * @cssprop --lc-matrix-cell-size - Width and height of a cell (default 2.75em, and at least 44 px: a 44 px target).
 * @cssprop --lc-matrix-header-size - Width of the row headers (default 11rem).
 * @cssprop --lc-matrix-accent - The matrix's accent (falls back to --lc-accent): the tints of levels 1 and 2, the current row and column, buttons and checks. Levels 3 and 4 keep blues of their own that carry white digits at 4.5:1 (set them with --lc-matrix-level-3 and -4), and the focus ring is --lc-focus-color's where that is set.
 * @cssprop --lc-matrix-independent - Colour of the "without a public authority" corner mark.
 * @cssprop --lc-matrix-independent-on-dark - The same mark on the two darkest levels.
 * @cssprop --lc-matrix-max-height - The grid's scrolling box's maximum height (default 70vh).
 * @cssprop --lc-matrix-current - Background of the focused cell's row and column headers and of the selected level in the picker (default: a 12% tint of the accent over `--lc-surface`).
 * @cssprop --lc-matrix-level-0 - Background of a cell with no tie (falls back to `--lc-surface`).
 * @cssprop --lc-matrix-level-1 - Background of a level 1 cell (its digit is in the text colour: keep 4.5:1; default: a 10% tint of the accent over `--lc-surface`).
 * @cssprop --lc-matrix-level-2 - Background of a level 2 cell (its digit is in the text colour: keep 4.5:1; default: a 30% tint of the accent over `--lc-surface`).
 * @cssprop --lc-matrix-level-3 - Background of a level 3 cell, and of a heatmap mean of 3 (white digit: keep 4.5:1 with it).
 * @cssprop --lc-matrix-level-4 - Background of a level 4 cell, the strongest, and of a heatmap mean of 4 (white digit: keep 4.5:1 with it).
 * @cssprop --lc-accent-text - Text on the accent colour: the Send button (default white; dark in a dark colour scheme).
 * @cssprop --lc-focus-color - Colour of the focus outline (the older `--lc-focus-ring` is read when it is not set).
 * @cssprop --lc-muted-text - Secondary text (the older `--lc-muted-color` is read when it is not set).
 * @cssprop --lc-radius - Corner radius.
 * @cssprop --lc-error-color - Border of error messages.
 * @cssprop --lc-error-background - Background of error messages.
 * @cssprop --lc-error-text - Text colour of error messages.
 * @fires change - When the person changes a level, a flag or an actor, imports data, or adds or takes the map from `src` that arrived after they started (never on a property set, nor when `src` loads).
 * @fires lc-submit - Before sending (cancelable).
 * @fires lc-submitted - When the endpoint acknowledged the submission.
 * @fires lc-submit-error - When a submission was rejected or failed and is retried.
 */
export class LcPartnershipMatrix extends LitElement {
  static version = VERSION;
  /**
   * Every UI text of the element in English, by key: the keys its \`strings\` takes. Give them all,
   * translated, to show it in a language the library does not ship (docs/developers.md, "Strings").
   */
  static get englishTexts(): Record<string, Message> {
    return englishTexts([coreStrings, strings] as LocaleTable<StringTable>[]);
  }
  static override styles = [hostDefaults, errorBox, styles];

  /** Ties are one-way: a→b does not imply b→a. Default: mutual (symmetric). */
  @property({ type: Boolean, reflect: true }) directed = false;
  /** Where submissions are posted; defaults to the enclosing `<lc-community>`'s endpoint. */
  @property() endpoint?: string;
  /** Language of the UI (a BCP 47 tag); defaults to the community's, then the nearest `lang`. */
  @property() locale?: string;
  /**
   * A URL to JSON (an export of this element) to load the actors and ties from. If it arrives after
   * the person started their own map, theirs is kept and the file's is offered instead.
   */
  @property() src?: string;
  /** `auto` (default: list below 640 px of the element's width, or in a window 520 px tall or less), `grid` or `list`. */
  @property() layout: MatrixLayout = 'auto';
  /** The level of the element's heading (2–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /** The sectors offered: objects `{ id, label? }`, or as an attribute, comma-separated ids. */
  @property({ converter: sectorsConverter }) sectors?: SectorOption[];
  /**
   * The sector id whose actors count as public authorities in the figures: one of `sectors` (another
   * is reported as a configuration problem, and `outsidePublicShare` is then null).
   */
  @property({ attribute: 'public-sector' }) publicSector: string = PUBLIC_AUTHORITY;
  /** Per-instance overrides of any UI string, by key (see `strings.ts`). */
  @property({ attribute: false }) strings?: StringOverrides;
  /**
   * The key the map being built is kept under on the device (`matrix:<draft-key>` in the
   * `lc-elements-drafts` database). Default: the community and round (`matrix:<community>/<round>`).
   * Set it when one page has two maps for the same community and round, so each keeps its own.
   */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /**
   * The actors, each `{ id, name, sector }`. Setting it keeps the ties among actors that remain.
   * While the person's own map, restored from the device, is shown, a set is offered beside it
   * (the `src-offer` box), not applied (as are `ties` and `data`).
   */
  @property({ attribute: false, noAccessor: true })
  get actors(): Actor[] {
    return this.model.actors.map((a) => ({ ...a }));
  }
  set actors(value: Actor[]) {
    const result = validateActors(value);
    if (!result.ok) {
      this.reportInput('actors', result.problems);
      return;
    }
    this.clearInput('actors');
    const given = new MatrixModel(this.pageGave ?? { directed: this.directed });
    given.setActors(result.value);
    this.pageGave = given.toData();
    if (this.keepsOwn) {
      // The person's own map from an earlier visit is shown: the page's is offered beside it.
      const page = new MatrixModel(this.pageMap ?? { directed: this.directed });
      page.setActors(result.value);
      this.offerPage(page.toData());
    } else {
      this.model.setActors(result.value);
      // The page's actors now: an actor removed earlier may be among them, and could not be put back.
      this.removed = [];
      this.structureChanged();
    }
    // Ties refused for naming actors not there yet (set before their actors): tried again now.
    const pending = this.pendingTies;
    if (pending !== undefined) this.ties = pending;
  }

  /** The ties, each `{ source, target, level, independent }` (symmetric: each pair once). */
  @property({ attribute: false, noAccessor: true })
  get ties(): Tie[] {
    return this.model.ties();
  }
  set ties(value: Tie[]) {
    const page = this.keepsOwn ? new MatrixModel(this.pageMap ?? { directed: this.directed }) : undefined;
    const result = validateTies(value, (page ?? this.model).actors);
    if (!result.ok) {
      this.pendingTies = value;
      this.reportInput('ties', result.problems);
      return;
    }
    this.pendingTies = undefined;
    this.clearInput('ties');
    const given = new MatrixModel(this.pageGave ?? { directed: this.directed });
    given.setDirected(this.directed);
    given.setTies(result.value);
    this.pageGave = given.toData();
    if (page) {
      page.setDirected(this.directed);
      page.setTies(result.value);
      this.offerPage(page.toData());
      return;
    }
    // The element's direction first (it may have been set a moment ago, before an update).
    this.model.setDirected(this.directed);
    this.model.setTies(result.value);
    this.structureChanged();
  }

  /** Everything at once: `{ directed?, actors, ties }`, as exported; its `directed` is read, the element's own wins. */
  @property({ attribute: false, noAccessor: true })
  get data(): PartnershipsData {
    return { ...this.model.toData(), figures: this.figures as unknown as PartnershipsData['figures'] };
  }
  set data(value: unknown) {
    const result = validateMatrixData(value);
    if (!result.ok) {
      this.reportInput('data', result.problems);
      return;
    }
    // The whole map replaced: problems of earlier actors or ties no longer apply.
    this.pendingTies = undefined;
    for (const attribute of ['data', 'actors', 'ties']) this.clearInput(attribute);
    this.pageGave = result.value;
    if (this.keepsOwn) {
      this.offerPage(result.value);
      return;
    }
    this.loadData(result.value);
    this.edited = false;
  }

  /** Where the last submission stands: idle, sending, sent, queued, rejected or handled. */
  get submissionState(): SubmissionState {
    return this.submission.state;
  }

  /** The figures derived from the current data, kept up to date. */
  get figures(): MatrixFigures {
    if (this.figuresFor !== this.revision) {
      this.cachedFigures = computeFigures(this.model.toData(), {
        sectorOrder: this.sectorIds,
        // One that is not among the sectors (a host's typo, reported: see checkConfig) has no actor:
        // a share outside it would be every tie's, and wrong, so it is not computed.
        publicSector: this.sectorIds.includes(this.publicSectorId) ? this.publicSectorId : null,
      });
      this.figuresFor = this.revision;
    }
    return this.cachedFigures;
  }

  /** Only settings that pass their check reach the controller: a bad one is reported, never used. */
  private readonly community = new CommunityController(
    this,
    () => ({
      locale: !localeTagCheck(this.locale) ? this.locale : undefined,
      endpoint: this.endpoint !== undefined && !checkEndpoint(this.endpoint) ? this.endpoint : undefined,
    }),
    { strings: [strings] },
  );
  private readonly submission = new SubmissionController(this, this.community, validateEnvelope);
  private readonly model = new MatrixModel();

  /** Bumped on every change of data; the figures and the export follow it. */
  @state() private revision = 0;
  /** Bumped when every row must re-render (actors, locale, strings, direction). */
  private gridStamp = 0;
  /** Per row, bumped when one of its cells changed. */
  private rowStamps: number[] = [];
  private figuresFor = -1;
  private cachedFigures!: MatrixFigures;
  private lastLook = '';

  @state() private activeRow = 0;
  @state() private activeCol = 1;
  /** Below 640 px wide, or in a short window: `auto` shows the list (see fitLayout). */
  @state() private narrow = false;
  /** The element's width, as last observed. */
  private width = 0;
  private shortWindow: MediaQueryList | undefined;
  /** Whether the list or the grid was rendered last (see switchLayout). */
  private listShown: boolean | undefined;
  /** The grid's column headers, observed for their height (see headBlock). */
  private observedHead: Element | undefined;
  /**
   * The height of the grid's sticky column headers (CSS px): the grid's scroll padding, so that a
   * cell the focus moves to is scrolled out from under them (long names make them taller than any
   * fixed padding).
   */
  @state() private headBlock = 0;
  @state() private pickerOpen = false;
  @state() private pickerPosition: { top: number; left: number } = { top: 0, left: 0 };
  /** The CSS `zoom` around the element when the picker was placed (its height limit is divided by it). */
  @state() private pickerZoom = 1;
  @state() private notice = '';
  /** The row of the tie the notice speaks of ("2 Joint activity"), or -1 when it speaks of none. */
  private noticeActor = -1;
  /** The actors removed and not put back yet, the last one last: each Undo puts back the last (see onUndo). */
  @state() private removed: RemovedActor[] = [];
  /** When an actor was last removed (`performance.now()`): see onRemoveClick. */
  private removedAt = -Infinity;
  private readonly configProblems = new ConfigProblems(this);
  @state() private inputProblems: InputProblem[] = [];
  /** The last ties refused: tried again when the actors change (see the actors setter). */
  private pendingTies: Tie[] | undefined;
  @state() private importProblems: DataProblem[] = [];
  @state() private importText = '';
  @state() private addName = '';
  @state() private addSector = '';
  @state() private addError = '';
  /** The add form's problem is its sector (none chosen), not its name. */
  @state() private addSectorError = false;
  @state() private renameErrors = new Map<string, string>();
  @state() private actorsOpen = false;
  @state() private dataOpen = false;
  @state() private listActor = 0;
  @state() private listTiedOnly = false;
  /**
   * Rows of the list edited since its filter was applied: shown even at "no tie", so that browsing
   * a level down to 0 (the arrow keys on a closed select) does not remove the focused row.
   */
  private listKept = new Set<number>();
  @state() private srcLoad: SrcLoad = { state: 'idle' };
  @state() private srcOffer: SrcOffer | undefined;
  /** What the `src` status says once a load the person asked for ("Try again") is in. */
  @state() private srcAnnouncement = '';
  /**
   * The person has changed the map since it was last loaded whole (from `src` or `data`): a map
   * arriving from `src` now is offered, not loaded over theirs.
   */
  private edited = false;
  /** A "Try again" the person asked for is under way: where the focus goes when it settles (see updated). */
  private srcRetrying = false;
  /** Removed from the page while `src` loaded: loaded again when added back. */
  private srcInterrupted = false;

  private kit: LabelKit | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private srcRequest: AbortController | undefined;
  private focusAfterRender: string | undefined;
  /** The revision last submitted. */
  private sentRevision = -1;

  // The map being built, kept on the device (see draft.ts) so a reload or a closed tab loses nothing.
  /** The store and key the map is kept under, once the configuration is known (see syncDraft). */
  private draftStore: DraftStore | undefined;
  private draftKeyInUse: string | undefined;
  /** The people the map is sent for: community, round, perspective and respondent (see syncDraft). */
  private groupInUse: string | undefined;
  /** The endpoint, community and round a submission left waiting was last looked for. */
  private resumedFor = '';
  /** Counts reads of the store: a read overtaken by another (the configuration changed) is dropped. */
  private restoreToken = 0;
  /** Resolves once the stored map (and a waiting submission) have been read and shown. */
  private restoring: Promise<void> | undefined;
  /** Edited by the person and not written yet. */
  private unsaved = false;
  /** The id of a map sent on an earlier visit, noted on the device (see keepSent), until it is looked for. */
  private notedPending: string | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The person edited the map on this page load: what they did here is newer than anything stored. */
  private touched = false;
  /**
   * The map shown is the person's own from an earlier visit (restored, or the one waiting to be
   * sent): the page's `actors`, `ties`, `data` and `src` are offered beside it, never loaded over
   * it, until it is sent.
   */
  private keepsOwn = false;
  /** The map the page gave while the person's own was shown (see offerPage). */
  private pageMap: MatrixData | undefined;
  /**
   * The map the page gave (its `data`, `actors` and `ties`, or the map from `src`, the last given),
   * whatever the person did with it: the next person at a shared device starts from it (see startAfresh).
   */
  private pageGave: MatrixData | undefined;
  /** The respondent the host names, and their perspective (empty without a respondent): whose the kept map is. */
  private personInUse: string | undefined;
  /** Device storage failed: the map is kept in memory only, and the element says so. */
  @state() private draftFailed = false;

  /** True while an earlier load's submission is taken up (see onSubmitError and onSubmitted). */
  private resuming = false;
  private readonly onPageHide = () => void this.flushDraft();
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') void this.flushDraft();
  };
  /** A submission the endpoint refused is no longer in the outbox: the map is kept on the device again. */
  private readonly onSubmitError = (event: Event) => {
    const { envelope, retrying } = event as LcSubmitErrorEvent;
    // Refused on an earlier page load without the matrix, told as it is taken up (see resumeWaiting):
    // the map it holds is not on screen yet; it is shown, and written then (see showWaiting).
    if (event.target !== this || retrying || this.resuming) return;
    // Sent for the person before a switch (a shared device): theirs, never written as this person's map.
    if (!this.isCurrentPerson(envelope)) void this.keepRefused(envelope);
    else this.scheduleSave();
  };
  /** Delivered: the note of it on the device goes (see keepSent). */
  private readonly onSubmitted = (event: Event) => {
    if (event.target !== this) return;
    if (this.resuming) {
      // Delivered on an earlier page load without the matrix, told as it is taken up: the map it
      // holds is not on screen yet. Until it is, the map shown is no edit after sending (see
      // willUpdate); it is shown, and the note goes, then (see showWaiting).
      this.sentRevision = this.revision;
      return;
    }
    if (this.isCurrentPerson((event as LcSubmittedEvent).envelope)) this.keepSent();
  };

  constructor() {
    super();
    this.structureChanged();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.addEventListener('lc-submit-error', this.onSubmitError);
    this.addEventListener('lc-submitted', this.onSubmitted);
    if (this.srcInterrupted) {
      this.srcInterrupted = false;
      this.loadSrc();
    }
    this.shortWindow ??= typeof matchMedia === 'function' ? matchMedia(SHORT_WINDOW) : undefined;
    this.shortWindow?.addEventListener('change', this.onWindowHeight);
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver((entries) => {
        for (const entry of entries) {
          if (entry.target === this) this.width = entry.contentRect.width;
          // Only the custom property of the scroll box changes: nothing observed is resized.
          else this.headBlock = Math.ceil(entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height);
        }
        const narrow = this.fitLayout();
        // Switch in a task of its own: re-rendering inside the observer's callback would resize the
        // element again before the observer has delivered ("ResizeObserver loop" errors).
        if (narrow !== this.narrow) setTimeout(() => (this.narrow = this.fitLayout()));
      });
      this.resizeObserver.observe(this);
      this.observedHead = undefined;
      if (this.hasUpdated) this.observeHead();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.shortWindow?.removeEventListener('change', this.onWindowHeight);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('pagehide', this.onPageHide);
    this.stopFollowing();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.removeEventListener('lc-submit-error', this.onSubmitError);
    this.removeEventListener('lc-submitted', this.onSubmitted);
    void this.flushDraft();
    if (this.srcLoad.state === 'loading') this.srcInterrupted = true;
    this.srcRequest?.abort();
  }

  // ---- public methods ----------------------------------------------------------------------

  /** The export: `{ schema, directed, actors, ties, figures }` as pretty-printed JSON. */
  exportJson(): string {
    return matrixToJson(this.model.toData(), this.figures);
  }

  /** The ties as a CSV edge list `source,target,level,independent` (actor ids). */
  exportTiesCsv(): string {
    return tiesToCsv(this.model.ties());
  }

  /** The actors as a CSV node list `id,label,sector`. */
  exportActorsCsv(): string {
    return actorsToCsv(this.model.actors);
  }

  /**
   * Imports JSON text (an export, or a `partnerships` envelope). On a problem nothing changes, the
   * problems are shown in the element, and `false` is returned.
   */
  importJson(text: string): boolean {
    const result = parseMatrixJson(text);
    if (!result.ok) {
      this.importProblems = result.problems;
      console.error(`[lc-elements] <${this.localName}> import: ${result.problems.map(describeProblem).join('; ')}`);
      return false;
    }
    this.importProblems = [];
    // Ties are mutual here: a pair the file rates differently each way keeps its stronger rating.
    const opposed = this.directed ? [] : opposedPairs(result.value);
    this.loadData(result.value);
    // The ties' count is its own plural ("1 tie", "2 ties"), not the actors'.
    const ties = this.t('figures.tie-count', { count: this.model.ties().length });
    let said = this.t('data.imported', { count: this.model.size, ties });
    if (opposed.length) {
      said += ` ${this.t('data.opposed', { count: opposed.length, pairs: this.pairList(opposed) })} ${this.t('data.opposed.rule')}`;
      const ids = opposed.map(([a, b]) => `${a} → ${b} and ${b} → ${a}`).join('; ');
      console.warn(
        `[lc-elements] <${this.localName}> import: rated differently each way, merged (ties are mutual): ${ids}`,
      );
    }
    this.announce(said);
    return true;
  }

  /**
   * Sends the matrix as a `partnerships` envelope through the page's outbox. With fewer than two
   * actors it sends nothing, says why (the notice) and resolves with undefined.
   */
  async submit(): Promise<Envelope | undefined> {
    // A map needs two actors: with fewer there is nothing to send, and the person is told so.
    if (this.model.size < 2) {
      this.announce(this.t('submit.need-actors'));
      return undefined;
    }
    this.sentRevision = this.revision;
    const { actors, ties } = this.model.toData();
    const envelope = await this.submission.submit('partnerships', {
      directed: this.model.directed,
      actors,
      ties,
      figures: this.figures as unknown as PartnershipsData['figures'],
    });
    const { state } = this.submission;
    if (envelope && this.submission.envelope?.id === envelope.id && state !== 'rejected' && state !== 'idle') {
      // The outbox holds it now (or the host took it over): the copy on the device goes, for a note
      // of it, unless the person edited while it was handed over, which is theirs to keep.
      this.keepsOwn = false;
      this.pageMap = undefined;
      this.keepSent();
    }
    return envelope;
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.configProblems.takeProperties(changed, TEXT, [strings], ['directed']);
    if (!this.hasUpdated && this.layout === 'auto' && !isServer) {
      // Measure once before the first render, so a phone never pays for a grid it will not show.
      // (The server, with no page to measure, draws the grid: the browser measures again.)
      this.width = this.getBoundingClientRect().width;
      this.narrow = this.fitLayout();
    }
    const list = this.useList;
    if (this.listShown !== undefined && list !== this.listShown) this.switchLayout(list);
    this.listShown = list;
    if (changed.has('directed') && this.model.directed !== this.directed) {
      this.model.setDirected(this.directed);
      this.structureChanged();
    }
    if (changed.has('src')) this.loadSrc();
    if (changed.has('publicSector') || changed.has('sectors')) this.figuresFor = -1;
    const look = `${this.community.locale}|${this.community.dir}`;
    if (look !== this.lastLook || changed.has('strings') || changed.has('sectors')) {
      this.lastLook = look;
      this.gridStamp++;
    }
    this.checkConfig();
    if (
      this.revision !== this.sentRevision &&
      (this.submission.state === 'sent' || this.submission.state === 'handled')
    ) {
      // An edit after sending: offer to send the new version, which replaces the one sent.
      this.submission.change();
    }
  }

  /** Also waits for the map kept on the device to be read and shown. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    if (!this.restoring) return result;
    await this.restoring;
    return super.getUpdateComplete();
  }

  protected override updated(): void {
    this.syncDraft();
    this.observeHead();
    if (this.pickerOpen) this.keepPickerInView();
    if (this.srcRetrying && this.srcLoad.state !== 'loading') {
      this.srcRetrying = false;
      const retry = this.renderRoot.querySelector<HTMLElement>('.retry');
      if (retry) retry.focus();
      else if (this.srcLoad.state === 'loaded' && !this.srcOffer) this.srcAnnouncement = this.t('src.loaded');
    }
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      this.focusAfterRender = undefined;
      target?.focus();
    }
  }

  // ---- rendering -----------------------------------------------------------------------------

  protected override scheduleUpdate(): void | Promise<unknown> {
    // In Danish, German or Arabic the first render waits for those strings (a small file each).
    return this.community.whenStringsReady(() => super.scheduleUpdate());
  }

  protected override createRenderRoot() {
    return firstPaintRoot(this, () => super.createRenderRoot());
  }

  override render() {
    const c = this.community;
    const tag = headingTag(this.validHeadingLevel);
    return html`<div part="base" class=${this.useList ? 'narrow' : 'wide'} dir=${c.dir} lang=${c.langTag}>
      ${staticHtml`<${tag} part="title" id="title" tabindex="-1">${this.t('title')}</${tag}>`}
      <p part="intro" id="intro">${this.t('intro')}</p>
      ${this.renderProblems()} ${this.renderSrcError()} ${this.renderSrc()} ${this.renderMatrix()}
      <p part="notice" role="status">${this.notice}</p>
      ${this.renderFigures()} ${this.renderActorsPanel()} ${this.renderDataPanel()} ${this.renderSubmit()}
      ${this.renderPicker()}
    </div>`;
  }

  private renderProblems() {
    const items = this.configProblems.list.map(problemText);
    if (!items.length && !this.inputProblems.length) return nothing;
    const meaning = JSON.stringify([items, this.inputProblems]);
    return html`<div part="error" role="alert" ${liveRegion({ lang: this.community.langTag, meaning })}>
      ${items.map((text) => html`<p>${problemSentence('config.error', text, this.community.locale, this.strings)}</p>`)}
      ${this.inputProblems.map(
        (p) =>
          html`<p>${this.t('input.problems', { attribute: p.attribute })}</p>
            ${this.renderProblemList(p.problems)}`,
      )}
    </div>`;
  }

  private renderProblemList(problems: DataProblem[]) {
    const shown = problems.slice(0, 8);
    return html`<ul>
      ${shown.map((p) => html`<li>${this.problemText(p)}</li>`)}
      ${
        problems.length > shown.length
          ? html`<li>${this.t('data.problems.more', { count: problems.length - shown.length })}</li>`
          : nothing
      }
    </ul>`;
  }

  /** Why `src` could not be loaded, and "Try again" (also tried again when the browser comes back online). */
  private renderSrcError() {
    const load = this.srcLoad;
    if (load.state !== 'error') return nothing;
    const locale = this.community.locale;
    // A network or HTTP problem is said in English, for the host's developer: marked as English.
    const english = toSupportedLocale(locale) === 'en' ? undefined : 'en';
    const meaning = JSON.stringify([load.url, load.error, load.problems]);
    return html`<div part="error" role="alert" ${liveRegion({ lang: this.community.langTag, meaning })}>
      ${
        load.problems
          ? html`<p>${this.t('src.problems', { url: load.url })}</p>
              ${this.renderProblemList(load.problems)}`
          : html`<p>
              ${quoting((problem) => this.t('src.error', { problem }), load.error, english, this.community.dir)}
            </p>`
      }
      <button part="button" type="button" class="button retry" @click=${this.onSrcRetry}>
        ${coreMsg(locale, 'submit.retry', undefined, this.strings)}
      </button>
    </div>`;
  }

  /**
   * The `src` status line, there from the start so that what it says is announced (politely):
   * loading; or the map that arrived after the person started theirs, with what they can do with it.
   */
  private renderSrc() {
    const offer = this.srcOffer;
    let status = this.srcAnnouncement;
    // What the line says, in no language: a map loading, or the one that arrived and what became of it.
    const meaning = JSON.stringify([
      this.srcLoad.state,
      status,
      offer && [offer.restored, offer.applied?.how, offer.data.actors.length, offerKey(offer, 'arrived')],
    ]);
    if (this.srcLoad.state === 'loading') status = this.t('src.loading');
    else if (offer?.applied) status = this.t(offerKey(offer, offer.applied.how === 'merged' ? 'merged' : 'replaced'));
    else if (offer) {
      const count = offer.data.actors.length;
      status = `${offer.restored ? `${this.t('src.restored')} ` : ''}${this.t(offerKey(offer, 'arrived'), { count })}`;
    }
    const region = liveRegion({ lang: this.community.langTag, meaning });
    return html`<div class=${offer ? 'src offer' : 'src'} part=${offer ? 'src-offer' : nothing}>
      <p part="src-status" class="src-status" id="src-status" role="status" ${region}>${status}</p>
      ${offer ? this.renderSrcActions(offer) : nothing}
    </div>`;
  }

  private renderSrcActions(offer: SrcOffer) {
    const button = (id: string, key: MatrixStringKey, onClick: () => void) =>
      html`<button type="button" part="button" class="button" id=${id} @click=${onClick}>${this.t(key)}</button>`;
    return html`<div class="src-actions">
      ${
        offer.applied
          ? html`<button
                type="button"
                part="button"
                class="button"
                id="src-undo"
                aria-describedby="src-status"
                @click=${this.onSrcUndo}
              >
                ${this.t('src.undo')}
              </button>
              ${button('src-close', 'src.close', this.onSrcDismiss)}`
          : html`${button('src-merge', offerKey(offer, 'merge'), this.onSrcMerge)}
            ${button('src-replace', offerKey(offer, 'replace'), this.onSrcReplace)}
            ${button('src-keep', 'src.keep', this.onSrcDismiss)}`
      }
    </div>`;
  }

  private renderMatrix() {
    const n = this.model.size;
    // While src loads, the status says so: "no actors yet" would not be true for long.
    if (n === 0 && this.srcLoad.state === 'loading') return nothing;
    if (n === 0) return html`<p part="empty">${this.t('actors.empty')}</p>`;
    if (n === 1) return html`<p part="empty">${this.t('actors.one')}</p>`;
    return this.useList ? this.renderList() : this.renderGrid();
  }

  private renderGrid() {
    const n = this.model.size;
    const r = Math.min(this.activeRow, n - 1);
    const col = Math.min(this.activeCol, n - 1);
    const kit = this.labelKit();
    return html`<p part="help" id="help">${this.t('grid.help', LEVEL_RANGE)}</p>
      <p part="current" aria-hidden="true">${this.describeCell(r, col)}</p>
      <div part="scroller" class="scroller" ${cssProps({ '--_head': this.headBlock ? `${this.headBlock}px` : null })}>
        <div
          part="grid"
          class="grid"
          role="grid"
          aria-labelledby="title"
          aria-describedby="help"
          aria-rowcount=${n + 1}
          ${cssProps({ '--_matrix-n': String(n) })}
          @keydown=${this.onGridKeydown}
          @click=${this.onGridClick}
          @focusin=${this.onGridFocus}
        >
          ${guard([this.gridStamp, col], () => this.renderColumnHeaders(col))}
          ${repeat(
            this.model.actors,
            // Keyed by actor: a removal or an Undo leaves every other actor's row in place.
            (a) => a.id,
            (_, i) =>
              html`<div
                role="row"
                class="row"
                aria-rowindex=${i + 2}
                ${leanRow(`${this.gridStamp}:${this.rowStamps[i]}:${i === r ? col : -1}`, () =>
                  this.rowSpec(i, i === r ? col : -1, kit),
                )}
              ></div>`,
          )}
        </div>
      </div>
      <p part="legend" class="legend">
        ${TIE_LEVELS.slice(1).map(
          (l) =>
            html`<span class="key"
              ><span class="swatch l${l}" aria-hidden="true">${l}</span>${this.t(`level.${l}`)}</span
            >`,
        )}
        <span class="key"><span class="swatch l2 ind" aria-hidden="true"></span>${this.t('independent.legend')}</span>
      </p>`;
  }

  private renderColumnHeaders(activeCol: number) {
    return html`<div role="row" class="row head" aria-rowindex="1">
      <div role="columnheader" class="corner">${this.t('grid.corner')}</div>
      ${this.model.actors.map((a, j) => columnHeader(a.name, j === activeCol))}
    </div>`;
  }

  /** What one row shows: its header and, per actor, the cell's class, name, text and tabindex. */
  private rowSpec(i: number, activeCol: number, kit: LabelKit): RowSpec {
    const actors = this.model.actors;
    const rowName = actors[i]!.name;
    // In the cells' names, each actor's name is isolated (see named()).
    const named = this.named(rowName);
    const cells: CellSpec[] = new Array(actors.length);
    for (let j = 0; j < actors.length; j++) {
      const tabindex = j === activeCol ? '0' : '-1';
      if (j === i) {
        cells[j] = { cls: 'self', label: kit.self(named), text: '', tabindex, self: true };
        continue;
      }
      const level = this.model.level(i, j);
      const label = kit.cell(named, this.named(actors[j]!.name), kit.levels[level]!);
      cells[j] = this.model.independent(i, j)
        ? { cls: `l${level} ind`, label: `${label}${kit.independent}`, text: kit.digits[level]!, tabindex, self: false }
        : { cls: `l${level}`, label, text: level ? kit.digits[level]! : '', tabindex, self: false };
    }
    return { header: rowName, current: activeCol >= 0, cells };
  }

  /** The cells' accessible names, compiled once per locale and strings. */
  private labelKit(): LabelKit {
    if (this.kit?.stamp === this.gridStamp) return this.kit;
    const locale = this.community.locale;
    const o = this.strings;
    const nameKey: MatrixStringKey = this.model.directed ? 'cell.name.directed' : 'cell.name';
    const cellName = compile(msg(locale, nameKey, { row: '\u0001', col: '\u0002', level: '\u0003' }, o));
    const selfName = compile(msg(locale, 'cell.self', { row: '\u0001' }, o));
    this.kit = {
      stamp: this.gridStamp,
      cell: (row, col, level) => cellName([row, col, level]),
      self: (row) => selfName([row]),
      levels: TIE_LEVELS.map((l) => this.levelValue(l)),
      digits: TIE_LEVELS.map((l) => this.number(l)),
      // With the comma before it, the language's own.
      independent: `${this.comma()}${msg(locale, 'cell.independent', {}, o)}`,
    };
    return this.kit;
  }

  private renderList() {
    const actors = this.model.actors;
    const a = Math.min(this.listActor, actors.length - 1);
    const actor = actors[a]!;
    const directed = this.model.directed;
    const heading = headingTag(this.validHeadingLevel + 1);
    const levels = TIE_LEVELS.map((l) => this.levelValue(l));
    const shown = actors
      .map((other, j) => ({ other, j, level: this.model.level(a, j) }))
      .filter(({ j, level }) => j !== a && (!this.listTiedOnly || level > 0 || this.listKept.has(j)));
    return html`<div part="list" class="list">
      <label for="list-actor">${this.t('list.actor')}</label>
      <select id="list-actor" class="field" .value=${live(String(a))} @change=${this.onListActorChange}>
        ${actors.map(
          (x, i) =>
            html`<option value=${i} ?selected=${i === a}>
              ${this.t('list.option', { name: this.named(x.name), count: this.model.degree(i) })}
            </option>`,
        )}
      </select>
      <label class="check">
        <input type="checkbox" .checked=${live(this.listTiedOnly)} @change=${this.onListFilter} />
        ${this.t('list.tied-only')}
      </label>
      ${staticHtml`<${heading} id="list-heading">${this.t(directed ? 'list.heading.directed' : 'list.heading', { name: this.named(actor.name) })}</${heading}>`}
      ${shown.length ? nothing : html`<p>${this.t('list.none', { name: this.named(actor.name) })}</p>`}
      <ul class="ties" aria-labelledby="list-heading" @change=${this.onListChange}>
        ${repeat(
          shown,
          // Keyed by actor, as the grid's rows (see renderGrid).
          ({ other }) => other.id,
          ({ other, j, level }) => {
            const independent = this.model.independent(a, j);
            return html`<li class=${level ? `tie l${level}` : 'tie'}>
              <span class="who-line">
                <label class="who" for="lv-${j}" dir="auto">${other.name}</label>
                <span class="sector">${this.sectorLabel(other.sector)}</span>
              </span>
              <select id="lv-${j}" class="field" data-col=${j} data-kind="level" .value=${live(String(level))}>
                ${TIE_LEVELS.map((l) => html`<option value=${l} ?selected=${l === level}>${levels[l]}</option>`)}
              </select>
              ${
                level
                  ? html`<label class="check">
                      <input
                        type="checkbox"
                        data-col=${j}
                        data-kind="independent"
                        .checked=${live(independent)}
                        aria-label=${`${this.t('independent.label')} (${this.named(other.name)})`}
                      />
                      <span aria-hidden="true">${this.t('independent.label')}</span>
                    </label>`
                  : nothing
              }
            </li>`;
          },
        )}
      </ul>
    </div>`;
  }

  private renderPicker() {
    const n = this.model.size;
    const r = Math.min(this.activeRow, Math.max(n - 1, 0));
    const col = Math.min(this.activeCol, Math.max(n - 1, 0));
    const ready = n > 1 && this.model.editable(r, col);
    const level = ready ? this.model.level(r, col) : 0;
    const independent = ready ? this.model.independent(r, col) : false;
    const names = {
      row: this.named(this.model.actors[r]?.name ?? ''),
      col: this.named(this.model.actors[col]?.name ?? ''),
    };
    return html`<div
      popover="auto"
      part="picker"
      class=${supportsPopover ? 'picker' : this.pickerOpen ? 'picker fallback open' : 'picker fallback'}
      role="dialog"
      aria-label=${this.t(this.model.directed ? 'picker.label.directed' : 'picker.label', names)}
      ${cssProps({
        top: `${this.pickerPosition.top}px`,
        left: `${this.pickerPosition.left}px`,
        '--_zoom': this.pickerZoom,
      })}
      @toggle=${this.onPickerToggle}
      @keydown=${this.onPickerKeydown}
      @focusout=${this.onPickerFocusOut}
    >
      <div
        role="listbox"
        aria-label=${this.t('picker.levels')}
        class="options"
        @click=${this.onOptionClick}
        @keydown=${this.onOptionKeydown}
      >
        ${TIE_LEVELS.map(
          (l) =>
            html`<div
              role="option"
              part="option"
              class="option"
              data-level=${l}
              tabindex=${l === level ? '0' : '-1'}
              aria-selected=${l === level ? 'true' : 'false'}
            >
              <span class="swatch l${l}" aria-hidden="true">${l ? this.number(l) : ''}</span>${this.levelValue(l)}
            </div>`,
        )}
      </div>
      <label class="check">
        <input
          type="checkbox"
          .checked=${live(independent)}
          ?disabled=${level === 0}
          @change=${this.onPickerIndependent}
        />
        ${this.t('independent.label')}
      </label>
      <button type="button" part="button" class="button" @click=${() => this.closePicker(true)}>
        ${this.t('picker.close')}
      </button>
    </div>`;
  }

  private renderFigures() {
    if (this.model.size === 0) return nothing;
    const f = this.figures;
    const heading = headingTag(this.validHeadingLevel + 1);
    const sub = headingTag(this.validHeadingLevel + 2);
    const na = this.t('figures.not-applicable');
    const pct = (v: number | null) => (v === null ? na : this.percent(v));
    const names = new Map(this.model.actors.map((a) => [a.id, a.name]));
    const strongest = f.sectorLinks.filter((l) => l.ties > 0).slice(0, 3);
    return staticHtml`<section part="figures" class="figures" aria-labelledby="figures-title">
      <${heading} id="figures-title">${this.t('figures.title')}</${heading}>
      <dl class="numbers">
        <div><dt>${this.t('figures.actors')}</dt><dd>${this.number(f.actors)}</dd></div>
        <div><dt>${this.t('figures.ties')}</dt><dd>${this.number(f.ties)}</dd></div>
        <div><dt>${this.t('figures.density')}</dt><dd>${pct(f.density)}</dd></div>
        <div><dt>${this.t('figures.mean')}</dt><dd>${f.meanLevel === null ? na : this.number(f.meanLevel, 2)}</dd></div>
        <div><dt>${this.t('figures.cross')}</dt><dd>${pct(f.crossSectorShare)}</dd></div>
        <div><dt>${this.t('figures.independent')}</dt><dd>${pct(f.independentShare)}</dd></div>
        <div><dt>${this.t('figures.outside-public')}</dt><dd>${pct(f.outsidePublicShare)}</dd></div>
        <div class="wide">
          <dt>${this.t('figures.isolated')}</dt>
          <dd>${f.isolated.length ? this.nameList(f.isolated.map((id) => names.get(id) ?? id)) : this.t('figures.none')}</dd>
        </div>
      </dl>
      <${sub}>${this.t('figures.strongest')}</${sub}>
      ${
        strongest.length
          ? html`<ol class="strongest">
              ${strongest.map(
                (l) =>
                  html`<li>
                    ${this.t(this.model.directed ? 'figures.link.directed' : 'figures.link', {
                      a: this.sectorLabel(l.source),
                      b: this.sectorLabel(l.target),
                    })}:
                    ${this.percent(l.strength)} · ${this.t('figures.tie-count', { count: l.ties })}
                  </li>`,
              )}
            </ol>`
          : html`<p>${this.t('figures.strongest.none')}</p>`
      }
      ${this.renderHeatmap(f)}
    </section>`;
  }

  private renderHeatmap(f: MatrixFigures) {
    const sectors = orderSectors(
      this.model.actors.map((a) => a.sector),
      this.sectorIds,
    );
    if (sectors.length < 1) return nothing;
    const link = new Map(f.sectorLinks.map((l) => [`${l.source}\u0000${l.target}`, l]));
    const find = (a: string, b: string) =>
      link.get(`${a}\u0000${b}`) ?? (this.model.directed ? undefined : link.get(`${b}\u0000${a}`));
    // A scrolling box on a narrow screen: focusable and named, so it scrolls from the keyboard.
    return html`<div class="heatmap-wrap" role="region" tabindex="0" aria-labelledby="heatmap-caption">
      <table part="heatmap" class="heatmap">
        <caption id="heatmap-caption">
          ${this.t('figures.heatmap')}
          <span class="hint">${this.t('figures.heatmap.hint', { full: this.percent(1) })}</span>
        </caption>
        <thead>
          <tr>
            <td></td>
            ${sectors.map((s) => html`<th scope="col">${this.sectorLabel(s)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${sectors.map(
            (a) =>
              html`<tr>
                <th scope="row">${this.sectorLabel(a)}</th>
                ${sectors.map((b) => {
                  const l = find(a, b);
                  if (!l) return html`<td class="h-none">–</td>`;
                  const heat = l.ties === 0 ? 0 : Math.min(4, Math.ceil(l.strength * 4));
                  return html`<td class="h${heat}">${this.percent(l.strength)}</td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderActorsPanel() {
    return html`<details part="actors" class="panel" ?open=${this.actorsOpen} @toggle=${this.onActorsToggle}>
      <summary>${this.t('actors.summary', { count: this.model.size })}</summary>
      ${this.actorsOpen ? this.renderActorsBody() : nothing} ${this.renderPrintedActors()}
    </details>`;
  }

  /**
   * The actors as paper shows them, open or closed on screen: each name and sector, without the
   * fields and buttons. Shown by the print styles alone (an element re-rendered while print media
   * is emulated crashed Chromium's renderer), never on screen.
   */
  private renderPrintedActors() {
    return html`<ol class="printed-actors">
      ${repeat(
        this.model.actors,
        (a) => a.id,
        (a) => html`<li><bdi>${a.name}</bdi> – ${this.sectorLabel(a.sector)}</li>`,
      )}
    </ol>`;
  }

  private renderActorsBody() {
    const sectors = this.sectorOptions;
    // No sector chosen for the person: a default would count a bank added in a hurry as a public
    // authority, and the figure of ties without one would be wrong.
    const chosen = sectors.some((s) => s.id === this.addSector) ? this.addSector : '';
    const nameError = !!this.addError && !this.addSectorError;
    // The one line under the form describes only the field whose problem it says: the sector's
    // "choose one" is no description of the name typed, nor a name already taken of the sector.
    return html`<form class="add" @submit=${this.onAddActor} novalidate>
        <label class="stack"
          >${this.t('actors.name')}
          <input
            id="add-name"
            class="field"
            name="name"
            dir="auto"
            autocomplete="off"
            .value=${live(this.addName)}
            aria-invalid=${nameError ? 'true' : 'false'}
            aria-describedby=${nameError ? 'add-error' : nothing}
            @input=${(e: Event) => (this.addName = (e.target as HTMLInputElement).value)}
        /></label>
        <label class="stack"
          >${this.t('actors.sector')}
          <select
            id="add-sector"
            class="field"
            .value=${live(chosen)}
            aria-invalid=${this.addSectorError ? 'true' : 'false'}
            aria-describedby=${this.addSectorError ? 'add-error' : nothing}
            @change=${this.onAddSectorChange}
          >
            <option value="" ?selected=${!chosen}>${this.t('actors.sector-choose')}</option>
            ${sectors.map((s) => html`<option value=${s.id} ?selected=${s.id === chosen}>${s.label}</option>`)}
          </select></label
        >
        <button type="submit" part="button" class="button">${this.t('actors.add')}</button>
        <p id="add-error" class="field-error">${this.addError}</p>
      </form>
      ${
        // Undo is described by the line beside it: with more than one removed, "Undo" alone does
        // not say which one it puts back.
        this.removed.length
          ? html`<p class="undo">
              <span id="undo-what">${this.removedText(this.removed.at(-1)!)}</span>
              <button
                type="button"
                part="button"
                class="button"
                id="undo"
                aria-describedby="undo-what"
                @click=${this.onUndo}
              >
                ${this.t('actors.undo')}
              </button>
            </p>`
          : nothing
      }
      <ol
        class="actor-list"
        @input=${this.onActorListInput}
        @change=${this.onActorListChange}
        @keydown=${this.onActorListKeydown}
      >
        ${repeat(
          this.model.actors,
          // Keyed by actor: a removal or an Undo rewrites no other actor's row (nor what is typed in it).
          (a) => a.id,
          (a, i) => {
            const error = this.renameErrors.get(a.id);
            const options = sectors.some((s) => s.id === a.sector)
              ? sectors
              : [...sectors, { id: a.sector, label: a.sector }];
            return html`<li data-id=${a.id}>
              <input
                class="field"
                data-kind="name"
                data-index=${i}
                dir="auto"
                .value=${live(this.renameDrafts.get(a.id) ?? a.name)}
                aria-label=${this.t('actors.name-of', { number: i + 1 })}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${`rename-${i}`}
                autocomplete="off"
              />
              <select
                class="field"
                data-kind="sector"
                data-index=${i}
                aria-label=${this.t('actors.sector-of', { name: this.named(a.name) })}
              >
                ${options.map((s) => html`<option value=${s.id} ?selected=${s.id === a.sector}>${s.label}</option>`)}
              </select>
              <button
                type="button"
                part="button"
                class="button"
                data-kind="remove"
                data-index=${i}
                @click=${this.onRemoveClick}
                aria-label=${this.t('actors.remove-name', { name: this.named(a.name) })}
              >
                ${this.t('actors.remove')}
              </button>
              <p class="field-error" id=${`rename-${i}`}>${error ?? ''}</p>
            </li>`;
          },
        )}
      </ol>`;
  }

  private renderDataPanel() {
    return html`<details part="data" class="panel" ?open=${this.dataOpen} @toggle=${this.onDataToggle}>
      <summary>${this.t('data.title')}</summary>
      ${
        this.dataOpen || this.importProblems.length
          ? html`<div class="export">
                <button type="button" part="button" class="button" @click=${this.downloadJson}>
                  ${this.t('data.export-json')}
                </button>
                <button type="button" part="button" class="button" @click=${this.downloadTiesCsv}>
                  ${this.t('data.export-csv')}
                </button>
                <button type="button" part="button" class="button" @click=${this.downloadActorsCsv}>
                  ${this.t('data.export-actors-csv')}
                </button>
              </div>
              <div class="import">
                <label class="file-button">
                  <span part="button" class="button">${this.t('data.import-file')}</span>
                  <input
                    type="file"
                    class="file"
                    accept=".json,application/json"
                    title=${this.t('data.import-file')}
                    @change=${this.onImportFile}
                /></label>
                <label class="stack" for="import-text">${this.t('data.import-text')}</label>
                <textarea
                  id="import-text"
                  class="field"
                  rows="6"
                  spellcheck="false"
                  .value=${live(this.importText)}
                  aria-invalid=${this.importProblems.length ? 'true' : 'false'}
                  aria-describedby="import-error"
                  @input=${(e: Event) => (this.importText = (e.target as HTMLTextAreaElement).value)}
                ></textarea>
                <button type="button" part="button" class="button" id="import" @click=${this.onImportText}>
                  ${this.t('data.import')}
                </button>
                <div id="import-error">
                  ${
                    this.importProblems.length
                      ? html`<div
                          part="error"
                          role="alert"
                          ${liveRegion({ lang: this.community.langTag, meaning: JSON.stringify(this.importProblems) })}
                        >
                          <p>${this.t('data.problems')}</p>
                          ${this.renderProblemList(this.importProblems)}
                        </div>`
                      : nothing
                  }
                </div>
              </div>`
          : nothing
      }
    </details>`;
  }

  private renderSubmit() {
    if (!this.community.endpoint || this.configProblems.has('endpoint')) return nothing;
    const s = this.submission;
    const locale = this.community.locale;
    const core = (key: Parameters<typeof coreMsg>[1], vars?: Record<string, string>) =>
      coreMsg(locale, key, vars, this.strings);
    const busy = s.state === 'sending' || s.state === 'queued';
    // Sent as it is shown: pressing it sends nothing (see onSend), until an edit.
    const done = !busy && this.sentUnchanged;
    const label =
      s.state === 'sending'
        ? core('submit.sending')
        : s.state === 'rejected'
          ? core('submit.retry')
          : core('submit.send');
    let status: string | TemplateResult = '';
    if (s.state === 'sending') status = core('submit.sending');
    else if (s.state === 'sent') status = core('submit.sent');
    else if (s.state === 'queued') status = core(queuedKey('submit.queued', s));
    else if (s.state === 'rejected') status = s.said((reason) => core('submit.rejected', { reason }));
    else if (s.state === 'handled') status = core('submit.handled');
    const notice = this.community.storage === 'none' ? 'storage.none' : 'storage.unavailable';
    // The map itself is kept in the same way as the outbox: if either cannot use the device, it is said.
    const kept = s.storageAvailable && !this.draftFailed;
    const statusRegion = liveRegion({ lang: this.community.langTag, meaning: s.meaning });
    return html`${kept ? nothing : html`<p class="storage" part="storage-notice">${core(notice)}</p>`}
      <div class="submit">
        <button
          type="button"
          part="button submit"
          class=${done ? 'button primary done' : 'button primary'}
          aria-disabled=${busy || done ? 'true' : 'false'}
          @click=${this.onSend}
        >
          ${label}
        </button>
        <p part="status" class="status" role="status" ${statusRegion} data-state=${s.state}>${status}</p>
      </div>`;
  }

  // ---- grid interaction --------------------------------------------------------------------

  private onGridKeydown = (event: KeyboardEvent) => {
    const cell = this.cellOf(event);
    if (!cell) return;
    const { row, col } = cell;
    const n = this.model.size;
    if (event.altKey || event.metaKey) return;
    const rtl = this.community.dir === 'rtl';
    let next: [number, number] | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = [row, col + (rtl ? -1 : 1)];
        break;
      case 'ArrowLeft':
        next = [row, col + (rtl ? 1 : -1)];
        break;
      case 'ArrowDown':
        next = [row + 1, col];
        break;
      case 'ArrowUp':
        next = [row - 1, col];
        break;
      case 'Home':
        next = event.ctrlKey ? [0, 0] : [row, 0];
        break;
      case 'End':
        next = event.ctrlKey ? [n - 1, n - 1] : [row, n - 1];
        break;
      case 'PageDown':
        next = [row + this.pageSize(), col];
        break;
      case 'PageUp':
        next = [row - this.pageSize(), col];
        break;
    }
    if (next) {
      event.preventDefault();
      this.moveTo(Math.max(0, Math.min(n - 1, next[0])), Math.max(0, Math.min(n - 1, next[1])));
      return;
    }
    if (event.ctrlKey) return;
    const digit = DIGITS[event.key];
    if (digit !== undefined) {
      event.preventDefault();
      this.userSetLevel(row, col, digit);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.userSetLevel(row, col, 0);
    } else if (event.key === ' ' || event.key === 'i' || event.key === 'I' || event.code === 'KeyI') {
      event.preventDefault();
      this.userToggleIndependent(row, col);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.openPicker(row, col);
    }
  };

  private onGridClick = (event: MouseEvent) => {
    const cell = this.cellOf(event);
    if (!cell) return;
    this.moveTo(cell.row, cell.col);
    if (this.model.editable(cell.row, cell.col)) this.openPicker(cell.row, cell.col);
  };

  private onGridFocus = (event: FocusEvent) => {
    const cell = this.cellOf(event);
    if (cell && (cell.row !== this.activeRow || cell.col !== this.activeCol)) {
      this.activeRow = cell.row;
      this.activeCol = cell.col;
    }
  };

  /** The data cell an event happened in, found from the grid's structure (cells carry no data). */
  private cellOf(event: Event): { row: number; col: number; el: HTMLElement } | undefined {
    const el = (event.target as Element | null)?.closest?.<HTMLElement>('[role="gridcell"]');
    const rowEl = el?.parentElement;
    const grid = rowEl?.parentElement;
    if (!el || !rowEl || !grid) return undefined;
    const row = Array.prototype.indexOf.call(grid.children, rowEl) - 1;
    const col = Array.prototype.indexOf.call(rowEl.children, el) - 1;
    return row >= 0 && col >= 0 ? { row, col, el } : undefined;
  }

  private cellAt(row: number, col: number): HTMLElement | undefined {
    const grid = this.renderRoot.querySelector('.grid');
    return (grid?.children[row + 1]?.children[col + 1] as HTMLElement | undefined) ?? undefined;
  }

  private moveTo(row: number, col: number): void {
    this.activeRow = row;
    this.activeCol = col;
    this.cellAt(row, col)?.focus();
  }

  private pageSize(): number {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    const cell = this.cellAt(0, 0);
    if (!scroller || !cell || !cell.offsetHeight) return 10;
    return Math.max(1, Math.floor(scroller.clientHeight / cell.offsetHeight) - 2);
  }

  private userSetLevel(row: number, col: number, level: TieLevel): void {
    if (!this.model.setLevel(row, col, level)) {
      if (this.model.editable(row, col)) this.announce(this.describeLevel(row, col), row);
      return;
    }
    this.cellsChanged(row, col);
    this.announce(this.describeLevel(row, col), row);
    this.personChanged();
  }

  private userToggleIndependent(row: number, col: number): void {
    if (!this.model.editable(row, col)) return;
    if (this.model.level(row, col) === 0) {
      this.announce(this.t('independent.needs-level'), row);
      return;
    }
    this.model.setIndependent(row, col, !this.model.independent(row, col));
    this.cellsChanged(row, col);
    this.announce(this.describeLevel(row, col), row);
    this.personChanged();
  }

  // ---- the shared picker -------------------------------------------------------------------

  private get picker(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part="picker"]');
  }

  private openPicker(row: number, col: number): void {
    if (!this.model.editable(row, col)) return;
    this.activeRow = row;
    this.activeCol = col;
    this.placePicker();
    const picker = this.picker;
    if (picker && supportsPopover && !picker.matches(':popover-open')) picker.showPopover();
    this.pickerOpen = true;
    // It follows its cell when the page (or a box around the matrix) scrolls, and when the window
    // is resized (turned, zoomed), which moves the cell.
    window.addEventListener('scroll', this.followCell, { capture: true, passive: true });
    window.addEventListener('resize', this.followCell);
    this.focusAfterRender = '.option[tabindex="0"]';
  }

  /**
   * Under the active cell. `top` and `left` are in the element's own CSS pixels: under a CSS
   * `zoom` around it (a page's zoom control), the cell's box, in the viewport's, is divided by it;
   * the 4 px between them are the element's own, zoomed as the rest.
   */
  private placePicker(): void {
    const rect = this.cellAt(this.activeRow, this.activeCol)?.getBoundingClientRect();
    const zoom = this.zoom();
    this.pickerZoom = zoom;
    if (rect) this.pickerPosition = { top: Math.round(rect.bottom / zoom + 4), left: Math.round(rect.left / zoom) };
  }

  private zoom(): number {
    return (this as { currentCSSZoom?: number }).currentCSSZoom || 1;
  }

  private followCell = () => {
    if (this.pickerOpen) this.placePicker();
    else this.stopFollowing();
  };

  private stopFollowing(): void {
    window.removeEventListener('scroll', this.followCell, { capture: true });
    window.removeEventListener('resize', this.followCell);
  }

  private closePicker(refocus: boolean): void {
    this.stopFollowing();
    const picker = this.picker;
    if (picker && supportsPopover && picker.matches(':popover-open')) picker.hidePopover();
    this.pickerOpen = false;
    if (refocus) this.cellAt(this.activeRow, this.activeCol)?.focus();
  }

  private keepPickerInView(): void {
    const picker = this.picker;
    if (!picker) return;
    // Worked out in the viewport's pixels (the boxes'), set in the element's own (see placePicker).
    const zoom = this.zoom();
    const box = picker.getBoundingClientRect();
    const { top, left } = this.pickerPosition;
    let nextTop = box.top;
    let nextLeft = box.left;
    const cell = this.cellAt(this.activeRow, this.activeCol)?.getBoundingClientRect();
    if (box.bottom > window.innerHeight && cell) nextTop = Math.max(4, cell.top - box.height - 4 * zoom);
    // Its bottom never below the window's: its last controls (the flag, Close) would take the focus
    // out of sight. It is never taller than the window (see the styles), so in a window too short
    // for it under or above its cell it covers the cell, and scrolls to the control with the focus.
    if (nextTop + box.height > window.innerHeight) nextTop = Math.max(4, window.innerHeight - box.height - 4);
    if (box.right > window.innerWidth) nextLeft = Math.max(4, window.innerWidth - box.width - 4);
    if (nextLeft < 4) nextLeft = 4;
    if (nextTop === box.top && nextLeft === box.left) return;
    const next = { top: Math.round(nextTop / zoom), left: Math.round(nextLeft / zoom) };
    if (next.top !== top || next.left !== left) this.pickerPosition = next;
  }

  private onPickerToggle = (event: Event) => {
    if ((event as ToggleEvent).newState !== 'closed') return;
    this.pickerOpen = false;
    // Back to the cell when the focus was in the picker (or nowhere), never from elsewhere in the page.
    const active = this.shadowRoot?.activeElement;
    const page = document.activeElement;
    const elsewhere = !active && page !== null && page !== document.body && page !== this;
    if (!elsewhere && (!active || this.picker?.contains(active))) this.cellAt(this.activeRow, this.activeCol)?.focus();
  };

  /** The focus left the picker (Tab past its last control, a click elsewhere): it closes. */
  private onPickerFocusOut = (event: FocusEvent) => {
    const to = event.relatedTarget as Node | null;
    if (!to || this.picker?.contains(to)) return;
    if (this.pickerOpen) this.closePicker(false);
  };

  private onPickerKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.closePicker(true);
    }
  };

  /** The listbox: arrows, Home and End move; Enter, Space or a digit chooses. */
  private onOptionKeydown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const options = [...(this.picker?.querySelectorAll<HTMLElement>('.option') ?? [])];
    const index = options.indexOf(target);
    if (index < 0) return;
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = Math.min(options.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = options.length - 1;
    if (next !== undefined) {
      event.preventDefault();
      options.forEach((o, k) => o.setAttribute('tabindex', k === next ? '0' : '-1'));
      options[next]!.focus();
      return;
    }
    const digit = DIGITS[event.key];
    if (event.key === 'Enter' || event.key === ' ' || digit !== undefined) {
      event.preventDefault();
      this.choose(digit ?? (Number(target.dataset['level']) as TieLevel));
    }
  };

  private onOptionClick = (event: MouseEvent) => {
    const option = (event.target as Element).closest<HTMLElement>('.option');
    if (option) this.choose(Number(option.dataset['level']) as TieLevel);
  };

  private choose(level: TieLevel): void {
    this.userSetLevel(this.activeRow, this.activeCol, level);
    this.closePicker(true);
  }

  private onPickerIndependent = (event: Event) => {
    const wanted = (event.target as HTMLInputElement).checked;
    if (wanted !== this.model.independent(this.activeRow, this.activeCol)) {
      this.userToggleIndependent(this.activeRow, this.activeCol);
    }
  };

  // ---- list (narrow) -----------------------------------------------------------------------

  private onListActorChange = (event: Event) => {
    this.listKept.clear();
    this.listActor = Number((event.target as HTMLSelectElement).value);
    // "2 Joint activity" named no pair: under another actor's ties it would read as one of theirs.
    // Emptied, the live region says nothing; the select has said which actor is shown.
    if (this.noticeActor >= 0 && this.noticeActor !== this.listActor) {
      this.notice = '';
      this.noticeActor = -1;
    }
  };

  private onListFilter = (event: Event) => {
    this.listKept.clear();
    this.listTiedOnly = (event.target as HTMLInputElement).checked;
  };

  private onListChange = (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const col = Number(target.dataset['col']);
    const row = Math.min(this.listActor, this.model.size - 1);
    if (Number.isNaN(col)) return;
    if (target.dataset['kind'] === 'level') {
      this.listKept.add(col);
      this.userSetLevel(row, col, Number(target.value) as TieLevel);
    } else if (target.dataset['kind'] === 'independent') {
      this.userToggleIndependent(row, col);
    }
  };

  // ---- actors ------------------------------------------------------------------------------

  private onActorsToggle = (event: Event) => {
    this.actorsOpen = (event.target as HTMLDetailsElement).open;
  };

  private onDataToggle = (event: Event) => {
    this.dataOpen = (event.target as HTMLDetailsElement).open;
  };

  private onAddActor = (event: SubmitEvent) => {
    event.preventDefault();
    const name = this.addName.trim();
    const sector = this.sectorOptions.some((s) => s.id === this.addSector) ? this.addSector : '';
    const taken = this.nameTaken(name, -1);
    this.addSectorError = false;
    if (!name) this.addError = this.t('actors.name-required');
    else if (name.length > NAME_MAX) this.addError = this.t('actors.name-too-long', { max: NAME_MAX });
    else if (this.model.size >= MAX_ACTORS) this.addError = this.t('actors.too-many', { max: MAX_ACTORS });
    else if (taken) {
      // What was typed stays in the field, to be changed.
      this.addError = taken;
    } else if (!sector) {
      this.addError = this.t('actors.sector-required');
      this.addSectorError = true;
      this.focusAfterRender = '#add-sector';
      this.announce(this.addError);
      return;
    } else {
      // Nor the id of one removed that Undo may put back: it would not fit in beside this one.
      const ids = [...this.model.actors, ...this.removed.map((r) => r.actor)].map((a) => a.id);
      const id = actorIdFor(name, new Set(ids));
      this.model.addActor({ id, name, sector });
      this.addName = '';
      // The next actor asks for its own sector too (see renderActorsBody).
      this.addSector = '';
      this.addError = '';
      this.structureChanged();
      this.announce(this.t('actors.added', { name: this.named(name) }));
      this.personChanged();
      this.focusAfterRender = '#add-name';
      return;
    }
    // The focus is already in the field, so its new description is not read: the line under the
    // grid (a polite status) says why too.
    this.announce(this.addError);
    this.focusAfterRender = '#add-name';
  };

  /**
   * Why `name` cannot be given to a new actor (`except` -1) or to actor `except`: another actor has
   * it already, letter case, spacing and Unicode forms aside (see nameKey). Undefined when it can.
   */
  private nameTaken(name: string, except: number): string | undefined {
    const key = nameKey(name);
    const other = this.model.actors.find((a, i) => i !== except && nameKey(a.name) === key);
    return other && this.t('actors.name-taken', { name: this.named(other.name) });
  }

  private onAddSectorChange = (event: Event) => {
    this.addSector = (event.target as HTMLSelectElement).value;
    if (this.addSectorError && this.addSector) {
      this.addSectorError = false;
      this.addError = '';
    }
  };

  /**
   * What is typed in an actor's name field (by actor id), from the first keystroke until it is
   * taken (`change`) or given up (Escape): every render shows it, so a render before then (the
   * window turned, a submission delivered) never puts the old name back over it.
   */
  private renameDrafts = new Map<string, string>();

  private onActorListInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    const actor = this.model.actors[Number(target.dataset['index'])];
    if (actor && target.dataset['kind'] === 'name') this.renameDrafts.set(actor.id, target.value);
  };

  /** Escape in a name field gives up what was typed: the actor's name is back, and the field's problem goes. */
  private onActorListKeydown = (event: KeyboardEvent) => {
    const target = event.target as HTMLInputElement;
    const actor = this.model.actors[Number(target.dataset['index'])];
    if (event.key !== 'Escape' || !actor || target.dataset['kind'] !== 'name') return;
    if (!this.renameDrafts.delete(actor.id) && !this.renameErrors.has(actor.id)) return;
    event.preventDefault();
    const errors = new Map(this.renameErrors);
    errors.delete(actor.id);
    this.renameErrors = errors;
  };

  private onActorListChange = (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const index = Number(target.dataset['index']);
    const actor = this.model.actors[index];
    if (!actor) return;
    if (target.dataset['kind'] === 'name') {
      const name = target.value.trim();
      const errors = new Map(this.renameErrors);
      const taken = this.nameTaken(name, index);
      if (!name || name.length > NAME_MAX || taken) {
        // Keep what was typed in the field and say what is wrong; the matrix keeps the old name.
        this.renameDrafts.set(actor.id, target.value);
        errors.set(
          actor.id,
          taken ?? (name ? this.t('actors.name-too-long', { max: NAME_MAX }) : this.t('actors.name-required')),
        );
        this.renameErrors = errors;
        // The focus may have left the field (Tab), or stays in it: the line under the grid says it.
        this.announce(errors.get(actor.id)!);
        return;
      }
      errors.delete(actor.id);
      this.renameDrafts.delete(actor.id);
      this.renameErrors = errors;
      if (this.model.updateActor(index, { name })) {
        this.structureChanged();
        this.announce(this.t('actors.renamed', { name: this.named(name) }));
        this.personChanged();
      }
    } else if (target.dataset['kind'] === 'sector') {
      if (this.model.updateActor(index, { sector: target.value })) {
        this.structureChanged();
        this.personChanged();
      }
    }
  };

  private onRemoveClick = (event: MouseEvent) => {
    // A double press removes one actor, not two. The Undo line goes in above the list and the rows
    // move under the finger, so a second press (a double-click's second click, or a tap or click
    // within SEEN_MS of a removal) lands on another actor's Remove. A key press (detail 0) is meant:
    // its focus moved to Undo, and was brought to this button on purpose; so is a script's click().
    const pointer = event.isTrusted && event.detail > 0;
    if (event.detail > 1 || (pointer && performance.now() - this.removedAt < SEEN_MS)) return;
    const button = event.currentTarget as HTMLElement;
    const removed = this.model.removeActor(Number(button.dataset['index']));
    if (!removed) return;
    this.removedAt = performance.now();
    this.removed = [...this.removed, removed];
    this.renameDrafts.delete(removed.actor.id);
    if (this.renameErrors.has(removed.actor.id)) {
      const errors = new Map(this.renameErrors);
      errors.delete(removed.actor.id);
      this.renameErrors = errors;
    }
    this.structureChanged();
    this.announce(this.removedText(removed));
    this.personChanged();
    this.focusAfterRender = '#undo';
  };

  /** Puts back the last actor removed; the one removed before it is then the next Undo's. */
  private onUndo = () => {
    const removed = this.removed.at(-1);
    if (!removed) return;
    this.model.restore(removed);
    this.removed = this.removed.slice(0, -1);
    this.structureChanged();
    this.announce(this.t('actors.restored', { name: this.named(removed.actor.name) }));
    this.personChanged();
    this.focusAfterRender = `li[data-id="${CSS.escape(removed.actor.id)}"] input`;
  };

  // ---- import / export ---------------------------------------------------------------------

  private onImportText = () => {
    if (this.importJson(this.importText)) this.personChanged();
  };

  private onImportFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    // The file's text goes into the box, so a problem can be fixed in place and nothing is lost.
    this.importText = text;
    if (this.importJson(text)) this.personChanged();
    input.value = '';
  };

  private downloadJson = () =>
    downloadText(this.renderRoot, this.exportJson(), 'application/json', 'partnerships.json');
  // A byte order mark first, so spreadsheet programs read the CSV as UTF-8.
  private downloadTiesCsv = () =>
    downloadText(this.renderRoot, `\ufeff${this.exportTiesCsv()}`, 'text/csv', 'partnership-ties.csv');
  private downloadActorsCsv = () =>
    downloadText(this.renderRoot, `\ufeff${this.exportActorsCsv()}`, 'text/csv', 'partnership-actors.csv');

  /**
   * Loads `src`. Its map replaces the one shown only while the person has not started their own;
   * after that it is offered (see arrived). A load that fails says why, with "Try again".
   */
  private loadSrc(): void {
    this.srcRequest?.abort();
    this.srcRequest = undefined;
    this.srcOffer = undefined;
    this.srcAnnouncement = '';
    const url = this.src?.trim();
    // A bad URL is reported by checkConfig.
    if (!url || checkEndpoint(url, 'src') || checkAttribute('src', srcSchema, url)) {
      this.srcLoad = { state: 'idle' };
      return;
    }
    const request = new AbortController();
    this.srcRequest = request;
    this.srcLoad = { state: 'loading' };
    // The server (Lit SSR) fetches nothing: it shows the map loading, and the browser loads it.
    if (isServer) return;
    let problems: DataProblem[] | undefined;
    const parse = (input: unknown): ParseResult<MatrixData> => {
      const result = validateMatrixData(input);
      if (result.ok) return result;
      // Shown in the person's language (see renderSrcError); the console gets them in English.
      problems = result.problems;
      return { ok: false, error: result.problems.map(describeProblem).join('; ') };
    };
    void fetchJson(url, parse, { signal: request.signal }).then((result) => {
      if (request.signal.aborted) return;
      this.srcRequest = undefined;
      if (!result.ok) {
        this.srcLoad = { state: 'error', url, error: result.error, ...(problems ? { problems } : {}) };
        logProblem(this, { attribute: 'src', message: result.error });
        return;
      }
      this.srcLoad = { state: 'loaded' };
      this.arrived(result.value);
    });
  }

  /** The map from `src` is in: loaded, unless the person has started a map of their own, which it never replaces. */
  private arrived(data: MatrixData): void {
    this.pageGave = data;
    if (this.keepsOwn) {
      this.offerPage(data, 'src');
      return;
    }
    if (!this.edited || this.model.size === 0) {
      this.loadData(data);
      this.edited = false;
    } else if (data.actors.length) {
      this.srcOffer = { data };
    }
  }

  /** "Try again" after `src` could not be loaded; also when the browser comes back online. */
  private readonly onSrcRetry = () => this.retrySrc(true);
  private readonly onOnline = () => {
    if (this.srcLoad.state !== 'error') return;
    // On the "Try again" button, the person is waiting for it: as if they had pressed it.
    this.retrySrc(this.renderRoot.querySelector('.retry') === (this.renderRoot as ShadowRoot).activeElement);
  };

  /**
   * Loads `src` again. Asked by the person (the focus on "Try again", which goes while it loads):
   * the focus waits on the heading; when the map is in, the status says so; when it fails again,
   * the focus goes to the new "Try again".
   */
  private retrySrc(asked: boolean): void {
    if (asked) {
      this.srcRetrying = true;
      this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
    }
    this.loadSrc();
  }

  /** "Add the file's actors to mine": both maps in one; where both rate a pair, the person's rating stays. */
  private onSrcMerge = () => {
    const offer = this.srcOffer;
    if (!offer || offer.applied) return;
    const before = this.model.toData();
    const merged = mergeMaps(before, offer.data);
    if (merged.data.actors.length > MAX_ACTORS) {
      this.announce(this.t('actors.too-many', { max: MAX_ACTORS }));
      return;
    }
    this.srcOffer = { data: offer.data, from: offer.from, applied: { how: 'merged', before, edited: this.edited } };
    this.loadData(merged.data);
    this.emitChange();
    this.scheduleSave();
    this.focusAfterRender = '#src-undo';
  };

  /** "Use the file's map instead": the person's map is kept aside for Undo. */
  private onSrcReplace = () => {
    const offer = this.srcOffer;
    if (!offer || offer.applied) return;
    this.srcOffer = {
      data: offer.data,
      from: offer.from,
      applied: { how: 'replaced', before: this.model.toData(), edited: this.edited },
    };
    this.loadData(offer.data);
    this.edited = false;
    this.emitChange();
    this.scheduleSave();
    this.focusAfterRender = '#src-undo';
  };

  /** Undo: the person's map as it was; the file's is offered again. */
  private onSrcUndo = () => {
    const applied = this.srcOffer?.applied;
    if (!applied) return;
    this.srcOffer = { data: this.srcOffer!.data, from: this.srcOffer!.from, restored: true };
    this.loadData(applied.before);
    this.edited = applied.edited;
    this.emitChange();
    this.scheduleSave();
    this.focusAfterRender = '#src-merge';
  };

  /** "Keep only mine", or Close after adding or taking the file's map: the box goes, the focus to the heading. */
  private onSrcDismiss = () => {
    this.srcOffer = undefined;
    this.focusAfterRender = '#title';
  };

  // ---- the map kept on the device ----------------------------------------------------------

  /**
   * Once the configuration is known, and whenever it changes: reads the map kept for this
   * community and round (and a submission of it left waiting), or, when the person has already
   * built here, keeps theirs under the new key.
   */
  private syncDraft(): void {
    const store = getDraftStore(this.community.storage);
    const { community, round, perspective, respondent } = this.community.envelopeContext();
    const group = `${community}\n${round}\n${perspective ?? ''}\n${respondent ?? ''}`;
    // Kept under the round the host set (none: no round), never the year a round defaults to.
    const key = this.mapKey(this.community.keyRound);
    const person = personOf({ respondent, perspective });
    const first = this.draftKeyInUse === undefined;
    const another = !first && person !== this.personInUse;
    this.personInUse = person;
    if (another) {
      // Another person at a shared device (the host switched the respondent, or their perspective,
      // without a reload): what this one built is written under their key now, before anything of
      // the next one's (a map on its way keeps its note there), and is theirs again when the host
      // switches back; the next person starts from the page's map, or their own kept one.
      void this.flushDraft();
    }
    if (this.groupInUse !== undefined && group !== this.groupInUse) {
      // Sent for other people (another community, round or perspective): the map stays, to be sent
      // for these as a new submission (see startOver); for another person, it is theirs (above).
      this.submission.startOver();
      this.sentRevision = -1;
    }
    this.groupInUse = group;
    if (another) this.startAfresh();
    if (store === this.draftStore && key === this.draftKeyInUse) {
      // The endpoint may come later than the rest (a community defined after the element).
      if (!this.touched && !this.keepsOwn && this.resumeKey() !== this.resumedFor) {
        this.restoring = this.resumeWaiting().then((envelope) => {
          if (envelope) this.showWaiting(envelope);
          else this.forgetNote();
        });
      }
      return;
    }
    if (!first && store !== this.draftStore && this.community.storage === 'none' && !this.touched && this.keepsOwn) {
      // Nothing kept on the device is shown under storage "none" (as the journal and the assessment
      // read only the page's memory then): a map read from the device before the community said so
      // (an <lc-community> defined after the matrix, or its storage set late) is the last visit's
      // at a kiosk. The page's map shows, or the one kept in this page's memory (read next).
      this.leaveKept();
    }
    this.draftStore = store;
    this.draftKeyInUse = key;
    if (!first && this.touched) {
      this.scheduleSave();
      return;
    }
    this.restoring = this.restore(store, key);
  }

  /**
   * The next person at a shared device: the map the page gave (see pageGave), nothing of the last
   * person's (their map, its edits not yet written, the offers and undo beside it, what they typed
   * in the forms); their own kept map, if any, is read next (see restore).
   */
  private startAfresh(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.unsaved = false;
    this.touched = false;
    this.srcAnnouncement = '';
    this.pendingTies = undefined;
    this.importProblems = [];
    this.importText = '';
    this.addName = '';
    this.addSector = '';
    this.addError = '';
    this.addSectorError = false;
    this.renameErrors = new Map();
    this.leaveKept();
  }

  /**
   * The map read from where it was kept goes, untouched: the page's map shows (see syncDraft; and
   * startAfresh, which also clears what the person typed around it).
   */
  private leaveKept(): void {
    this.keepsOwn = false;
    this.edited = false;
    this.notedPending = undefined;
    this.pageMap = undefined;
    this.srcOffer = undefined;
    this.notice = '';
    this.noticeActor = -1;
    this.loadData(this.pageGave ?? { directed: this.directed, actors: [], ties: [] });
    this.sentRevision = -1;
  }

  /** True when `envelope` was sent for the person the map is kept for now (see personInUse). */
  private isCurrentPerson(envelope: Envelope): boolean {
    return this.personInUse === undefined || personOf(envelope) === this.personInUse;
  }

  /**
   * A map sent for the person before a switch, refused by the endpoint after the host switched to
   * another: the outbox no longer holds it, so it is kept under its person's key as their map
   * (unless they edited it since: that is newer), to be shown when the host switches back to them,
   * after a reload too, with the note of it sent replaced.
   */
  private async keepRefused(envelope: Envelope): Promise<void> {
    const store = this.draftStore;
    if (envelope.kind !== 'partnerships' || !store) return;
    const own = draftKeySchema.safeParse(this.draftKey, z.EN);
    // The round of its key, as the map's (see syncDraft): none while the host sets none.
    const round = this.community.keyRound && envelope.round;
    const base = matrixDraftKey(envelope.community, round, own.success ? own.data : undefined);
    const key = personalKey(base, envelope);
    try {
      const stored = await readMatrixDraft(store, key);
      if (stored?.map) return;
      const { directed, actors, ties } = envelope.data;
      await writeMatrixDraft(store, key, { directed: directed ?? this.directed, actors, ties }, Date.now());
    } catch (error) {
      this.storageError(error);
    }
  }

  /**
   * Where an earlier build kept this map when the host sets no round: under the year the round
   * defaulted to (taken up, see restore). None with a round or a `draft-key`. A page of the
   * community that sets that year as its round keeps its own map under the same key: marked as
   * this build's (see keyedByHostRound), it is that page's, and is never taken up here.
   */
  private yearDraftKey(): string | undefined {
    const own = draftKeySchema.safeParse(this.draftKey, z.EN);
    if (this.community.keyRound || (own.success && own.data)) return undefined;
    return this.mapKey(this.community.envelopeContext().round);
  }

  /**
   * Where an earlier build kept this map when the page writes the community, round or perspective
   * in another form than composed (decomposed, as macOS may paste "århus"): under the names as
   * written (taken up, see restore). The same key as today's when they are written composed.
   */
  private givenDraftKey(): string {
    return this.mapKey(this.community.givenKeyRound, this.community.givenContext());
  }

  /**
   * The key of the map kept on the device for these people, under `round` (see syncDraft): with
   * their community and perspective as sent (composed), as a refused map is kept (see keepRefused).
   */
  private mapKey(round: string, ctx = this.community.envelopeContext()): string {
    const { community, perspective, respondent } = ctx;
    const own = draftKeySchema.safeParse(this.draftKey, z.EN);
    return personalKey(matrixDraftKey(community, round, own.success ? own.data : undefined), {
      respondent,
      perspective,
    });
  }

  /** The people a waiting map is looked for (see resumeWaiting), and where. */
  private resumeKey(): string {
    const { community, round, perspective, respondent } = this.community.envelopeContext();
    const group = `${community}\n${round}\n${perspective ?? ''}\n${respondent ?? ''}`;
    return `${this.community.storage}\n${this.community.endpoint}\n${group}`;
  }

  /**
   * The map's submission an earlier load left waiting in the outbox, if any (see
   * SubmissionController.resume); or the one noted on the device (see keepSent) if it settled on
   * this page load before it was looked for: the outbox tries what an earlier load left as the
   * page loads, and another tab may deliver it, before the device is read. Adopted by showWaiting.
   */
  private async resumeWaiting(): Promise<Envelope | undefined> {
    this.resumedFor = this.resumeKey();
    if (this.submission.state !== 'idle') return undefined;
    // The map of these people: the same community and round, perspective and respondent. On a
    // shared device, the next person never takes up the last one's map (its next send would take
    // it back, never to arrive).
    const { community, round, perspective, respondent } = this.community.envelopeContext();
    // Without a round from the host, the map is kept under none (see syncDraft): one sent in
    // another year's round (before New Year, or by a clock that was off) is still this map.
    const anyRound = !this.community.keyRound;
    // Compared as sent (composed, see envelopeContext): a community the page writes decomposed is the same.
    const ours = (e: Envelope) =>
      e.kind === 'partnerships' &&
      e.community === community &&
      (anyRound || e.round === round) &&
      (e.perspective ?? '') === (perspective ?? '') &&
      sameRespondent(e, respondent);
    // One this element sent before the host switched to another person, and now back: as it stands.
    let resumed: Envelope | undefined;
    this.resuming = true;
    try {
      resumed = await this.submission.resume(ours);
    } finally {
      this.resuming = false;
    }
    const waiting = resumed ?? this.submission.takeUpDeparted(ours);
    const noted = this.notedPending;
    if (waiting || !noted || this.submission.state !== 'idle') return waiting;
    const settled = getOutbox(this.community.storage).settledEvent(noted)?.entry;
    return settled && settled.endpoint === this.submission.endpoint && ours(settled.envelope)
      ? settled.envelope
      : undefined;
  }

  private async restore(store: DraftStore, key: string): Promise<void> {
    const token = ++this.restoreToken;
    // Looked for below: updates while the store is read must not look for it a second time.
    this.resumedFor = this.resumeKey();
    const stored = await takeUpRecord(store, this.givenDraftKey(), key)
      .then(() => takeUpRecord(store, this.yearDraftKey(), key, true))
      .then(() => readMatrixDraft(store, key))
      .catch((error: unknown) => this.storageError(error));
    if (token !== this.restoreToken) return;
    this.notedPending = stored?.pending;
    const waiting = await this.resumeWaiting();
    if (token !== this.restoreToken) return;
    this.draftFailed = store.failure !== undefined;
    // Built on this page while the store was read: that is newer, and is saved over it.
    if (this.touched) return;
    const map = stored?.map;
    const sent = waiting?.kind === 'partnerships' ? waiting.data : undefined;
    if (sent && map && !sameMap(map, { ...sent, directed: sent.directed ?? map.directed })) {
      // Edited after sending, before the reload: the edit is the newer map. Sending it replaces the
      // one sent; if it is never sent, the waiting one still arrives. (One refused says why.)
      this.takeOwn(map, stored!.savedAt);
      this.adopt(waiting!);
      if (this.submission.state !== 'rejected') this.submission.change();
    } else if (waiting) {
      this.showWaiting(waiting);
    } else if (map) {
      this.takeOwn(map, stored!.savedAt);
    } else {
      this.forgetNote();
    }
  }

  /** A submission of the map on its way, or settled before it was looked for: shown with the map it holds, and its state. */
  private showWaiting(envelope: Envelope): void {
    if (envelope.kind !== 'partnerships' || this.touched) return;
    const { actors, ties, directed } = envelope.data;
    this.takeOwn({ directed: directed ?? this.directed, actors, ties }, undefined);
    // Shown as sent once delivered, not as an edit after sending (see willUpdate).
    this.sentRevision = this.revision;
    this.adopt(envelope);
    this.keepSent();
  }

  /**
   * Follows a submission that settled before it was looked for (resume follows a waiting one
   * itself): its fate at once, with `lc-submitted`, or `lc-submit-error` and the reason shown.
   */
  private adopt(envelope: Envelope): void {
    if (this.submission.state === 'idle') this.submission.follow(envelope, 'queued');
  }

  /**
   * The note of a map sent on an earlier visit, neither waiting in the outbox (nor kept there for
   * the matrix, refused or delivered) nor settled on this page load: it settled on a load whose
   * matrix left the page before it did. It goes.
   */
  private forgetNote(): void {
    const store = this.draftStore;
    const key = this.draftKeyInUse;
    const looked = this.submission.endpoint !== undefined && this.submission.state === 'idle';
    if (!this.notedPending || !looked || this.touched || this.keepsOwn || !store || !key) return;
    this.notedPending = undefined;
    void store.delete(key).catch((error: unknown) => this.storageError(error));
  }

  /**
   * Shows the person's own map from an earlier visit. The page's (its properties, or `src` loaded
   * already) is not lost: it is offered beside it, when it holds anything theirs does not.
   */
  private takeOwn(map: MatrixData, savedAt: number | undefined): void {
    const page = this.model.size ? this.model.toData() : undefined;
    this.pendingTies = undefined;
    this.loadData(map);
    this.edited = true;
    this.keepsOwn = true;
    this.srcOffer = undefined;
    if (page) this.offerPage(page);
    if (savedAt !== undefined) {
      this.announce(this.t('draft.restored', { time: this.formatTime(savedAt) }));
    }
  }

  /** The page gave a map while the person's own is shown: offered, if it adds anything to theirs. */
  private offerPage(data: MatrixData, from: 'page' | 'src' = 'page'): void {
    this.pageMap = data;
    const merged = mergeMaps(this.model.toData(), data);
    const adds = merged.added > 0 || merged.data.ties.length > this.model.ties().length;
    if (!adds) {
      if (!this.srcOffer?.applied) this.srcOffer = undefined;
      return;
    }
    this.srcOffer = from === 'page' ? { data, from } : { data };
  }

  /** An edit by the person (or a refusal of their map): written in the next task (see persist). */
  private scheduleSave(): void {
    this.touched = true;
    this.persist();
  }

  private persist(): void {
    this.unsaved = true;
    clearTimeout(this.saveTimer);
    // The next task: one event's edits are one write, and the map is on the device long before a
    // reload can take the page away (see the journal's SAVE_DELAY_MS).
    this.saveTimer = setTimeout(() => void this.flushDraft());
  }

  /** The id of the map's submission that the outbox holds (sending, or waiting), if any. */
  private get onItsWay(): string | undefined {
    const s = this.submission;
    return s.state === 'sending' || s.state === 'queued' ? s.envelope?.id : undefined;
  }

  /** Writes the map now (the task after an edit, on `pagehide`, when the tab is hidden, when removed). */
  private async flushDraft(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const store = this.draftStore;
    const key = this.draftKeyInUse;
    if (!this.unsaved || !store || !key) return;
    this.unsaved = false;
    const map = this.model.toData();
    const pending = this.onItsWay;
    try {
      // No actor left, and none sent: nothing to keep.
      if (map.actors.length || pending) {
        await writeMatrixDraft(store, key, map.actors.length ? map : undefined, Date.now(), pending);
      } else await store.delete(key);
    } catch (error) {
      this.storageError(error);
      this.unsaved = true;
    }
    this.draftFailed = store.failure !== undefined;
  }

  /**
   * What the device keeps of the map once it is sent: while the outbox holds it, only a note of its
   * id (the outbox has the map), so that a reload its delivery beats still finds it (see
   * resumeWaiting); nothing once it arrived or a host's `lc-submit` listener took it. A map edited
   * since, or refused, is the person's to keep: written whole, with the note while one is on its way.
   */
  private keepSent(): void {
    const state = this.submission.state;
    const pending = this.onItsWay;
    this.notedPending = undefined;
    if (this.revision !== this.sentRevision || !(pending || state === 'sent' || state === 'handled')) {
      this.persist();
      return;
    }
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.unsaved = false;
    const store = this.draftStore;
    const key = this.draftKeyInUse;
    if (!store || !key) return;
    void (pending ? writeMatrixDraft(store, key, undefined, Date.now(), pending) : store.delete(key))
      .catch((error: unknown) => this.storageError(error))
      .then(() => (this.draftFailed = store.failure !== undefined));
  }

  private storageError(error: unknown): undefined {
    console.error(`[lc-elements] <${this.localName}>: the map could not be read or kept (${String(error)})`);
    return undefined;
  }

  /** The time a map was saved: the time alone today, with the date before. */
  private formatTime(epoch: number): string {
    const day = (d: Date) => d.toDateString();
    const options: Intl.DateTimeFormatOptions =
      day(new Date(epoch)) === day(new Date()) ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' };
    return dateFormat(this.community.locale, options).format(epoch);
  }

  // ---- submission --------------------------------------------------------------------------

  private onSend = (event: MouseEvent) => {
    // On its way, it is not sent again. Once it arrived (or the host took it over), neither the
    // second of a double press (a double-click, or a person's press within SEEN_MS of it arriving,
    // see staleSend) nor a press with nothing changed since sends anything: the map sent is the one
    // shown, and a second copy (a new id, replacing nothing) would count it twice. An edit makes it
    // sendable again (see willUpdate).
    const state = this.submission.state;
    if (state === 'sending' || state === 'queued') return;
    if (staleSend(event, this.submission) || this.sentUnchanged) return;
    void this.submit();
  };

  /** The map shown is the one on its way, arrived, or taken over by the host: nothing to send. */
  private get sentUnchanged(): boolean {
    return LOCKED_STATES.has(this.submission.state) && this.revision === this.sentRevision;
  }

  // ---- helpers -----------------------------------------------------------------------------

  private get useList(): boolean {
    return this.layout === 'list' || (this.layout !== 'grid' && this.narrow);
  }

  /** The list for `auto`: the element is narrower than 640 px, or the window too short for the grid (see SHORT_WINDOW). */
  private fitLayout(): boolean {
    return this.width > 0 && (this.width < NARROW_BELOW || !!this.shortWindow?.matches);
  }

  private readonly onWindowHeight = () => {
    // A task of its own, as the resize observer's switch (the window's width may change with it).
    setTimeout(() => (this.narrow = this.fitLayout()));
  };

  /** Observes the grid's column headers for their height (see headBlock), each time they are made anew. */
  private observeHead(): void {
    const head = this.renderRoot.querySelector('.row.head') ?? undefined;
    if (head === this.observedHead || !this.resizeObserver) return;
    if (this.observedHead) this.resizeObserver.unobserve(this.observedHead);
    this.observedHead = head;
    if (head) this.resizeObserver.observe(head);
  }

  /**
   * The grid gives way to the list, or the list to the grid (the window turned, or zoomed across
   * 640 px). The picker closes: its cell is gone. Focus that was on the grid (or in its picker)
   * goes to the list's control for the same pair, and focus on the list to that pair's cell, so it
   * is never dropped to the page; focus elsewhere stays where it is.
   */
  private switchLayout(toList: boolean): void {
    const root = this.renderRoot as ShadowRoot;
    const active = root.activeElement;
    const inPicker = !!active && !!this.picker?.contains(active);
    if (this.pickerOpen) this.closePicker(false);
    const n = this.model.size;
    if (!active || n < 2) return;
    if (toList) {
      if (!inPicker && !active.closest('.grid')) return;
      const row = Math.min(this.activeRow, n - 1);
      const col = Math.min(this.activeCol, n - 1);
      if (row !== this.listActor) this.listKept.clear();
      this.listActor = row;
      if (row === col) {
        this.focusAfterRender = '#list-actor';
        return;
      }
      // Shown even when "only existing ties" would hide it at "no tie".
      this.listKept.add(col);
      this.focusAfterRender = `#lv-${col}`;
      return;
    }
    if (!active.closest('.list')) return;
    const row = Math.min(this.listActor, n - 1);
    const col = Number((active as HTMLElement).dataset['col']);
    this.activeRow = row;
    if (!Number.isNaN(col)) this.activeCol = col;
    // The actor's own cell holds no tie: the next one in its row does.
    if (this.activeCol === row || this.activeCol >= n) this.activeCol = row === 0 ? 1 : row - 1;
    this.focusAfterRender = '[role="gridcell"][tabindex="0"]';
  }

  private get validHeadingLevel(): number {
    return headingLevelSchema.safeParse(this.headingLevel, z.EN).success ? this.headingLevel : 3;
  }

  private get sectorOptions(): Array<{ id: string; label: string }> {
    const parsed = this.sectors === undefined ? undefined : sectorSchema.safeParse(this.sectors, z.EN);
    const list: SectorOption[] =
      parsed?.success && parsed.data.length ? parsed.data : DEFAULT_SECTORS.map((id) => ({ id }));
    return list.map((s) => ({ id: s.id, label: s.label ?? this.sectorLabel(s.id) }));
  }

  /** The public-authority sector: the host's, or the default when the attribute is removed (null). */
  private get publicSectorId(): string {
    return (this.publicSector as string | null) ?? PUBLIC_AUTHORITY;
  }

  private get sectorIds(): string[] {
    return this.sectorOptions.map((s) => s.id);
  }

  private sectorLabel(id: string): string {
    const own = this.sectors?.find?.((s) => s.id === id)?.label;
    if (own) return own;
    const key = `sector.${id}` as MatrixStringKey;
    return this.strings?.[key] !== undefined || (DEFAULT_SECTORS as readonly string[]).includes(id) ? this.t(key) : id;
  }

  private t(key: MatrixStringKey, vars?: Record<string, string | number>): string {
    return msg(this.community.locale, key, vars, this.strings);
  }

  private levelValue(level: TieLevel): string {
    return this.t('level.value', { level, label: this.t(`level.${level}`) });
  }

  private describeLevel(row: number, col: number): string {
    const text = this.levelValue(this.model.level(row, col));
    return `${text}${this.independentClause(row, col)}`;
  }

  /** ", without a public authority" (the language's comma) for a tie that runs without one, else ''. */
  private independentClause(row: number, col: number): string {
    return this.model.independent(row, col) ? `${this.comma()}${this.t('cell.independent')}` : '';
  }

  private describeCell(row: number, col: number): string {
    const actors = this.model.actors;
    const a = actors[row];
    const b = actors[col];
    if (!a || !b) return '';
    if (row === col) return this.t('cell.self', { row: this.named(a.name) });
    // Names isolated: "Sportverein … e.V." keeps its full stop at its end in the Arabic sentence.
    const label = this.t(this.model.directed ? 'cell.name.directed' : 'cell.name', {
      row: `${this.named(a.name)} (${this.sectorLabel(a.sector)})`,
      col: `${this.named(b.name)} (${this.sectorLabel(b.sector)})`,
      level: this.levelValue(this.model.level(row, col)),
    });
    return `${label}${this.independentClause(row, col)}`;
  }

  private removedText(removed: RemovedActor): string {
    const count = removed.ties.length;
    return count
      ? this.t('actors.removed', { name: this.named(removed.actor.name), count })
      : this.t('actors.removed-alone', { name: this.named(removed.actor.name) });
  }

  /**
   * An actor's name for a sentence or an option's label: isolated (see isolate()), so a Latin name
   * in Arabic keeps its punctuation ("… e.V.") and an Arabic name in English its order.
   */
  private named(name: string): string {
    return isolate(name, this.community.dir === 'rtl');
  }

  /** Pairs of actors (by id) for a sentence: "A – B, C – D", the first five, then "…". */
  private pairList(pairs: ReadonlyArray<readonly [string, string]>): string {
    const name = (id: string) => this.named(this.model.actors[this.model.indexOf(id)]?.name ?? id);
    const shown = pairs.slice(0, 5).map(([a, b]) => `${name(a)} – ${name(b)}`);
    return `${shown.join(this.comma())}${pairs.length > shown.length ? `${this.comma()}…` : ''}`;
  }

  /** Names in a run of text, each in its own direction (<bdi>), wrapping with the text, comma-separated. */
  private nameList(names: string[]) {
    const comma = this.comma();
    return names.map((name, i) => html`${i ? comma : ''}<bdi>${name}</bdi>`);
  }

  /** The language's comma between the items of a list ("، " in Arabic). */
  private comma(): string {
    return this.community.lang === 'ar' ? '، ' : ', ';
  }

  private problemText(p: DataProblem): string {
    // Names in their own direction (an id or a JSON value is ASCII).
    const name = p.code === 'duplicate-name' ? (text = '') => this.named(text) : (text = '') => text;
    return this.t(`problem.${p.code}` as MatrixStringKey, {
      path: p.path,
      id: name(p.id),
      value: name(p.value),
      detail: p.detail ?? '',
      // The range of a level (problem.level), in the locale's digits.
      ...LEVEL_RANGE,
    });
  }

  private percent(value: number): string {
    return formatNumber(this.community.locale, value, { style: 'percent', maximumFractionDigits: 0 });
  }

  private number(value: number, digits = 0): string {
    return formatNumber(this.community.locale, value, { maximumFractionDigits: digits });
  }

  /** Says `text` in the notice line; `actor`: the row of the tie it speaks of (see onListActorChange). */
  private announce(text: string, actor = -1): void {
    // Re-announce the same text (pressing the same digit twice) by changing the node's content.
    this.notice = this.notice === text ? `${text}\u00a0` : text;
    this.noticeActor = actor;
  }

  private emitChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /**
   * An edit by the person: from now on a map arriving from `src` is offered, not loaded over
   * theirs; and an Undo of adding or taking the file's map, which would take this edit back too, goes.
   */
  private personChanged(): void {
    this.edited = true;
    if (this.srcOffer?.applied) this.srcOffer = undefined;
    this.emitChange();
    this.scheduleSave();
  }

  private loadData(data: MatrixData): void {
    const staged = new MatrixModel(data);
    staged.setDirected(this.directed);
    this.model.setDirected(this.directed);
    this.model.load(staged.actors, staged.ties());
    this.removed = [];
    this.structureChanged();
  }

  /** After a change of actors (or of everything): every row re-renders once. */
  private structureChanged(): void {
    this.gridStamp++;
    this.rowStamps = new Array(this.model.size).fill(0);
    this.revision++;
    const n = this.model.size;
    if (this.activeRow >= n) this.activeRow = Math.max(0, n - 1);
    if (this.activeCol >= n) this.activeCol = Math.max(0, n - 1);
    // Start off the diagonal, on the first cell that can hold a tie.
    if (n > 1 && this.activeRow === this.activeCol) this.activeCol = this.activeRow === 0 ? 1 : this.activeRow - 1;
    if (this.listActor >= n) this.listActor = Math.max(0, n - 1);
    this.requestUpdate();
  }

  /** After one cell changed: only its row (and, when symmetric, its mirror's row) re-render. */
  private cellsChanged(row: number, col: number): void {
    this.rowStamps[row] = (this.rowStamps[row] ?? 0) + 1;
    if (!this.model.directed) this.rowStamps[col] = (this.rowStamps[col] ?? 0) + 1;
    this.revision++;
  }

  private reportInput(attribute: string, problems: DataProblem[]): void {
    this.inputProblems = [...this.inputProblems.filter((p) => p.attribute !== attribute), { attribute, problems }];
    console.error(`[lc-elements] <${this.localName}> ${attribute}: ${problems.map(describeProblem).join('; ')}`);
  }

  private clearInput(attribute: string): void {
    if (this.inputProblems.some((p) => p.attribute === attribute)) {
      this.inputProblems = this.inputProblems.filter((p) => p.attribute !== attribute);
    }
  }

  private checkConfig(): void {
    const problems: Array<ConfigProblem | undefined> = [
      checkEndpoint(this.endpoint),
      checkAttribute('locale', localeTagCheck, this.locale),
    ];
    if (this.src !== undefined && this.src !== null && this.src.trim()) problems.push(checkEndpoint(this.src, 'src'));
    problems.push(
      checkAttribute('layout', layoutSchema, this.layout),
      checkAttribute('heading-level', headingLevelSchema, this.headingLevel),
      checkAttribute('draft-key', draftKeySchema, this.draftKey),
    );
    if (this.sectors !== undefined) {
      const parsed = sectorSchema.safeParse(this.sectors, z.EN);
      if (!parsed.success) problems.push(checkAttribute('sectors', sectorSchema, this.sectors));
      else if (!parsed.data.length) problems.push({ attribute: 'sectors', message: 'is empty' });
    }
    // A host's own that is not among the sectors (a typo, a blank): said. (The default missing from
    // a host's own list of sectors is not: that map has no public authority, and no such share.)
    const ids = this.sectorIds;
    if (this.publicSectorId !== PUBLIC_AUTHORITY && !ids.includes(this.publicSectorId)) {
      problems.push({
        attribute: 'public-sector',
        message: `must be one of the sectors (${ids.join(', ')}), not "${String(this.publicSectorId)}"`,
      });
    }
    this.configProblems.replace(problems);
  }
}

/** Formats a number; a page's malformed `lang` falls back to English instead of throwing in render. */
function formatNumber(locale: string, value: number, options: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

declare global {
  interface HTMLElementTagNameMap {
    'lc-partnership-matrix': LcPartnershipMatrix;
  }
}
