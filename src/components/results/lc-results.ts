import { coreStrings } from '../../core/i18n/core-strings.js';
import { html, isServer, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { cssProps } from '../../core/css-props.js';
import { html as staticHtml } from 'lit/static-html.js';
import { coreMsg } from '../../core/i18n/core-strings.js';
import { CommunityController } from '../../core/community-controller.js';
import type { CriteriaSet } from '../../criteria/schema.js';
import { BUILTIN_SET_ID } from '../../criteria/builtin.js';
import {
  checkAttribute,
  checkEndpoint,
  ConfigProblems,
  localeTagCheck,
  logProblem,
  truncate,
  type ConfigProblem,
} from '../../core/config.js';
import { VERSION } from '../../core/define.js';
import { fetchJson, type FetchJsonOptions } from '../../core/fetch-json.js';
import { groupText, text, wholeNumber } from '../../core/checks.js';
import { downloadText, resultsFileName } from '../../core/download.js';
import { headingTag } from '../../core/headings.js';
import { arrowKeyIndex } from '../../core/keys.js';
import { configProblemsAlert } from '../../core/problems.js';
import {
  isolate,
  isRtl,
  toSupportedLocale,
  type StringOverrides,
  englishTexts,
  type LocaleTable,
  type Message,
  type StringTable,
} from '../../core/i18n/i18n.js';
import { quoting } from '../../core/reason.js';
import type { GroupStats, Results } from '../../core/results.js';
import type { LoadResult } from './load.js';
import { resultsCsv } from './csv.js';
import {
  analyse,
  change,
  DEFAULT_MIN_GROUP,
  dontKnowShare,
  rated,
  shownMean,
  UNSPECIFIED_PERSPECTIVE,
  type CriterionView,
  type ResultsView,
  withCriteria,
} from './divergence.js';
import { errorBox, hostDefaults, srOnly } from '../../core/shared-styles.js';
import { firstPaintRoot } from '../../core/ssr.js';
import { styles } from './lc-results.styles.js';
import { anchorFor, radarGeometry, radarPath, wrapLabel, type RadarGeometry } from './radar.js';
import { msg, strings, type ResultsStringKey } from './strings.js';
import { dateFormat, numberFormat } from '../../core/intl.js';
import { importAgain } from '../../core/import-again.js';
import { liveRegion } from '../../core/live-region.js';

/** Fired when results have been loaded and validated (from `src` or the `results` property). */
export class LcResultsLoadEvent extends Event {
  static readonly eventName = 'lc-results-load';
  constructor(readonly results: Results) {
    super(LcResultsLoadEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when results could not be loaded or were refused; `message` names the problem. */
export class LcResultsErrorEvent extends Event {
  static readonly eventName = 'lc-results-error';
  constructor(
    readonly message: string,
    readonly source: 'src' | 'results' | 'compare',
  ) {
    super(LcResultsErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lc-results-load': LcResultsLoadEvent;
    'lc-results-error': LcResultsErrorEvent;
  }
  interface HTMLElementTagNameMap {
    'lc-results': LcResults;
  }
}

export type { LoadResult } from './load.js';

/**
 * The results parser (load.ts, with the schema library), loaded with the first results to read:
 * a page pays for it only once it has results, which arrive asynchronously anyway. Once loaded,
 * results given as a property are read at once.
 */
let parser: typeof import('./load.js') | undefined;
const importParser = () => import('./load.js');
let parserLoading: Promise<typeof import('./load.js')> | undefined;
function loadParser(): Promise<typeof import('./load.js')> {
  if (parser) return Promise.resolve(parser);
  parserLoading ??= importAgain(importParser).then(
    (module) => (parser = module),
    (error: unknown) => {
      // Tried again with the next results (a dropped connection).
      parserLoading = undefined;
      throw error;
    },
  );
  return parserLoading;
}
/**
 * The parser could not load: its file could not be fetched (a TypeError, in every browser's words:
 * worth trying again), or it came and could not run (a SyntaxError: cut short, or another page
 * served in its place), an error the browser keeps for the page, which only a reload clears.
 */
const parserFailed = (error: unknown): LoadResult => {
  const said = (error as Error)?.message ?? String(error);
  return error instanceof TypeError
    ? { ok: false, error: `the results could not be read: their parser did not load (${said})`, passing: true }
    : {
        ok: false,
        error: `the results could not be read: their parser's file failed as it ran and may be damaged; reload the page (${said})`,
        reload: true,
      };
};
/** Validates results, once the parser is in. */
async function parseResults(input: unknown): Promise<LoadResult> {
  try {
    return (await loadParser()).parseResults(input);
  } catch (error) {
    return parserFailed(error);
  }
}

/**
 * Fetches results from a URL and validates them; `round` (if given) must be the round answered,
 * composed or not ("forår" written decomposed is the round the collector answers for, composed).
 * The parser loads while the request is on its way.
 */
export async function fetchResults(url: string, init: FetchJsonOptions, round?: string): Promise<LoadResult> {
  const name = truncate(url, 120);
  loadParser().catch(() => undefined); // Now, beside the request; a failure is reported by parseResults.
  const parsed = await fetchJson(url, parseResults, { ...init, name });
  if (!parsed.ok) return parsed;
  if (round !== undefined && groupText(parsed.value.round) !== groupText(round)) {
    return {
      ok: false,
      error: `${name} answered with round "${truncate(parsed.value.round)}", not "${truncate(round)}"`,
    };
  }
  return parsed;
}

/** The `src` URL with its `round` search parameter set to `round` (added when missing). */
export function roundUrl(src: string, round: string, base: string = document.baseURI): string {
  const url = new URL(src.trim(), base);
  url.searchParams.set('round', round);
  return url.href;
}

const minGroupCheck = wholeNumber(1, 10_000);
const headingLevelCheck = wholeNumber(1, 6);
const roundCheck = text(100);
/** The text properties, with their defaults (see ConfigProblems.takeProperties). */
const TEXT = { src: undefined, compareRound: undefined, compareSrc: undefined, locale: undefined };

const MAX_LEVEL = 4;
/** The scale's ends for a sentence ("0 to 4"), formatted in the locale's digits as every figure is. */
const SCALE_RANGE = { min: 0, max: MAX_LEVEL };
/**
 * The radar's layouts, in SVG user units. The chart scales to its area's width, so in a narrow area
 * (a phone, 320 CSS px) the wide layout's labels would shrink to about 6 px: the compact layout has a
 * smaller rim and bigger labels in shorter lines.
 */
const CHART_LAYOUTS = {
  wide: { radius: 160, gap: 14, room: { inline: 130, block: 50 }, font: 13, lineHeight: 15, chars: 18, lines: 3 },
  compact: { radius: 100, gap: 12, room: { inline: 86, block: 56 }, font: 14, lineHeight: 16, chars: 12, lines: 4 },
} as const;
/** A chart area narrower than this (CSS px) gets the compact layout. */
const COMPACT_CHART_BELOW = 440;
type ChartLayout = (typeof CHART_LAYOUTS)[keyof typeof CHART_LAYOUTS];
/**
 * Room (user units, per side) for the numbers that replace titles which would overlap: two digits in
 * the layout's font, so the rim takes the room the titles had and the radar grows.
 */
const KEY_ROOM = { inline: 24, block: 20 } as const;
/** Titles closer than this (user units) count as touching. */
const LABEL_CLEARANCE = 2;
interface Overflow {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
const NO_OVERFLOW: Overflow = { top: 0, right: 0, bottom: 0, left: 0 };
/**
 * Room for labels (user units) a fit may leave unused. Text measures a hair differently at each
 * scale the viewBox gives the chart: fitted to the unit, the new scale measured again could ask
 * for the old room back, and the chart re-render between two sizes for ever (seen: 83 and 84
 * units, with twelve Arabic titles; the page froze).
 */
const FIT_SLACK = 2;
/** Renders in a row that only refit the labels: past this, the fit stands (a last guard against a loop). */
const MAX_FIT_PASSES = 3;
/**
 * Each chart point's target is at least this wide and tall, in CSS px, at whatever scale the
 * viewBox draws the chart (see sizePointTargets).
 */
const POINT_TARGET = 44;
/** Points drawn closer than this (user units: a dot's radius) look like one dot: their tooltip names them all. */
const SAME_SPOT = 5;
const SVG_NS = 'http://www.w3.org/2000/svg';
let colourCanvas: OffscreenCanvasRenderingContext2D | undefined;
/**
 * A computed colour as `rgb()` (or `rgba()`), which every SVG viewer reads: the page computes the
 * default colours, mixed with its text colour, to `oklab()` or `color()`, and a theme may set any.
 */
function svgColour(value: string): string {
  if (!/^(color|oklab|oklch|lab|lch)\(/.test(value)) return value;
  colourCanvas ??= new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true })!;
  colourCanvas.clearRect(0, 0, 1, 1);
  colourCanvas.fillStyle = value;
  colourCanvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = colourCanvas.getImageData(0, 0, 1, 1).data;
  return a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Math.round((a! / 255) * 1000) / 1000})`;
}
/**
 * The key an exported chart with numbered axes carries under it, in ems of the chart's font: room
 * around it, the height of a line, and the longest line of a title (in characters) before it wraps.
 */
const EXPORT_KEY = { margin: 1, lineHeight: 1.35, gap: 0.35, chars: 48 } as const;
/** Properties copied from the live chart into the exported SVG as presentation attributes. */
const EXPORTED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
] as const;

interface Axis {
  id: string;
  title: string;
  /** The language of the title (the criteria set's), or undefined for an id shown as is. */
  lang: string | undefined;
  current: CriterionView | undefined;
  previous: CriterionView | undefined;
}

interface ChartPoint {
  axis: number;
  x: number;
  y: number;
  label: string;
}

/** `stale`: the figures shown before a reload of the same URL, kept while it loads or when it fails. */
type Load =
  | { state: 'idle' }
  | { state: 'loading'; stale?: Results }
  | { state: 'ok'; value: Results }
  | { state: 'error'; error: string; stale?: Results; reload?: boolean };

const shown = (load: Load): Results | undefined =>
  load.state === 'ok' ? load.value : load.state === 'idle' ? undefined : load.stale;

/** True when a round has an answer to some criterion (a round nobody answered lists its criteria at 0). */
function answered(view: ResultsView): boolean {
  return view.criteria.some((c) => c.overall.n > 0);
}

/** True when a criterion's overall figure may be shown: the compared round's line has a point. */
function comparable(view: ResultsView): boolean {
  return view.criteria.some((c) => c.overall.n > 0 && !c.overallHidden);
}

/**
 * Aggregated results of a community's self-assessment: a radar chart of the mean level per
 * criterion with the table of the same figures, a comparison with an earlier round, and where
 * perspectives (citizens, authorities, partners, businesses…) diverge, each gap turned into a
 * discussion prompt.
 *
 * Anonymity: a group (a perspective, or a criterion as a whole) is shown only with at least
 * `min-group` answers **with a level**; "don't know" answers are not counted (a group whose every
 * answer is "don't know" exposes no level: its counts are shown, without a mean). When the totals
 * would let a hidden group be worked out by subtraction, the next smallest group is hidden too.
 * The element says how many groups it hid, and the CSV export follows the same rule. Each mean
 * per perspective says how many answers with a level it is made of, and how many said "don't know".
 *
 * The table holds every figure of the chart: where the current round has no mean to show for a
 * criterion that the compared round has, its change column gives the compared round's ("was 4.0").
 *
 * A gap (the "Gap" column, "Where perspectives differ") is between perspectives only: answers
 * without a perspective (the collector's group `unspecified`) are shown beside them and are no
 * part of it, which the element says where that group is shown.
 *
 * Criteria sets: results name the set they were answered with (`criteriaSet`, as the reference
 * collector's do). Titles, order and prompts come from the page's set (its `<lc-community>`'s)
 * only when it is that set (by id: its versions are one set) or the results name none; results of
 * another set show their criteria by their ids, with a note that says so. Results of the page's
 * own set (not the built-in one, whose criteria the collector lists itself) list its criteria
 * nobody has answered yet, without figures. A round is compared only with a round answered with
 * its set (or when either names none); the status says when it was not, and the console names the
 * sets in both cases.
 *
 * Once its figures are in, the element is one landmark (a region) named after their community and
 * round ("Results for north-district, round 2026-spring": the string `region`), so two results on
 * a page are told apart; its tables scroll in focusable groups named by their captions.
 *
 * @summary Results with a radar chart, round comparison and divergence between perspectives.
 * @csspart base - The wrapper of everything.
 * @csspart heading - The element's heading.
 * @csspart subheading - The heading of each section.
 * @csspart meta - Community, round and update time.
 * @csspart toolbar - The comparison picker, chart toggle and export buttons.
 * @csspart button - Each button.
 * @csspart select - The comparison picker.
 * @csspart overview - Chart and table, side by side when there is room.
 * @csspart chart - The radar chart's SVG.
 * @csspart legend - The legend under the chart.
 * @csspart tooltip - The tooltip of a chart point.
 * @csspart table - Each table.
 * @csspart note - The anonymity note, and the note on results of another criteria set than the page's.
 * @csspart divergence - The list of the largest gaps between perspectives.
 * @csspart prompt - A discussion prompt.
 * @csspart perspectives - The table of means per perspective, with its heading.
 * @csspart status - The loading message.
 * @csspart error - An error message.
 * @cssprop --lc-results-current - Colour of the current round's line and points.
 * @cssprop --lc-results-compare - Colour of the compared round's (dashed) line.
 * @cssprop --lc-results-grid - Colour of the chart's rings and axes.
 * @cssprop --lc-results-text - Text colour (falls back to `--lc-text-color`).
 * @cssprop --lc-tooltip-background - Background of a chart point's tooltip (default #1b1d21; #e8eaf0 in a dark colour scheme).
 * @cssprop --lc-tooltip-text - Text of a chart point's tooltip (default #ffffff; #1b1d21 in a dark colour scheme; keep 4.5:1 with the background).
 * @cssprop --lc-note-background - Background of the anonymity note.
 * @cssprop --lc-accent - Accent colour, the fallback of `--lc-results-current`.
 * @cssprop --lc-focus-color - Focus indicator colour (the older `--lc-focus-ring` is read when it is not set).
 * @cssprop --lc-border-color - Borders of tables and buttons.
 * @cssprop --lc-muted-text - Secondary text.
 * @cssprop --lc-radius - Corner radius.
 * @cssprop --lc-error-color - Border of error messages.
 * @cssprop --lc-error-background - Background of error messages.
 * @cssprop --lc-error-text - Text colour of error messages.
 * @fires lc-results-load - Results were loaded and validated (`LcResultsLoadEvent`).
 * @fires lc-results-error - Results could not be loaded or were refused (`LcResultsErrorEvent`).
 */
export class LcResults extends LitElement {
  static version = VERSION;
  /**
   * Every UI text of the element in English, by key: the keys its \`strings\` takes. Give them all,
   * translated, to show it in a language the library does not ship (docs/developers.md, "Strings").
   */
  static get englishTexts(): Record<string, Message> {
    return englishTexts([coreStrings, strings] as LocaleTable<StringTable>[]);
  }
  static override styles = [hostDefaults, srOnly, errorBox, styles];
  static {
    // The chart is drawn, measured, then fitted (its labels, its layout, its points' hit areas):
    // that second update is by design, not the mistake Lit's development build warns of on every
    // page (production builds never warn). The passes are bounded (MAX_FIT_PASSES).
    this.disableWarning?.('change-in-update');
  }

  /** URL of results in the `lc-results/1` format, e.g. the collector's `/api/results?community=…&round=…`. */
  @property() src?: string;
  /** The results themselves, instead of `src` (validated the same way); wins over `src`. */
  @property({ attribute: false }) results?: Results;
  /**
   * An earlier round to compare with: fetched from `src` with its `round` search parameter replaced
   * (composed, NFC, as the collector files it). The round shown is a configuration problem: nothing is compared.
   */
  @property({ attribute: 'compare-round' }) compareRound?: string;
  /** URL of the results to compare with, when they do not live at `src` with another `round` (e.g. static files). */
  @property({ attribute: 'compare-src' }) compareSrc?: string;
  /** The results to compare with, instead of fetching them; wins over `compare-src` and `compare-round`. */
  @property({ attribute: false }) compareResults?: Results;
  /** The fewest answers with a level a group needs to be shown (anonymity threshold). */
  @property({ attribute: 'min-group', type: Number }) minGroup: number = DEFAULT_MIN_GROUP;
  /** Hides the chart (the table stays); people can still show it with the toggle. */
  @property({ attribute: 'hide-chart', type: Boolean, reflect: true }) hideChart = false;
  /** The level of the element's heading (1–6); its sections use the next level. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;
  /** Language of the element (a BCP 47 tag); defaults to the community's, then the nearest `lang`. */
  @property() locale?: string;
  /** Per-instance overrides of any UI string, by key (see `strings.ts`), including `perspective.<id>`. */
  @property({ attribute: false }) strings?: StringOverrides;

  private readonly community = new CommunityController<CriteriaSet>(this, () => ({ locale: this.locale }), {
    content: 'full',
    strings: [strings],
  });

  @state() private current: Load = { state: 'idle' };
  @state() private compared: Load = { state: 'idle' };
  /** What the status region says once a load the person asked for ("Try again") is in. */
  @state() private announcement = '';
  /** A load the person asked for is under way: where the focus goes when it settles (see updated). */
  private retrying = false;
  /** The person chose a round to compare with in the picker: the status says when it is shown (see updated). */
  private comparing = false;
  private readonly problems = new ConfigProblems(this);
  /** The chart point that takes part in the tab sequence (roving tabindex). */
  @state() private activePoint = 0;
  /** The chart point whose tooltip shows, if any. */
  @state() private tooltipPoint: number | undefined;
  /** The chart's area is narrow: the compact layout. */
  @state() private compactChart = false;
  /** Radius (user units) of each point's hit circle: POINT_TARGET CSS px across at the chart's measured scale. */
  @state() private hitRadius = POINT_TARGET / 2;
  /** How far (user units) the axis labels reach past each side of the chart's geometry: the viewBox takes them in. */
  @state() private labelOverflow = NO_OVERFLOW;
  /**
   * The layout and titles (see labelKey) whose axis titles overlapped when drawn: while they are the
   * ones shown, the axes carry numbers instead, and the table's rows the same numbers.
   */
  @state() private overlappingTitles = '';

  private currentRequest?: AbortController;
  /** The URL of the figures in `current` (a reload of the same URL keeps them on show meanwhile). */
  private currentSrc?: string;
  private compareRequest?: AbortController;
  private readonly reading = new Set<Promise<void>>();
  private interrupted = false;
  private chartObserver?: ResizeObserver;
  private observedChart?: Element;
  private labelsObserver?: ResizeObserver;
  private observedLabels?: Element;
  /** The geometry's size (user units) in the last render of the chart. */
  private chartSize?: { width: number; height: number };
  /** The points of the last render of the chart (user units), for the pointer (see nearestPoint). */
  private drawnPoints: ChartPoint[] = [];
  /** What the axis titles in the last render of the chart were drawn for (see labelKey), if titles were drawn. */
  private drawnTitles?: string;
  /** Renders in a row that did nothing but refit the labels (see updated). */
  private fitPasses = 0;
  /** What the console said of criteria sets (see warnOtherSets): each once. */
  private readonly warnedSets = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    document.addEventListener('keydown', this.onDocumentKeydown);
    if (this.hasUpdated) {
      this.observeChart();
      this.observeLabels();
    }
    if (this.interrupted) {
      this.interrupted = false;
      this.loadCurrent();
      this.loadCompared();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('keydown', this.onDocumentKeydown);
    if (this.current.state === 'loading' || this.compared.state === 'loading') this.interrupted = true;
    this.currentRequest?.abort();
    this.compareRequest?.abort();
    this.chartObserver?.disconnect();
    this.observedChart = undefined;
    this.labelsObserver?.disconnect();
    this.observedLabels = undefined;
  }

  /** Loads `src` (and the compared round) again, e.g. after new answers came in. */
  refresh(): void {
    this.announcement = '';
    this.loadCurrent();
    this.loadCompared();
  }

  /** "Try again" after figures from `src` could not be loaded; also when the browser comes back online. */
  private readonly onRetry = () => this.retry(true);
  private readonly onOnline = () => {
    // (Not for a damaged file of the library: only a reload can help, see parserFailed.)
    const failed = (load: Load) => load.state === 'error' && !load.reload;
    if (!failed(this.current) && !failed(this.compared)) return;
    // On the "Try again" button, the person is waiting for it: as if they had pressed it.
    this.retry(this.renderRoot.querySelector('.retry') === (this.renderRoot as ShadowRoot).activeElement);
  };

  /**
   * Loads again (refresh() clears the last announcement). Asked by the person (the focus on "Try
   * again", which goes while it loads): the focus moves to the heading first, and when the load is
   * in, the status says so; when it fails again, the focus goes to the new "Try again".
   */
  private retry(asked: boolean): void {
    if (asked) {
      this.retrying = true;
      this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    }
    this.refresh();
  }

  /** The figures per criterion and perspective as CSV (both rounds when comparing), hidden groups without figures. */
  toCSV(): string {
    const current = this.view();
    if (!current) return '';
    const previous = this.comparedView();
    const title = (id: string) => this.criterionFor(current.results, id)?.title ?? id;
    const rounds = [
      {
        community: current.results.community,
        round: current.results.round,
        view: current.view,
        change: (id: string) => (previous ? change(findView(current.view, id), findView(previous.view, id)) : null),
      },
      ...(previous
        ? [{ community: previous.results.community, round: previous.results.round, view: previous.view }]
        : []),
    ];
    return resultsCsv(rounds, title);
  }

  /**
   * The chart as a standalone SVG document: presentation attributes inline (the colours as shown,
   * themes included), no classes, scripts or external references. Empty when there is no chart.
   */
  toSVG(): string {
    const live = this.renderRoot.querySelector<SVGSVGElement>('svg.chart');
    if (!live) return '';
    const clone = live.cloneNode(true) as SVGSVGElement;
    const sources = [live, ...live.querySelectorAll('*')];
    const copies = [clone, ...clone.querySelectorAll('*')];
    copies.forEach((copy, i) => {
      const style = getComputedStyle(sources[i]!);
      if (copy !== clone && copy.hasAttribute('data-interactive')) {
        copy.remove();
        return;
      }
      if (copy.localName !== 'title' && copy.localName !== 'desc') {
        for (const name of EXPORTED_PROPERTIES) {
          const value = style.getPropertyValue(name);
          if (value) copy.setAttribute(name, name === 'fill' || name === 'stroke' ? svgColour(value) : value);
        }
      }
      for (const attr of [...copy.attributes]) {
        if (/^(class|id|part|role|tabindex|aria-.*|data-.*)$/.test(attr.name)) copy.removeAttribute(attr.name);
      }
    });
    const comments = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
    const dead: Node[] = [];
    while (comments.nextNode()) dead.push(comments.currentNode);
    dead.forEach((n) => n.parentNode?.removeChild(n));
    // The file stands alone: no table to refer to, no keys to press; numbered axes get their key.
    const data = this.view();
    if (data) {
      const previous = this.comparedView();
      const axes = this.axes(data.results, data.view, previous?.view);
      const numbered = live.querySelector('.axis-label.key') !== null;
      clone.querySelector('desc')!.textContent = this.chartDesc(axes.length, previous?.results, numbered, true);
      // Under the chart, as on the page: which line is which round, then the numbered axes' key.
      const legend = previous
        ? [
            { line: '.current-line', text: this.t('legend.current', { round: data.results.round }) },
            { line: '.compare-line', text: this.t('legend.compare', { round: previous.results.round }) },
          ]
        : [];
      if (numbered || legend.length) this.appendKey(clone, live, numbered ? axes : [], legend);
    }
    clone.setAttribute('xmlns', SVG_NS);
    clone.setAttribute('role', 'img');
    clone.setAttribute('lang', this.community.langTag);
    clone.setAttribute('direction', this.community.dir);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.problems.takeProperties(changed, TEXT, [strings], ['hideChart']);
    this.checkConfig();
    if (changed.has('src') || changed.has('results')) this.loadCurrent();
    if (
      changed.has('src') ||
      changed.has('compareRound') ||
      changed.has('compareSrc') ||
      changed.has('compareResults')
    ) {
      this.loadCompared();
    }
    // The status said "Loading the results…" for the round chosen: it says when its figures are in
    // too, or the person hears nothing more. A round with nothing to show, or one that failed,
    // says so itself (the status's own text, or the alert). Set before the render, so the status
    // goes from the one to the other without an empty render between.
    if (this.comparing && this.current.state !== 'loading' && this.compared.state !== 'loading') {
      this.comparing = false;
      const shown = this.comparedView();
      if (shown) this.announcement = this.t('compare.shown', { round: shown.results.round });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A render that only refitted the labels is measured again, a few times at most.
    const refit = changed.size === 1 && changed.has('labelOverflow' as keyof LcResults);
    this.fitPasses = refit ? this.fitPasses + 1 : 0;
    // A change of layout renders again: the labels are measured then.
    if (!this.observeChart() && !this.keyOverlappingTitles() && this.fitPasses < MAX_FIT_PASSES) this.fitChart();
    this.observeLabels();
    this.sizePointTargets();
    this.warnOtherSets();
    if (this.retrying && this.current.state !== 'loading' && this.compared.state !== 'loading') {
      this.retrying = false;
      const retry = this.renderRoot.querySelector<HTMLElement>('.retry');
      if (retry) retry.focus();
      else if (this.current.state === 'ok') this.announcement = this.t('loaded');
    }
  }

  /**
   * Watches the width of the chart's area (a new one after the chart was re-created) to pick its
   * layout. The first look is synchronous, so the chart does not show in the wrong layout first.
   */
  private observeChart(): boolean {
    const area = this.renderRoot.querySelector('.chart-area') ?? undefined;
    if (area === this.observedChart || typeof ResizeObserver !== 'function') return false;
    this.chartObserver ??= new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]!.contentRect.width;
      // A chart drawn at another scale needs hit circles of another radius (in a task: see below).
      setTimeout(() => this.sizePointTargets());
      // In a task of its own: re-rendering inside the observer's callback would resize the area
      // again before the observer has delivered ("ResizeObserver loop" errors).
      if (width > 0 && width < COMPACT_CHART_BELOW !== this.compactChart) {
        setTimeout(() => (this.compactChart = width < COMPACT_CHART_BELOW));
      }
    });
    if (this.observedChart) this.chartObserver.unobserve(this.observedChart);
    this.observedChart = area;
    if (!area) return false;
    this.chartObserver.observe(area);
    const width = area.getBoundingClientRect().width;
    if (width === 0 || width < COMPACT_CHART_BELOW === this.compactChart) return false;
    this.compactChart = width < COMPACT_CHART_BELOW;
    return true;
  }

  /**
   * Watches the size of the axis labels, to fit the chart to them again when they grow or shrink
   * without a render: a reader's style sheet with wider letter spacing, a larger font. An SVG group's
   * size is its box in user units, which the fit itself (a new viewBox) leaves as it is: no loop.
   */
  private observeLabels(): void {
    const labels = this.renderRoot.querySelector('svg.chart .labels') ?? undefined;
    if (labels === this.observedLabels || typeof ResizeObserver !== 'function') return;
    // In a task, as for the area: a render inside the observer's callback would be a loop to it.
    this.labelsObserver ??= new ResizeObserver(() =>
      setTimeout(() => {
        if (!this.keyOverlappingTitles()) this.fitChart();
      }),
    );
    if (this.observedLabels) this.labelsObserver.unobserve(this.observedLabels);
    this.observedLabels = labels;
    if (labels) this.labelsObserver.observe(labels);
  }

  /**
   * Sizes the points' hit circles to POINT_TARGET CSS px across at the scale the chart is drawn at
   * (the viewBox scales it with its area's width: user units are not CSS px). Rounded up to half a
   * user unit, so a change of a fraction of a pixel does not draw the chart again.
   */
  private sizePointTargets(): void {
    const chart = this.renderRoot.querySelector<SVGSVGElement>('svg.chart');
    const view = chart?.viewBox.baseVal;
    const box = chart?.getBoundingClientRect();
    if (!view?.width || !view.height || !box?.width || !box.height) return;
    const scale = Math.min(box.width / view.width, box.height / view.height);
    const radius = Math.ceil((POINT_TARGET / 2 / scale) * 2) / 2;
    if (radius !== this.hitRadius) this.hitRadius = radius;
  }

  /**
   * Replaces axis titles that overlap one another (long words, many criteria, a narrow chart) with
   * numbers keyed to the table. Measured in user units, so it holds at any width of one layout.
   * Returns whether it renders again.
   */
  private keyOverlappingTitles(): boolean {
    const key = this.drawnTitles;
    if (key === undefined || key === this.overlappingTitles) return false;
    const labels = [...this.renderRoot.querySelectorAll<SVGGraphicsElement>('svg.chart .axis-label')];
    if (!labels.length || !labels[0]!.getClientRects().length) return false;
    const boxes = labels.map((label) => label.getBBox());
    const apart = (a: DOMRect, b: DOMRect) =>
      a.x + a.width + LABEL_CLEARANCE <= b.x ||
      b.x + b.width + LABEL_CLEARANCE <= a.x ||
      a.y + a.height + LABEL_CLEARANCE <= b.y ||
      b.y + b.height + LABEL_CLEARANCE <= a.y;
    const overlap = boxes.some((a, i) => boxes.some((b, j) => j > i && !apart(a, b)));
    if (overlap) this.overlappingTitles = key;
    return overlap;
  }

  /**
   * Widens the viewBox to take in axis labels that reach past the geometry (a long word, wider
   * letter spacing): scaled down with the chart rather than cut off or drawn past the page's edge.
   */
  private fitChart(): void {
    const labels = this.renderRoot.querySelector<SVGGraphicsElement>('svg.chart .labels');
    if (!labels || !this.chartSize || !labels.getClientRects().length) return;
    const box = labels.getBBox();
    const { width, height } = this.chartSize;
    const beyond = (n: number) => Math.max(0, Math.ceil(n));
    const next: Overflow = {
      top: beyond(-box.y),
      right: beyond(box.x + box.width - width),
      bottom: beyond(box.y + box.height - height),
      left: beyond(-box.x),
    };
    const o = this.labelOverflow;
    // More room at once; less only when it is more than the slack less.
    const fit = (now: number, wanted: number) => (wanted > now || now - wanted > FIT_SLACK ? wanted : now);
    const fitted: Overflow = {
      top: fit(o.top, next.top),
      right: fit(o.right, next.right),
      bottom: fit(o.bottom, next.bottom),
      left: fit(o.left, next.left),
    };
    if (fitted.top !== o.top || fitted.right !== o.right || fitted.bottom !== o.bottom || fitted.left !== o.left) {
      this.labelOverflow = fitted;
    }
  }

  private checkConfig(): void {
    const problems: Array<ConfigProblem | undefined> = [
      checkAttribute('locale', localeTagCheck, this.locale),
      checkAttribute('min-group', minGroupCheck, this.minGroup),
      checkAttribute('heading-level', headingLevelCheck, this.headingLevel),
    ];
    if (this.src !== undefined && this.results === undefined) problems.push(checkEndpoint(this.src, 'src'));
    if (this.compareSrc !== undefined && this.compareResults === undefined) {
      problems.push(checkEndpoint(this.compareSrc, 'compare-src'));
    }
    if (this.compareRound !== undefined && this.compareRound !== null) {
      const bad = checkAttribute('compare-round', roundCheck, this.compareRound);
      problems.push(bad);
      if (!bad && !this.compareResults && !this.compareSrc && !this.src?.trim()) {
        problems.push({ attribute: 'compare-round', message: 'needs a src to fetch the round from' });
      }
      const current = shown(this.current);
      if (!bad && current && this.comparesItself(current)) {
        problems.push({
          attribute: 'compare-round',
          message: `is "${truncate(current.round)}", the round shown: a round is not compared with itself`,
        });
      }
    }
    this.problems.replace(problems);
  }

  /**
   * True when the comparison is `compare-round` (neither `compareResults` nor a usable `compare-src`
   * wins over it: see loadCompared) and it names the round shown, compared composed as the
   * collector files rounds. Every change would be 0.0 beside a second line on the first: nothing is
   * compared, and the configuration problem says why (see checkConfig).
   */
  private comparesItself(current: Results): boolean {
    if (this.compareResults != null || (this.compareSrc?.trim() && !checkEndpoint(this.compareSrc))) return false;
    const round = this.compareRound && groupText(this.compareRound);
    return !!round && round === groupText(current.round);
  }

  /** The threshold in force: an invalid `min-group` falls back to the default, never to less protection. */
  private get threshold(): number {
    return minGroupCheck(this.minGroup) ? DEFAULT_MIN_GROUP : this.minGroup;
  }

  private requestInit(signal: AbortSignal): FetchJsonOptions {
    const c = this.community.community;
    return {
      signal,
      credentials: c?.credentials ?? 'same-origin',
      ...(c?.headers ? { headers: c.headers } : {}),
    };
  }

  private loadCurrent(): void {
    this.currentRequest?.abort();
    this.currentRequest = undefined;
    if (this.results !== undefined && this.results !== null) {
      this.currentSrc = undefined;
      this.read('current', this.results, 'results');
      return;
    }
    const src = this.src?.trim();
    if (!src || checkEndpoint(src, 'src')) {
      this.currentSrc = undefined;
      this.current = { state: 'idle' };
      return;
    }
    const request = new AbortController();
    this.currentRequest = request;
    // A reload of the same figures (refresh()) keeps them on show until the new ones are in, and
    // if the reload fails: a dashboard refreshing on a timer does not go blank on one bad answer.
    const stale = src === this.currentSrc ? shown(this.current) : undefined;
    this.currentSrc = src;
    this.current = stale ? { state: 'loading', stale } : { state: 'loading' };
    // The server (Lit SSR) fetches nothing: it shows the results loading, and the browser loads them.
    if (isServer) return;
    fetchResults(src, this.requestInit(request.signal)).then(
      (result) => {
        if (!request.signal.aborted) this.settle('current', result, 'src');
      },
      () => undefined,
    );
  }

  private loadCompared(): void {
    this.compareRequest?.abort();
    this.compareRequest = undefined;
    if (this.compareResults !== undefined && this.compareResults !== null) {
      this.read('compared', this.compareResults, 'compare');
      return;
    }
    // Asked for composed, as the collector files it (see groupText).
    const round = (this.compareRound && groupText(this.compareRound)) || undefined;
    const src = this.src?.trim();
    const current = shown(this.current);
    let url: string | undefined;
    if (this.compareSrc?.trim() && !checkEndpoint(this.compareSrc)) url = this.compareSrc.trim();
    // The round shown already: not fetched a second time, to be compared with itself (see comparesItself).
    else if (current && this.comparesItself(current)) url = undefined;
    else if (round && src && !checkEndpoint(src) && round.length <= 100) {
      try {
        url = roundUrl(src, round);
      } catch {
        url = undefined;
      }
    }
    if (!url) {
      this.compared = { state: 'idle' };
      return;
    }
    const request = new AbortController();
    this.compareRequest = request;
    this.compared = { state: 'loading' };
    // The server (Lit SSR) fetches nothing: it shows the comparison loading, and the browser loads it.
    if (isServer) return;
    fetchResults(url, this.requestInit(request.signal), round).then(
      (result) => {
        if (!request.signal.aborted) this.settle('compared', result, 'compare');
      },
      () => undefined,
    );
  }

  /** Reads results given as a property: at once once the parser is in, otherwise when it is. */
  private read(which: 'current' | 'compared', input: unknown, source: 'results' | 'compare'): void {
    if (parser) {
      this.settle(which, parser.parseResults(input), source);
      return;
    }
    const request = new AbortController();
    if (which === 'current') this.currentRequest = request;
    else this.compareRequest = request;
    this[which] = { state: 'loading' };
    const done = parseResults(input).then((result) => {
      if (!request.signal.aborted) this.settle(which, result, source);
    });
    this.reading.add(done);
    void done.finally(() => this.reading.delete(done));
  }

  /** Also waits for results given as a property to be read (the first time, the parser loads). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.reading.size) {
      await Promise.all(this.reading);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  private settle(which: 'current' | 'compared', result: LoadResult, source: 'src' | 'results' | 'compare'): void {
    if (result.ok) {
      this[which] = { state: 'ok', value: result.value };
      if (which === 'current') this.dispatchEvent(new LcResultsLoadEvent(result.value));
      return;
    }
    const before = this[which];
    const stale = before.state === 'loading' ? before.stale : undefined;
    this[which] = {
      state: 'error',
      error: result.error,
      ...(stale ? { stale } : {}),
      ...(result.reload ? { reload: true } : {}),
    };
    // The comparison's problem is that of what it came from: the property, or the URL it was fetched from.
    const compare = this.compareResults != null ? 'compareResults' : this.compareSrc ? 'compare-src' : 'compare-round';
    const attribute = source === 'compare' ? compare : source;
    logProblem(this, { attribute, message: result.error });
    this.dispatchEvent(new LcResultsErrorEvent(result.error, source));
  }

  private view(): { results: Results; view: ResultsView } | undefined {
    const results = shown(this.current);
    if (!results) return undefined;
    const order = this.criteriaOrder(results);
    // Results that name the page's own set list its criteria nobody has answered yet too (see
    // withCriteria). Results of the built-in set are shown as they are: the collector lists all its
    // criteria itself, so results that list fewer (a file of some of them) mean to. Results that
    // name no set may answer any.
    const set = results.criteriaSet?.id;
    const listed = set && set !== BUILTIN_SET_ID && order.length ? withCriteria(results, order) : results;
    return { results, view: analyse(listed, this.threshold, order) };
  }

  /**
   * The compared round, when it has a figure that may be shown (one without answers, or whose
   * every figure is hidden as too few, has no line to draw and nothing to subtract) and answers
   * the criteria set of the round shown.
   */
  private comparedView(): { results: Results; view: ResultsView } | undefined {
    const compared = this.loadedCompared();
    return compared && comparable(compared.view) && !this.otherCompareSet(compared.results) ? compared : undefined;
  }

  /**
   * What the status says when the compared round has nothing to show (no line is drawn), or ''.
   * A round of another criteria set than the round shown is not compared, and it says so.
   */
  private comparedEmpty(): string {
    const loaded = this.loadedCompared();
    const current = shown(this.current);
    if (!loaded || !current) return '';
    const round = loaded.results.round;
    const other = this.otherCompareSet(loaded.results);
    if (other) {
      return this.t('compare.other-set', {
        round,
        set: other,
        current: current.round,
        currentSet: current.criteriaSet!.id,
      });
    }
    if (comparable(loaded.view)) return '';
    return answered(loaded.view) ? this.t('compare.hidden', { round }) : this.t('compare.empty', { round });
  }

  /**
   * The set the compared round answers when the round shown names another one, or undefined. A
   * criterion of one set may have the id of another's ("trust" in buses and the built-in Trust):
   * a change between them would be no change at all. A set's versions are one set (criteria added,
   * renamed or dropped between them compare as any criterion does); results that name no set (a
   * file, a round nobody answered) are compared as before.
   */
  private otherCompareSet(compared: Results): string | undefined {
    const current = shown(this.current)?.criteriaSet?.id;
    const other = compared.criteriaSet?.id;
    return current && other && other !== current ? other : undefined;
  }

  /**
   * The page's criteria set (its `<lc-community>`'s), when it is the one the results answer, or they
   * name none (a file without `criteriaSet` is read with the page's set, as it always was).
   * Results of another set take nothing from it, neither titles, nor order, nor prompts: the same
   * id may be another criterion there. The version is no part of it (see otherCompareSet).
   */
  private setFor(results: Results): CriteriaSet | undefined {
    const set = this.community.criteriaSet;
    const named = results.criteriaSet?.id;
    return set && (!named || named === set.id) ? set : undefined;
  }

  /** The set the results answer when the page's set is another one (see setFor), or undefined. */
  private otherPageSet(results: Results): string | undefined {
    const set = this.community.criteriaSet;
    return set && !this.setFor(results) ? results.criteriaSet?.id : undefined;
  }

  /** A criterion of the page's set, when that set is the results' (see setFor). */
  private criterionFor(results: Results, id: string): CriteriaSet['criteria'][number] | undefined {
    return this.setFor(results) ? this.community.criterion(id) : undefined;
  }

  /**
   * Says in the console, once per element for each, that results answer another criteria set than
   * the page's, or than the round they are compared with: the element shows it, and this names both
   * sets for the host's developer.
   */
  private warnOtherSets(): void {
    const results = shown(this.current);
    if (!results) return;
    const round = truncate(results.round);
    const problems: string[] = [];
    const page = this.otherPageSet(results);
    if (page) {
      problems.push(
        `the results of round "${round}" answer the criteria set "${page}", not the page's "${this.community.criteriaSet!.id}": their criteria are shown by their ids, without the page's titles`,
      );
    }
    const compared = this.comparedResults();
    const other = compared && this.otherCompareSet(compared);
    if (compared && other) {
      problems.push(
        `round "${truncate(compared.round)}" answers the criteria set "${other}" and round "${round}" the set "${results.criteriaSet!.id}": the rounds are not compared`,
      );
    }
    for (const problem of problems) {
      if (this.warnedSets.has(problem)) continue;
      this.warnedSets.add(problem);
      console.warn(`[lc-elements] <${this.localName}>: ${problem}.`);
    }
  }

  /**
   * The compared round as loaded, answers or not, unless it failed or belongs to another
   * community than the current round's.
   */
  private loadedCompared(): { results: Results; view: ResultsView } | undefined {
    const results = this.comparedResults();
    return results && { results, view: analyse(results, this.threshold, this.criteriaOrder(results)) };
  }

  /** The compared round's results, unless they failed or belong to another community than the current round's. */
  private comparedResults(): Results | undefined {
    const current = shown(this.current);
    if (this.compared.state !== 'ok' || !current) return undefined;
    const results = this.compared.value;
    // Asked for before the round shown was known, and that round: not compared (see comparesItself).
    if (results.community !== current.community || this.comparesItself(current)) return undefined;
    return results;
  }

  /**
   * Why figures could not be loaded, in the element's sentence: the problem is said in English for
   * the host's developer (the request's and the parser's words), so marked as English in another
   * language, and read as English by a screen reader.
   */
  private loadProblem(key: 'error.load' | 'error.compare', problem: string) {
    const english = toSupportedLocale(this.community.locale) === 'en' ? undefined : 'en';
    return quoting((text) => this.t(key, { problem: text }), problem, english, this.community.dir);
  }

  private compareError(): string | undefined {
    if (this.compared.state === 'error') return this.compared.error;
    const current = shown(this.current);
    if (this.compared.state === 'ok' && current) {
      const a = current.community;
      const b = this.compared.value.community;
      if (a !== b)
        return `round ${truncate(this.compared.value.round)} is for community "${truncate(b)}", not "${truncate(a)}"`;
    }
    return undefined;
  }

  /** The ids of the page's set in its order, when it is the set of the results (see setFor). */
  private criteriaOrder(results: Results): string[] {
    return this.setFor(results)?.criteria.map((c) => c.id) ?? [];
  }

  private axes(results: Results, current: ResultsView, previous: ResultsView | undefined): Axis[] {
    const ids = current.criteria.map((c) => c.criterion);
    for (const c of previous?.criteria ?? []) if (!ids.includes(c.criterion)) ids.push(c.criterion);
    const setLang = this.community.criteriaSet?.locale;
    return ids.map((id) => {
      const known = this.criterionFor(results, id);
      return {
        id,
        title: known?.title ?? id,
        lang: known ? setLang : undefined,
        current: findView(current, id),
        previous: previous ? findView(previous, id) : undefined,
      };
    });
  }

  // Strings and numbers

  /**
   * A UI string. Inserted text (a round such as "2026-spring", a community id, an English title)
   * is wrapped in Unicode isolates in a right-to-left UI, and in any UI when it holds right-to-left
   * letters or bidi controls, so the bidi algorithm does not reorder it with the sentence around
   * it (a community named with U+202E cannot reverse the rest of the line); this also holds where
   * no element can isolate it (SVG titles, accessible names).
   */
  private t(key: ResultsStringKey, vars?: Record<string, string | number>): string {
    const rtl = this.community.dir === 'rtl';
    const isolated = vars
      ? Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'string' ? isolate(v, rtl) : v]))
      : vars;
    return msg(this.community.locale, key, isolated, this.strings);
  }

  /**
   * A message split around its placeholders: even items are text, odd items placeholder names,
   * so a sentence can hold language-tagged names.
   */
  private pieces(key: ResultsStringKey, names: readonly string[]): string[] {
    const markers: Record<string, string> = {};
    for (const name of names) markers[name] = `\u0000${name}\u0000`;
    return this.t(key, markers).split(/\u0000(\w+)\u0000/);
  }

  /** A perspective's display name: the `strings` override, the built-in name, or the id itself. */
  private perspectiveName(id: string): string {
    const key = `perspective.${id}`;
    const override = this.strings?.[key];
    if (typeof override === 'string') return override;
    // Every locale has every key, so English tells which perspective ids have a built-in name.
    return Object.prototype.hasOwnProperty.call(strings.en, key) ? this.t(key as ResultsStringKey) : id;
  }

  private capitalise(text: string): string {
    return text ? text.charAt(0).toLocaleUpperCase(this.community.locale) + text.slice(1) : text;
  }

  private format(value: number, options: Intl.NumberFormatOptions): string {
    return numberFormat(this.community.locale, options).format(value);
  }

  private mean(value: number): string {
    return this.format(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  private signed(value: number): string {
    return this.format(value, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  }

  private count(value: number): string {
    return this.format(value, { maximumFractionDigits: 0 });
  }

  private percent(value: number): string {
    return this.format(value, { style: 'percent', maximumFractionDigits: 0 });
  }

  private list(items: string[]): string {
    return items.join(this.separator());
  }

  private separator(): string {
    return this.community.lang === 'ar' ? '، ' : ', ';
  }

  // Rendering

  protected override scheduleUpdate(): void | Promise<unknown> {
    // In Danish, German or Arabic the first render waits for those strings (a small file each).
    return this.community.whenStringsReady(() => super.scheduleUpdate());
  }

  protected override createRenderRoot() {
    return firstPaintRoot(this, () => super.createRenderRoot());
  }

  override render() {
    const c = this.community;
    const data = this.view();
    // One landmark for the whole element, named after the community and round its figures are
    // for, so two results on a page (two communities, two rounds) are told apart; inside it,
    // headings and tables lead the way. Before any figures it has nothing to be named after.
    const results = data?.results;
    return html`<div
      part="base"
      class="base"
      dir=${c.dir}
      lang=${c.langTag}
      role=${results ? 'region' : nothing}
      aria-label=${results ? this.t('region', { community: results.community, round: results.round }) : nothing}
      aria-busy=${this.current.state === 'loading' ? 'true' : 'false'}
    >
      ${this.renderProblems()} ${this.renderHeader(results)} ${this.renderState()}
      ${data ? this.renderResults(data.results, data.view) : nothing}
    </div>`;
  }

  private heading(offset: number, content: unknown, id?: string) {
    const level = headingLevelCheck(this.headingLevel) ? 2 : this.headingLevel;
    const tag = headingTag(level + offset);
    // The main heading takes the focus while "Try again" loads (see retry).
    return offset
      ? staticHtml`<${tag} class="heading" part="subheading" id=${id ?? nothing}>${content}</${tag}>`
      : staticHtml`<${tag} class="heading" part="heading" id="heading" tabindex="-1">${content}</${tag}>`;
  }

  private renderProblems() {
    return configProblemsAlert(this.problems.list, this.community.locale, this.strings);
  }

  private renderHeader(results: Results | undefined) {
    const date = results ? new Date(results.generatedAt) : undefined;
    return html`<div class="header">
      ${this.heading(0, this.t('heading'))}
      ${
        results
          ? html`<p part="meta" class="meta">
              <span>${this.t('meta', { community: results.community, round: results.round })}</span>
              ${
                date && !Number.isNaN(date.getTime())
                  ? html`<span
                      >${this.t('generated', {
                        date: dateFormat(this.community.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
                          date,
                        ),
                      })}</span
                    >`
                  : nothing
              }
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderState() {
    const current = this.current;
    const compareError = this.compareError();
    // The alert's text only, no white space around it (it is a sentence, not paragraphs).
    const compareRegion = liveRegion({ lang: this.community.langTag, meaning: compareError });
    // What the status says, in no language: loading, the last news, or the comparison that shows nothing.
    const meaning = JSON.stringify([
      current.state,
      this.compared.state,
      this.announcement,
      this.compareRound,
      this.compareSrc,
    ]);
    return html`${
      // One status region, there from the start, so what it says is announced.
      // prettier-ignore
      html`<p part="status" class="status" role="status" ${liveRegion({ lang: this.community.langTag, meaning })}>${
        current.state === 'loading' || this.compared.state === 'loading'
          ? this.t('loading')
          : this.announcement || this.comparedEmpty()
      }</p>`
    }
    ${
      current.state === 'error'
        ? html`<div part="error" role="alert" ${liveRegion({ lang: this.community.langTag, meaning: current.error })}>
            ${this.loadProblem('error.load', current.error)}
            ${
              // Not when only a reload can help: trying again would fail the same way.
              this.src?.trim() && this.results == null && !current.reload
                ? html`<button part="button" type="button" class="retry" @click=${this.onRetry}>
                    ${coreMsg(this.community.locale, 'submit.retry', undefined, this.strings)}
                  </button>`
                : nothing
            }
          </div>`
        : nothing
    }
    ${current.state === 'idle' && !this.problems.has('src') ? html`<p class="empty">${this.t('empty')}</p>` : nothing}
    ${
      compareError && shown(current)
        ? html`<div part="error" role="alert" ${compareRegion}>${this.loadProblem('error.compare', compareError)}</div>`
        : nothing
    }`;
  }

  private renderResults(results: Results, view: ResultsView) {
    // A round nobody has answered yet (the collector still lists the set's criteria, all at 0).
    if (!answered(view)) {
      return html`<p class="empty">${this.t('no-answers', { round: results.round })}</p>`;
    }
    const previous = this.comparedView();
    const axes = this.axes(results, view, previous?.view);
    const hasChart = axes.length >= 3 && axes.some((a) => shownMean(a.current) !== null);
    const keyed = hasChart && !this.hideChart && this.labelKey(axes) === this.overlappingTitles;
    return html`${this.renderToolbar(results, hasChart)} ${this.renderOtherSet(results)}
      <div part="overview" class="overview">
        ${this.renderChart(results, axes, previous?.results, keyed)}
        ${this.renderTable(results, axes, previous?.results, keyed)}
      </div>
      ${this.renderNote(view)} ${this.renderDivergence(results, view)} ${this.renderPerspectives(results, view, axes)}`;
  }

  /**
   * Results of another criteria set than the page's are shown by their criteria's ids: the note
   * says why, before the figures (the console names both sets too: see warnOtherSets).
   */
  private renderOtherSet(results: Results) {
    const set = this.otherPageSet(results);
    if (!set) return nothing;
    return html`<p part="note" class="note other-set" role="note">
      ${this.t('other-set', { set, pageSet: this.community.criteriaSet!.id })}
    </p>`;
  }

  private renderToolbar(results: Results, hasChart: boolean) {
    // Rounds compared composed, as the collector files them: "forår" written decomposed is the
    // round it lists, not another beside it.
    const selected = groupText(this.compareRound ?? '');
    const current = groupText(results.round);
    const rounds = (results.rounds ?? []).filter((r) => groupText(r) !== current);
    // A round the page asked for that the collector does not list (no answers, or a typo) is
    // still the one compared with: the picker shows it, not "No comparison".
    if (selected && selected !== current && !rounds.some((r) => groupText(r) === selected)) rounds.push(selected);
    const picker = this.src && !this.compareResults && !this.compareSrc && rounds.length > 0;
    return html`<div part="toolbar" class="toolbar">
      ${
        picker
          ? html`<label class="picker"
              ><span>${this.t('compare.label')}</span>
              <select part="select" @change=${this.onCompareChange}>
                <option value="" ?selected=${!selected}>${this.t('compare.none')}</option>
                ${[...rounds].reverse().map((r) => html`<option value=${r} ?selected=${groupText(r) === selected}>${r}</option>`)}
              </select></label
            >`
          : nothing
      }
      ${
        // No chart to show or hide (fewer than three criteria with figures): no toggle either.
        hasChart
          ? html`<button
              part="button"
              type="button"
              aria-expanded=${this.hideChart ? 'false' : 'true'}
              aria-controls="chart"
              @click=${this.onToggleChart}
            >
              ${this.t(this.hideChart ? 'chart.show' : 'chart.hide')}
            </button>`
          : nothing
      }
      <button part="button" type="button" @click=${this.onDownloadCsv}>${this.t('export.csv')}</button>
      ${
        hasChart
          ? html`<button part="button" type="button" @click=${this.onDownloadSvg}>${this.t('export.svg')}</button>`
          : nothing
      }
    </div>`;
  }

  private chartPoints(geometry: RadarGeometry, axes: Axis[], previous: Results | undefined): ChartPoint[] {
    const points: ChartPoint[] = [];
    axes.forEach((axis, i) => {
      const mean = shownMean(axis.current);
      if (mean === null || !axis.current) return;
      const stats = axis.current.overall;
      const items = [
        this.t('point.mean', { criterion: axis.title, mean: this.mean(mean), max: this.count(MAX_LEVEL) }),
        this.t('point.answers', { count: stats.n }),
      ];
      if (stats.dontKnow > 0) items.push(this.t('point.dont-know', { count: stats.dontKnow }));
      const delta = change(axis.current, axis.previous, true);
      if (previous && delta !== null) {
        items.push(this.t('point.change', { change: this.signed(delta), round: previous.round }));
      }
      points.push({ axis: i, ...geometry.point(i, mean), label: this.list(items) });
    });
    return points;
  }

  /**
   * The chart's description: on screen it points to the table and the arrow keys; the exported file
   * has neither, and its numbered axes are named in a key under the chart.
   */
  private chartDesc(count: number, previous: Results | undefined, numbered: boolean, exported: boolean): string {
    return [
      this.t('chart.desc', { count, ...SCALE_RANGE }),
      previous ? this.t('chart.desc-compare', { compare: previous.round }) : '',
      numbered ? this.t(exported ? 'chart.numbered-key' : 'chart.numbered') : '',
      exported ? '' : this.t('chart.keys'),
    ]
      .filter(Boolean)
      .join(' ');
  }

  /**
   * Writes under the exported copy what the page shows beside the chart: the legend of a
   * comparison (each round's line, drawn as on the chart, and its name), then the key of a chart
   * whose axes carry numbers, one entry per axis, "9 Vertrauen", the number as on the axis, the
   * title in its own language and direction, wrapped when long. The entries start on the side the
   * UI's text starts; the viewBox grows to take them in, measured in the page (the fonts the copy
   * names are the page's).
   */
  private appendKey(
    copy: SVGSVGElement,
    live: SVGSVGElement,
    axes: Axis[],
    legend: ReadonlyArray<{ line: string; text: string }>,
  ): void {
    const font = parseFloat(getComputedStyle(live).fontSize) || CHART_LAYOUTS.wide.font;
    const em = (n: number) => Math.round(n * font * 100) / 100;
    const view = live.viewBox.baseVal;
    const rtlUi = this.community.dir === 'rtl';
    const side = rtlUi ? 'left' : 'right'; // The side the entries grow towards.
    const start = rtlUi ? view.x + view.width - em(EXPORT_KEY.margin) : view.x + em(EXPORT_KEY.margin);
    const indent = em(0.65 * this.count(axes.length).length + 0.6);
    const element = <K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>) => {
      const node = document.createElementNS(SVG_NS, name);
      for (const [attribute, value] of Object.entries(attributes)) node.setAttribute(attribute, String(value));
      return node;
    };
    const key = element('g', {
      fill: svgColour(getComputedStyle(live.querySelector('.axis-label') ?? live).fill || '#1b1d21'),
      'font-family': getComputedStyle(live).fontFamily,
      'font-size': font,
    });
    let y = view.y + view.height + em(EXPORT_KEY.margin);
    const swatch = em(2);
    for (const entry of legend) {
      const drawn = live.querySelector(entry.line);
      const style = drawn ? getComputedStyle(drawn) : undefined;
      const middle = y + em(EXPORT_KEY.lineHeight / 2);
      const line = element('line', {
        x1: start,
        x2: rtlUi ? start - swatch : start + swatch,
        y1: middle,
        y2: middle,
        stroke: svgColour(style?.stroke || '#1b1d21'),
        'stroke-width': style?.strokeWidth || 2,
      });
      if (style && style.strokeDasharray !== 'none') line.setAttribute('stroke-dasharray', style.strokeDasharray);
      const x = rtlUi ? start - swatch - em(0.6) : start + swatch + em(0.6);
      const text = element('text', {
        x,
        y: middle,
        direction: this.community.dir,
        'text-anchor': anchorFor(side, rtlUi),
        'dominant-baseline': 'central',
      });
      text.textContent = entry.text;
      key.append(line, text);
      y += em(EXPORT_KEY.lineHeight + EXPORT_KEY.gap);
    }
    axes.forEach((axis, i) => {
      const lines = wrapLabel(axis.title, EXPORT_KEY.chars, Number.POSITIVE_INFINITY);
      const rtlTitle = isRtl(axis.lang ?? 'en');
      const entry = element('g', {});
      const number = element('text', {
        x: start,
        y: y + em(EXPORT_KEY.lineHeight / 2),
        direction: this.community.dir,
        'text-anchor': anchorFor(side, rtlUi),
        'dominant-baseline': 'central',
        'font-weight': 700,
      });
      number.textContent = this.count(i + 1);
      const x = rtlUi ? start - indent : start + indent;
      const title = element('text', {
        x,
        direction: rtlTitle ? 'rtl' : 'ltr',
        'text-anchor': anchorFor(side, rtlTitle),
      });
      if (axis.lang) title.setAttribute('lang', axis.lang);
      lines.forEach((line, k) => {
        const span = element('tspan', {
          x,
          y: y + em((k + 0.5) * EXPORT_KEY.lineHeight),
          'dominant-baseline': 'central',
        });
        span.textContent = line;
        title.append(span);
      });
      entry.append(number, title);
      key.append(entry);
      y += em(lines.length * EXPORT_KEY.lineHeight + EXPORT_KEY.gap);
    });
    // Measured in a probe beside the chart, then moved into the copy.
    const probe = element('svg', { width: 0, height: 0, 'aria-hidden': 'true' });
    probe.style.setProperty('position', 'absolute');
    probe.style.setProperty('visibility', 'hidden');
    probe.append(key);
    this.renderRoot.appendChild(probe);
    const measured = key.getBBox();
    probe.remove();
    copy.append(key);
    const margin = em(EXPORT_KEY.margin);
    // Unmeasured (the element not laid out): an estimate of the widest entry.
    const widest = Math.max(
      ...axes.map((a) => Math.min(a.title.length, EXPORT_KEY.chars) * font * 0.6 + indent),
      ...legend.map((l) => l.text.length * font * 0.6 + swatch + em(0.6)),
    );
    const box = measured.width > 0 ? measured : { x: rtlUi ? start - widest : start, width: widest };
    const left = Math.min(view.x, box.x - margin);
    const right = Math.max(view.x + view.width, box.x + box.width + margin);
    const bottom = y + margin;
    copy.setAttribute('viewBox', `${left} ${view.y} ${right - left} ${bottom - view.y}`);
    copy.setAttribute('width', String(right - left));
    copy.setAttribute('height', String(bottom - view.y));
  }

  /** What decides whether the axis titles fit: the layout, the reading direction and the titles. */
  private labelKey(axes: Axis[]): string {
    return [this.compactChart, this.community.dir, ...axes.map((a) => a.title)].join('\u0000');
  }

  private renderChart(results: Results, axes: Axis[], previous: Results | undefined, keyed: boolean) {
    const c = this.community;
    const currentValues = axes.map((a) => shownMean(a.current));
    if (axes.length < 3 || currentValues.every((v) => v === null)) {
      return html`<div id="chart" class="chart-area" ?hidden=${this.hideChart}>
        <p class="note">${this.t('chart.too-few')}</p>
      </div>`;
    }
    const layout = CHART_LAYOUTS[this.compactChart ? 'compact' : 'wide'];
    const geometry = radarGeometry({
      axes: axes.length,
      max: MAX_LEVEL,
      radius: layout.radius,
      labelGap: layout.gap,
      labelRoom: keyed ? KEY_ROOM : layout.room,
      mirror: c.dir === 'rtl',
    });
    this.chartSize = { width: geometry.width, height: geometry.height };
    this.drawnTitles = keyed ? undefined : this.labelKey(axes);
    // The viewBox: the geometry and whatever the labels need beyond it.
    const o = this.labelOverflow;
    const box = {
      x: -o.left,
      y: -o.top,
      width: geometry.width + o.left + o.right,
      height: geometry.height + o.top + o.bottom,
    };
    const points = this.chartPoints(geometry, axes, previous);
    this.drawnPoints = points;
    const active = Math.min(this.activePoint, points.length - 1);
    const title = previous
      ? this.t('chart.title-compare', { round: results.round, compare: previous.round })
      : this.t('chart.title', { round: results.round });
    const desc = this.chartDesc(axes.length, previous, keyed, false);
    const previousValues = axes.map((a) => shownMean(a.previous));
    const tip = this.tooltipPoint !== undefined ? points[this.tooltipPoint] : undefined;
    // The point itself first, then any other drawn on the same spot (see nearestPoint).
    const tipped = tip
      ? [tip, ...points.filter((p) => p !== tip && Math.hypot(p.x - tip.x, p.y - tip.y) < SAME_SPOT)]
      : [];
    return html`<div id="chart" class="chart-area" ?hidden=${this.hideChart} @pointerleave=${this.onChartLeave}>
      <svg
        part="chart"
        class="chart"
        viewBox="${box.x} ${box.y} ${box.width} ${box.height}"
        width=${box.width}
        height=${box.height}
        role="group"
        aria-labelledby="chart-title"
        aria-describedby="chart-desc"
        font-size=${layout.font}
      >
        <title id="chart-title">${title}</title>
        <desc id="chart-desc">${desc}</desc>
        ${this.renderGrid(geometry)} ${this.renderLabels(geometry, axes, layout, keyed)}
        ${
          previous
            ? svg`<path class="compare-line" d=${radarPath(geometry, previousValues)} fill="none" stroke="#8a5a00"
              stroke-width="2" stroke-dasharray="6 4" stroke-linejoin="round"></path>
              <g class="compare-points" aria-hidden="true">
                ${previousValues.map((v, i) => {
                  if (v === null) return nothing;
                  const p = geometry.point(i, v);
                  return svg`<circle class="compare-dot" cx=${p.x} cy=${p.y} r="3.5" fill="#ffffff" stroke="#8a5a00" stroke-width="1.5"></circle>`;
                })}
              </g>`
            : nothing
        }
        <path
          class="current-line"
          d=${radarPath(geometry, currentValues)}
          fill="#1f5fbf"
          fill-opacity="0.14"
          stroke="#1f5fbf"
          stroke-width="2.5"
          stroke-linejoin="round"
        ></path>
        <g
          class="points"
          @keydown=${this.onPointKeydown}
          @pointermove=${this.onPointsPointer}
          @pointerdown=${this.onPointsPointer}
          @mousedown=${this.onPointsMousedown}
        >
          ${points.map(
            (p, i) =>
              svg`<g class=${p === tip ? 'point tip' : 'point'} role="img" aria-label=${p.label}
                tabindex=${i === active ? '0' : '-1'} data-index=${i} @focus=${this.onPointFocus}
                @blur=${this.onPointBlur}>
                <circle class="hit" data-interactive="" cx=${p.x} cy=${p.y} r=${this.hitRadius} fill="transparent"></circle>
                <circle class="focus-ring" data-interactive="" cx=${p.x} cy=${p.y} r="10" fill="none"
                  stroke="#1f5fbf" stroke-width="3"></circle>
                <circle class="dot" cx=${p.x} cy=${p.y} r="5" fill="#1f5fbf" stroke="#ffffff" stroke-width="1.5"></circle>
              </g>`,
          )}
        </g>
      </svg>
      ${
        tip
          ? html`<div
              part="tooltip"
              class="tooltip"
              aria-hidden="true"
              ${cssProps({
                left: `${((tip.x - box.x) / box.width) * 100}%`,
                top: `${((tip.y - box.y) / box.height) * 100}%`,
                '--_tip-x': Math.min(1, Math.max(0, (tip.x - box.x) / box.width)),
              })}
            >
              ${tipped.map((p) => html`<span class="tip-line">${p.label}</span>`)}
            </div>`
          : nothing
      }
      ${this.renderLegend(results, previous)}
    </div>`;
  }

  private renderGrid(geometry: RadarGeometry) {
    const rings = [1, 2, 3, 4];
    const top = (v: number) => geometry.point(0, v);
    return svg`<g class="grid" aria-hidden="true" fill="none" stroke="#8a8f98" stroke-width="1">
        ${rings.map((v) => svg`<polygon class="ring" points=${geometry.ring(v)}></polygon>`)}
        ${Array.from({ length: geometry.axes }, (_, i) => {
          const end = geometry.axisEnd(i);
          return svg`<line class="axis" x1=${geometry.cx} y1=${geometry.cy} x2=${end.x} y2=${end.y}></line>`;
        })}
      </g>
      <g class="scale" aria-hidden="true" fill="#4a4f57" font-size="11" text-anchor="middle">
        ${rings.map(
          (v) =>
            svg`<text class="scale-label" x=${top(v).x + 8} y=${top(v).y} dominant-baseline="central">${this.count(v)}</text>`,
        )}
      </g>`;
  }

  private renderLabels(geometry: RadarGeometry, axes: Axis[], layout: ChartLayout, keyed: boolean) {
    return svg`<g class="labels" aria-hidden="true" fill="#1b1d21">
      ${axes.map((axis, i) => {
        if (keyed) {
          const place = geometry.label(i, 1);
          return svg`<text class="axis-label key" x=${place.x} y=${place.lineY[0]!} text-anchor=${place.anchor}
            direction="ltr" dominant-baseline="central" font-weight="700">${this.count(i + 1)}</text>`;
        }
        const lines = wrapLabel(axis.title, layout.chars, layout.lines);
        const rtlText = isRtl(axis.lang ?? 'en');
        const place = geometry.label(i, lines.length, rtlText, layout.lineHeight);
        return svg`<text class="axis-label" x=${place.x} text-anchor=${place.anchor} direction=${rtlText ? 'rtl' : 'ltr'}
          lang=${axis.lang ?? nothing}>${lines.map(
            (line, k) => svg`<tspan x=${place.x} y=${place.lineY[k]!} dominant-baseline="central">${line}</tspan>`,
          )}</text>`;
      })}
    </g>`;
  }

  private renderLegend(results: Results, previous: Results | undefined) {
    return html`<ul part="legend" class="legend">
      <li>
        <svg class="swatch" viewBox="0 0 32 12" width="32" height="12" aria-hidden="true">
          <line class="current-line" x1="2" y1="6" x2="30" y2="6" stroke="#1f5fbf" stroke-width="2.5"></line>
        </svg>
        ${this.t('legend.current', { round: results.round })}
      </li>
      ${
        previous
          ? html`<li>
              <svg class="swatch" viewBox="0 0 32 12" width="32" height="12" aria-hidden="true">
                <line
                  class="compare-line"
                  x1="2"
                  y1="6"
                  x2="30"
                  y2="6"
                  stroke="#8a5a00"
                  stroke-width="2"
                  stroke-dasharray="6 4"
                ></line>
              </svg>
              ${this.t('legend.compare', { round: previous.round })}
            </li>`
          : nothing
      }
    </ul>`;
  }

  /** "–" on screen, "none" to a screen reader; `after` read with it, in its hidden box (see renderGroupCell). */
  private renderNone(after = '') {
    return html`<span aria-hidden="true">–</span><span class="sr-only">${this.t('cell.none')}${after}</span>`;
  }

  private renderTitle(axis: Axis) {
    return html`<span lang=${axis.lang ?? nothing} dir="auto">${axis.title}</span>`;
  }

  private renderTable(results: Results, axes: Axis[], previous: Results | undefined, keyed: boolean) {
    // Focusable, so the table scrolls by keyboard in a narrow column; named by its caption. A group,
    // not a region: the element is the landmark (see render).
    return html`<div class="table-area" role="group" aria-labelledby="table-caption" tabindex="0">
      <table part="table" class="figures">
        <caption id="table-caption">
          ${this.t('table.caption', { round: results.round, ...SCALE_RANGE })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('table.criterion')}</th>
            <th scope="col" class="num">${this.t('table.mean')}</th>
            ${previous ? html`<th scope="col" class="num">${this.t('table.change', { round: previous.round })}</th>` : nothing}
            <th scope="col" class="num">${this.t('table.answers')}</th>
            <th scope="col" class="num">${this.t('table.dont-know')}</th>
          </tr>
        </thead>
        <tbody>
          ${axes.map((axis, i) => this.renderRow(axis, previous, keyed ? this.count(i + 1) : undefined))}
        </tbody>
      </table>
    </div>`;
  }

  /** `key`: the row's number on the chart, when the chart shows numbers rather than titles. */
  private renderRow(axis: Axis, previous: Results | undefined, key: string | undefined) {
    const v = axis.current;
    const hidden = v?.overallHidden && v.overall.n > 0;
    const stats = v?.overall;
    const delta = change(axis.current, axis.previous, true);
    const share = stats ? dontKnowShare(stats) : null;
    return html`<tr data-criterion=${axis.id}>
      <th scope="row">${key ? html`<span class="key">${key}</span> ` : nothing}${this.renderTitle(axis)}</th>
      <td class="num mean">
        ${hidden ? this.t('cell.hidden') : stats?.mean != null ? this.mean(stats.mean) : this.renderNone()}
      </td>
      ${previous ? html`<td class="num change">${this.renderChange(axis, delta)}</td>` : nothing}
      <td class="num answers">${hidden ? this.t('cell.hidden') : stats ? this.count(stats.n) : this.renderNone()}</td>
      <td class="num dont-know">
        ${
          hidden
            ? this.t('cell.hidden')
            : stats && share !== null
              ? this.t('cell.share', { share: this.percent(share), count: this.count(stats.dontKnow) })
              : this.renderNone()
        }
      </td>
    </tr>`;
  }

  /**
   * The change since the compared round; without a mean to show this round (no answers, too few,
   * or a criterion the set no longer has), the compared round's mean, which the chart draws: the
   * table holds every figure of the chart.
   */
  private renderChange(axis: Axis, delta: number | null) {
    if (delta !== null) return this.signed(delta);
    const was = shownMean(axis.previous);
    return was === null ? this.renderNone() : this.t('cell.was', { mean: this.mean(was) });
  }

  private renderNote(view: ResultsView) {
    const { small, complement, criteria } = view.hidden;
    if (!small && !complement && !criteria) return nothing;
    // "fewer than 5 answers with a level" is a message of its own, whose form the threshold decides
    // (Arabic writes "answers" after 11 in another form than after 5), as the number of groups or
    // criteria decides the sentence's. It is the element's own text: not isolated as a name is (t()).
    const say = (key: ResultsStringKey, count: number) =>
      msg(
        this.community.locale,
        key,
        { count, fewer: this.t('anonymity.fewer', { count: this.threshold }) },
        this.strings,
      );
    return html`<div part="note" class="note anonymity" role="note">
      ${criteria ? html`<p>${say('anonymity.criteria', criteria)}</p>` : nothing}
      ${small ? html`<p>${say('anonymity.small', small)}</p>` : nothing}
      ${complement ? html`<p>${this.t('anonymity.complement', { count: complement })}</p>` : nothing}
    </div>`;
  }

  private renderDivergence(results: Results, view: ResultsView) {
    if (!view.perspectives.length) return nothing;
    const rule = this.unspecifiedRule(view);
    // No gap to list: two groups shown side by side that agree are not too few groups.
    const none = view.criteria.some((c) => c.spread)
      ? this.t('divergence.alike')
      : this.t('divergence.none', { count: this.threshold });
    return html`<section part="divergence" class="divergence">
      ${this.heading(1, this.t('divergence.heading'), 'divergence-heading')}
      ${
        view.gaps.length
          ? html`<p class="intro">${this.t('divergence.intro')}${rule ? html` ${rule}` : nothing}</p>
              <ol class="gaps">
                ${view.gaps.map((c) => this.renderGap(results, c))}
              </ol>`
          : html`<p class="intro">${none}${rule ? html` ${rule}` : nothing}</p>`
      }
    </section>`;
  }

  /**
   * That answers without a perspective are no part of a gap (see spreadOf), said where their
   * group is shown beside the perspectives: a reader would otherwise take a gap for the spread of
   * every mean in the row.
   */
  private unspecifiedRule(view: ResultsView) {
    if (!view.perspectives.includes(UNSPECIFIED_PERSPECTIVE)) return undefined;
    return this.sentence('divergence.unspecified', { unspecified: this.perspectiveName(UNSPECIFIED_PERSPECTIVE) }, {});
  }

  private renderGap(results: Results, view: CriterionView) {
    const spread = view.spread!;
    const criterion = this.criterionFor(results, view.criterion);
    const lang = criterion ? this.community.criteriaSet?.locale : undefined;
    const title = html`<bdi class="criterion" lang=${lang ?? nothing}>${criterion?.title ?? view.criterion}</bdi>`;
    const names = {
      low: this.perspectiveName(spread.low.perspective),
      high: this.perspectiveName(spread.high.perspective),
    };
    // How many answers each mean is made of, and how many said "don't know" besides: a mean of a
    // few answers among many "don't know" reads differently from one of them all.
    const counts = (perspective: string) => {
      const group = view.groups.find((g) => g.perspective === perspective)!;
      return this.answerCounts(group.stats).filter(Boolean).join(this.separator());
    };
    const prompt = criterion?.prompts[0];
    return html`<li data-criterion=${view.criterion}>
      <p class="sentence">
        ${this.sentence('divergence.item', names, {
          criterion: title,
          lowMean: this.mean(spread.low.mean),
          highMean: this.mean(spread.high.mean),
        })}
      </p>
      <p class="answers">
        ${this.sentence('divergence.answers', names, {
          lowAnswers: counts(spread.low.perspective),
          highAnswers: counts(spread.high.perspective),
        })}
      </p>
      <p class="gap">${this.t('divergence.gap', { gap: this.mean(spread.shownGap) })}</p>
      ${prompt ? html`<p part="prompt" class="prompt"><bdi lang=${lang ?? nothing}>${prompt}</bdi></p>` : nothing}
    </li>`;
  }

  /** A message whose perspective `names` are isolated (capitalised where they start it), `values` put in as given. */
  private sentence(key: ResultsStringKey, names: Record<string, string>, values: Record<string, unknown>) {
    const pieces = this.pieces(key, [...Object.keys(names), ...Object.keys(values)]);
    return pieces.map((piece, i) => {
      if (i % 2 === 0) return piece;
      const name = names[piece];
      if (name === undefined) return values[piece] ?? piece;
      // A perspective name that starts the sentence starts with a capital.
      return html`<bdi>${i === 1 && pieces[0] === '' ? this.capitalise(name) : name}</bdi>`;
    });
  }

  private renderPerspectives(results: Results, view: ResultsView, axes: Axis[]) {
    if (!view.perspectives.length) return nothing;
    const rule = this.unspecifiedRule(view);
    return html`<section part="perspectives" class="perspectives">
      ${this.heading(1, this.t('perspectives.heading'), 'perspectives-heading')}
      ${rule ? html`<p class="intro" id="perspectives-rule">${rule}</p>` : nothing}
      <div class="table-area" role="group" aria-labelledby="perspectives-caption" tabindex="0">
        <table part="table" class="by-perspective" aria-describedby=${rule ? 'perspectives-rule' : nothing}>
          <caption id="perspectives-caption">
            ${this.t('perspectives.caption', { round: results.round, ...SCALE_RANGE })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.t('table.criterion')}</th>
              ${view.perspectives.map(
                (p) => html`<th scope="col" class="num"><bdi>${this.capitalise(this.perspectiveName(p))}</bdi></th>`,
              )}
              <th scope="col" class="num">${this.t('perspectives.gap')}</th>
            </tr>
          </thead>
          <tbody>
            ${axes
              .filter((a) => a.current && a.current.overall.n > 0)
              .map(
                (axis) =>
                  html`<tr data-criterion=${axis.id}>
                    <th scope="row">${this.renderTitle(axis)}</th>
                    ${view.perspectives.map((p) => this.renderGroupCell(axis.current!, p))}
                    <td class="num gap">
                      ${axis.current!.spread ? this.mean(axis.current!.spread.shownGap) : this.renderNone()}
                    </td>
                  </tr>`,
              )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderGroupCell(view: CriterionView, perspective: string) {
    const group = view.groups.find((g) => g.perspective === perspective);
    if (!group) return html`<td class="num" data-perspective=${perspective}>${this.renderNone()}</td>`;
    if (group.hidden) return html`<td class="num hidden" data-perspective=${perspective}>${this.t('cell.hidden')}</td>`;
    const mean = group.stats.mean;
    const [withLevel, dontKnow] = this.answerCounts(group.stats);
    // The mean is over the answers with a level only: the cell says how many, and how many more
    // said "don't know", one count a line (a narrow column), the list's comma between them; a
    // comma only a screen reader reads parts the mean from the first count ("1.8, 6 with a level",
    // not "1.8 6"). It stays in the line's flow (class "comma", not "sr-only"): Chromium reads a
    // box taken out of the flow with a space before it ("1.8 , 6 with a level").
    return html`<td class="num" data-perspective=${perspective}>
      <span class="value"
        >${
          mean === null
            ? this.renderNone(this.separator().trim())
            : html`${this.mean(mean)}<span class="comma">${this.separator().trim()}</span>`
        }</span
      >
      <span class="n">${withLevel}${dontKnow ? this.separator() : ''}</span>
      ${dontKnow ? html`<span class="n">${dontKnow}</span>` : nothing}
    </td>`;
  }

  /** How many of a group's answers have a level, and how many said "don't know" ('' for none). */
  private answerCounts(stats: GroupStats): [string, string] {
    return [
      this.t('cell.rated', { count: rated(stats) }),
      stats.dontKnow ? this.t('cell.dont-know', { count: stats.dontKnow }) : '',
    ];
  }

  // Event handlers

  private onCompareChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.compareRound = value || undefined;
    // What the status said of the last round (or of "Try again") is not true of this choice.
    this.announcement = '';
    this.comparing = true;
  }

  private onToggleChart(): void {
    this.hideChart = !this.hideChart;
    this.tooltipPoint = undefined;
  }

  private onDownloadCsv(): void {
    const data = this.view();
    if (!data) return;
    // A byte order mark lets spreadsheet programs read the file as UTF-8.
    downloadText(
      this.renderRoot,
      `\ufeff${this.toCSV()}`,
      'text/csv;charset=utf-8',
      this.fileName(data.results, 'csv'),
    );
  }

  private onDownloadSvg(): void {
    const data = this.view();
    const text = this.toSVG();
    if (!data || !text) return;
    downloadText(this.renderRoot, text, 'image/svg+xml;charset=utf-8', this.fileName(data.results, 'svg'));
  }

  /** By the rule every download name follows (see resultsFileName): `results-ærø-kommune-2026.csv`. */
  private fileName(results: Results, extension: string): string {
    return resultsFileName(results.community, results.round, extension);
  }

  private pointIndex(event: Event): number {
    const target = (event.target as Element).closest('.point');
    return Number(target?.getAttribute('data-index') ?? -1);
  }

  private onPointFocus(event: FocusEvent): void {
    const i = this.pointIndex(event);
    if (i < 0) return;
    this.activePoint = i;
    this.tooltipPoint = i;
  }

  private onPointBlur(): void {
    this.tooltipPoint = undefined;
  }

  /**
   * The point nearest to the pointer, or -1. The hit circles (POINT_TARGET CSS px across) overlap
   * where points sit close together: low means near the centre, many criteria, a narrow chart.
   * Left to the browser, the circle drawn last would take every hover and tap inside it, and a
   * neighbour whose dot lies under it could not be reached with a pointer at all. So the pointer
   * goes to the nearest point instead: where circles overlap, each point keeps the part nearer to
   * it than to any other, so every dot answers for its own point, and a point is never given away
   * further out than its own circle reaches. Points on one spot (the same low mean on several
   * axes, all 0 at the centre) cannot be told apart by a pointer at any size: their tooltip names
   * them all (SAME_SPOT), and the keyboard and the table reach each.
   */
  private nearestPoint(event: MouseEvent): number {
    const matrix = this.renderRoot.querySelector<SVGSVGElement>('svg.chart')?.getScreenCTM();
    if (!matrix) return -1;
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    let nearest = -1;
    let distance = Infinity;
    this.drawnPoints.forEach((p, i) => {
      const d = Math.hypot(p.x - at.x, p.y - at.y);
      if (d < distance) [nearest, distance] = [i, d];
    });
    return nearest;
  }

  /** A pointer over the points' circles shows the nearest point's tooltip (a touch shows it on the press). */
  private onPointsPointer(event: PointerEvent): void {
    const i = this.nearestPoint(event);
    if (i >= 0 && i !== this.tooltipPoint) this.tooltipPoint = i;
  }

  /** A click or a tap focuses the nearest point, not the one whose circle is drawn on top. */
  private onPointsMousedown(event: MouseEvent): void {
    const i = this.nearestPoint(event);
    if (i < 0) return;
    event.preventDefault();
    this.activePoint = i;
    this.renderRoot.querySelectorAll<SVGGElement>('.point')[i]?.focus();
  }

  /** Escape hides a tooltip shown by the pointer, wherever the focus is (1.4.13); it shows again on the next point. */
  private readonly onDocumentKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.tooltipPoint !== undefined) this.tooltipPoint = undefined;
  };

  private onChartLeave(): void {
    const focused = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    this.tooltipPoint = focused?.classList.contains('point') ? this.activePoint : undefined;
  }

  private async onPointKeydown(event: KeyboardEvent): Promise<void> {
    const points = [...this.renderRoot.querySelectorAll<SVGGElement>('.point')];
    const i = this.pointIndex(event);
    if (i < 0 || !points.length) return;
    if (event.key === 'Escape') {
      if (this.tooltipPoint !== undefined) {
        this.tooltipPoint = undefined;
        event.preventDefault();
      }
      return;
    }
    const target = arrowKeyIndex(event.key, i, points.length, this.community.dir === 'rtl');
    if (target === undefined) return;
    event.preventDefault();
    this.activePoint = target;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<SVGGElement>('.point')[target]?.focus();
  }
}

function findView(view: ResultsView, id: string): CriterionView | undefined {
  return view.criteria.find((c) => c.criterion === id);
}
