import { ContextConsumer, provide } from '@lit/context';
import { html, isServer, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import type { CriteriaSet } from '../../criteria/schema.js';
import { pageRegion, say, unsay, type Announcement } from '../../core/announce.js';
import type { ParseResult } from '../../core/fetch-json.js';
import { groupName, oneOf, text, type Check } from '../../core/checks.js';
import { checkAttribute, checkEndpoint, ConfigProblems, localeTagCheck, truncate } from '../../core/config.js';
import { communityContext, type CommunityConfig, type GroupSetting } from '../../core/context.js';
import { VERSION } from '../../core/define.js';
import { coreMsg, coreStrings } from '../../core/i18n/core-strings.js';
import {
  givesEveryText,
  isRtl,
  loadStrings,
  resolveLocaleTag,
  shownLanguage,
  settledWithin,
  stringsAtHand,
  toSupportedLocale,
  type SupportedLocale,
  englishTexts,
  type LocaleTable,
  type Message,
  type StringOverrides,
  type StringTable,
} from '../../core/i18n/i18n.js';
import type { StoragePolicy } from '../../core/outbox.js';
import { configProblemsAlert } from '../../core/problems.js';
import type { Transport } from '../../core/transport.js';
import { errorBox, hostDefaults } from '../../core/shared-styles.js';
import { LOAD_RETRY_MS } from '../../core/retry.js';
import { firstPaintRoot } from '../../core/ssr.js';
import { styles } from './lc-community.styles.js';
import { importAgain } from '../../core/import-again.js';

// The envelope's limits: a longer value would only be refused when the first answer is sent.
const idText = text(200);
// Checked here, so a host learns of a bad one when the page loads, not from the first person to press Send.
const communityCheck = groupName(200);
const roundCheck = groupName(100);
/** The browser sets these itself and drops them from a page's request (the Fetch standard's forbidden names). */
const FORBIDDEN_HEADER =
  /^(accept-charset|accept-encoding|access-control-request-(headers|method)|connection|content-length|cookie2?|date|dnt|expect|host|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via|(proxy|sec)-.*)$/i;
const storageCheck = oneOf(['device', 'none'], 'must be "device" or "none"');
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What is wrong with one header, if anything. */
function headerProblem(name: string, value: unknown): string | undefined {
  if (!HEADER_NAME.test(name)) return `${truncate(name)}: is not a header name`;
  if (FORBIDDEN_HEADER.test(name)) return `${truncate(name)}: is set by the browser, not by a page`;
  if (/^(content-type|idempotency-key)$/i.test(name)) return `${truncate(name)}: is set by the elements`;
  if (typeof value !== 'string') return `${truncate(name)}: must be text`;
  // A header value is bytes: Latin-1 text on one line (fetch throws on anything else, every try).
  if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(value)) {
    return `${truncate(name)}: must be Latin-1 text on one line (no "€", emoji or line breaks)`;
  }
  return undefined;
}
const isHeaders = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Every header with a problem, each named (the others are sent: see usableHeaders). */
const headersCheck: Check = (value) => {
  if (!isHeaders(value)) return 'must be an object of header names and values';
  const problems = Object.entries(value).flatMap(([name, v]) => headerProblem(name, v) ?? []);
  return problems.length ? `${problems.join('; ')} (not sent; the other headers are)` : undefined;
};
/** The headers without a problem: one bad header (a typo, a name the browser sets) drops only itself. */
function usableHeaders(value: unknown): Record<string, string> | undefined {
  if (!isHeaders(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value).filter(([name, v]) => !headerProblem(name, v)) as Array<[string, string]>,
  );
}
const GROUP_SETTINGS: ReadonlyArray<GroupSetting> = ['community', 'round', 'perspective', 'respondent'];
const credentialsCheck = oneOf(['omit', 'same-origin', 'include'], 'must be "omit", "same-origin" or "include"');
/** The text properties, none with a default (see ConfigProblems.takeProperties). */
const TEXT = {
  endpoint: undefined,
  community: undefined,
  round: undefined,
  perspective: undefined,
  locale: undefined,
  storage: undefined,
  respondent: undefined,
  credentials: undefined,
};

/** `criteria` as JSON, to tell an equal set given again (undefined for one that has none). */
function sameSetKey(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Parsing a host's criteria set needs zod: loaded only when a page gives one. */
const importParser = () => import('../../criteria/parse.js');
const criteriaParser = () => importAgain(importParser);

/**
 * Configuration for every `lc-*` element inside it, provided through `@lit/context`. Inside another
 * `<lc-community>`, it takes every setting it does not set itself from that one (a section of a
 * portal may name its own round or language and keep the portal's endpoint, storage and criteria).
 * A setting of its own that is not valid is not replaced by the outer one: it is reported.
 *
 * @summary Shares endpoint, community, round, perspective, locale, criteria and storage with nested elements.
 * @slot - The page content: any `lc-*` elements, at any depth, and anything else.
 * @csspart error - The box listing configuration problems.
 * @csspart announcement - The polite live region, out of sight, that says the criteria have loaded after they had failed to.
 * @cssprop --lc-error-color - Border of error messages.
 * @cssprop --lc-error-background - Background of error messages.
 * @cssprop --lc-error-text - Text colour of error messages.
 */
export class LcCommunity extends LitElement {
  static version = VERSION;
  /**
   * Every UI text of the element in English, by key: the keys its \`strings\` takes. Give them all,
   * translated, to show it in a language the library does not ship (docs/developers.md, "Strings").
   */
  static get englishTexts(): Record<string, Message> {
    return englishTexts([coreStrings] as LocaleTable<StringTable>[]);
  }
  static override styles = [hostDefaults, errorBox, styles];

  /** Where submissions are posted: an http(s) URL, absolute or relative to the page (any string with a custom `transport`). */
  @property() endpoint?: string;
  /** The community's id, e.g. "aarhus" or "north-district-partnership". */
  @property() community?: string;
  /** The assessment round, e.g. "2026-spring". */
  @property() round?: string;
  /** The respondent's point of view: citizen, authority, partner, business, education, civil-society… */
  @property() perspective?: string;
  /** Language of the elements inside (a BCP 47 tag); defaults to the nearest `lang`. */
  @property() locale?: string;
  /** A criteria set: a URL to JSON, or (as a property) the set itself. Defaults to the built-in Common Criteria. */
  // The setter tells whether the set changed (by its JSON); Lit's identity check would miss one changed in place.
  @property({ attribute: 'criteria', noAccessor: true, hasChanged: () => true })
  get criteria(): string | CriteriaSet | undefined {
    return this.criteriaValue;
  }
  set criteria(value: string | CriteriaSet | undefined) {
    const old = this.criteriaValue;
    this.criteriaValue = value;
    // Told by its JSON, not by which object it is: a set changed in place and handed over again
    // (a Vue reactive object, a store's state) is checked and taken, while an equal one, as a
    // framework hands over at each render, costs this comparison only (an update of the community
    // would hand every element inside a new configuration). One with no JSON goes by identity.
    const key = sameSetKey(value);
    if (key === undefined ? value !== old : key !== this.criteriaGiven) this.requestUpdate('criteria', old);
  }
  private criteriaValue?: string | CriteriaSet | undefined;
  /**
   * `device` (the default, unless an enclosing `<lc-community>` says otherwise) keeps unsent
   * submissions and drafts in IndexedDB; `none` stores nothing on the device.
   */
  @property() storage?: StoragePolicy;
  /** A respondent identifier to send with every submission; omitted unless the host sets it. */
  @property() respondent?: string;
  /** Extra request headers for the default transport (e.g. an API key). */
  @property({ attribute: false }) headers?: Record<string, string>;
  /** The fetch `credentials` mode for the default transport. */
  @property() credentials?: RequestCredentials;
  /** Replaces HTTP delivery: `(envelope, { endpoint, signal, keepalive }) => Promise<TransportResult>`. */
  @property({ attribute: false }) transport?: Transport;
  /**
   * Per-instance overrides of its own UI text, by key (see `englishTexts`): its configuration
   * problems and "The criteria have loaded.". Not handed to the elements inside: each takes its own.
   */
  @property({ attribute: false }) strings?: StringOverrides;

  @provide({ context: communityContext })
  @state()
  protected config: CommunityConfig = { storage: 'device' };

  private readonly problems = new ConfigProblems(this);
  /** The enclosing community's settings, if this one is inside another. */
  private outer: CommunityConfig | undefined;

  constructor() {
    super();
    // A provider never answers its own host's request: this one reaches the community around it.
    new ContextConsumer(this, {
      context: communityContext,
      subscribe: true,
      callback: (value) => {
        this.outer = value;
        this.requestUpdate();
      },
    });
  }
  /** The language its problems are shown in, and the one whose strings it has waited for (see scheduleUpdate). */
  private problemsLang: SupportedLocale | undefined;
  private waitedFor: SupportedLocale | undefined;
  @state() private criteriaSet?: CriteriaSet;
  @state() private criteriaLoading = false;
  @state() private criteriaError?: string;
  private criteriaRequest?: AbortController;
  /** A set that failed for a passing cause (see settle): tries so far, and the next one's timer. */
  private criteriaRetries = 0;
  private criteriaRetry?: ReturnType<typeof setTimeout>;
  /** Taken out of the page while its set loaded or waited to be tried again: goes on when back. */
  private criteriaUnfinished = false;
  /** Its set failed to load (the error shown): when a try loads it, that is said (see settle). */
  private criteriaFailed = false;
  /** The `criteria` last taken, as JSON: an equal set handed over again is not loaded again (see loadCriteria). */
  private criteriaGiven?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.criteriaUnfinished) {
      this.criteriaUnfinished = false;
      this.loadCriteria(true);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.criteriaUnfinished = this.criteriaLoading || this.criteriaRetry !== undefined || this.retryingOnline;
    this.criteriaRequest?.abort();
    this.stopRetrying();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.problems.takeProperties(changed, TEXT, []);
    if (changed.has('criteria')) this.loadCriteria();
    this.problems.replace([
      // With a host transport the endpoint is the host's to interpret (a CMS route, a queue name).
      typeof (this.transport ?? this.outer?.transport) === 'function'
        ? checkAttribute('endpoint', idText, this.endpoint)
        : checkEndpoint(this.endpoint),
      checkAttribute('community', communityCheck, this.community),
      checkAttribute('round', roundCheck, this.round),
      checkAttribute('perspective', roundCheck, this.perspective),
      checkAttribute('respondent', idText, this.respondent),
      checkAttribute('locale', localeTagCheck, this.locale),
      checkAttribute('storage', storageCheck, this.storage),
      checkAttribute('headers', headersCheck, this.headers),
      checkAttribute('credentials', credentialsCheck, this.credentials),
      this.transport !== undefined && typeof this.transport !== 'function'
        ? { attribute: 'transport', message: 'must be a function' }
        : undefined,
      this.criteriaError ? { attribute: 'criteria', message: this.criteriaError } : undefined,
    ]);
    const outer = this.outer;
    // Its own value when valid; none when not valid (reported, never silently the outer one's);
    // the enclosing community's when it has none.
    const ok = <T>(attribute: string, value: T, inherited: T) =>
      this.problems.has(attribute) ? undefined : (value ?? inherited);
    const own = (value: string | undefined) => value?.trim() || undefined;
    const ownCriteria = this.criteria !== undefined && this.criteria !== null && this.criteria !== '';
    // Whose answers they are: one not valid here, or not valid around and not set here, stops sending.
    const invalid = GROUP_SETTINGS.filter((name) =>
      this.problems.has(name) ? true : !own(this[name]) && !!outer?.invalid?.includes(name),
    );
    this.config = {
      ...(invalid.length ? { invalid } : {}),
      endpoint: ok('endpoint', own(this.endpoint), outer?.endpoint),
      community: ok('community', own(this.community), outer?.community),
      round: ok('round', own(this.round), outer?.round),
      perspective: ok('perspective', own(this.perspective), outer?.perspective),
      respondent: ok('respondent', own(this.respondent), outer?.respondent),
      locale: ok('locale', own(this.locale), outer?.locale),
      // An unknown storage value falls back to the private choice.
      storage: this.problems.has('storage') ? 'none' : (this.storage ?? outer?.storage ?? 'device'),
      // Its own headers without the ones at fault (a bad one is reported; an API key beside it is sent).
      headers: this.headers === undefined ? outer?.headers : usableHeaders(this.headers),
      credentials: ok('credentials', this.credentials, outer?.credentials),
      transport: ok('transport', this.transport, outer?.transport),
      // The nearest community's own region: each element inside says page-wide news through it.
      announce: this.announce,
      ...(ownCriteria || !outer
        ? { criteriaSet: this.criteriaSet, criteriaLoading: this.criteriaLoading, criteriaError: this.criteriaError }
        : {
            criteriaSet: outer.criteriaSet,
            criteriaLoading: outer.criteriaLoading,
            criteriaError: outer.criteriaError,
          }),
    };
  }

  /** Loads the `criteria`: anew when they changed; `again` when the last try failed for a passing cause. */
  private loadCriteria(again = false): void {
    // On the server (Lit SSR) nothing is loaded: the browser loads or parses the set.
    if (isServer) return;
    // A framework hands over a new object at each render of its component (Vue's `:criteria="{...}"`,
    // Lit's `.criteria=${{...}}`): the same set, which must not take down what is being answered.
    const given = sameSetKey(this.criteria);
    if (!again && given !== undefined && given === this.criteriaGiven) return;
    this.criteriaGiven = given;
    this.stopRetrying();
    if (!again) {
      // Another set: no failure of the last one is left to recover from, nor its recovery to tell.
      this.criteriaRetries = 0;
      this.criteriaFailed = false;
      this.announce();
    }
    this.criteriaRequest?.abort();
    this.criteriaRequest = undefined;
    const previous = this.criteriaSet;
    this.criteriaSet = undefined;
    this.criteriaError = undefined;
    this.criteriaLoading = false;
    const value = this.criteria;
    if (value === undefined || value === null || value === '') return;
    let input: unknown = value;
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (!trimmed.startsWith('{')) {
        this.fetchCriteria(trimmed);
        return;
      }
      try {
        input = JSON.parse(trimmed);
      } catch (error) {
        this.criteriaError = `is not valid JSON (${truncate((error as Error).message, 120)})`;
        return;
      }
    }
    // A set given inline is in within a moment: until then the elements keep the last one, rather
    // than show "Loading the criteria…" in place of what was being answered.
    this.settle(async () => (await criteriaParser()).parseCriteriaSet(input), previous);
  }

  /**
   * Waits for a set being parsed or fetched, unless the `criteria` changed meanwhile; `meanwhile`
   * is the set handed down until then (none: the elements inside show the set as loading).
   */
  private settle(load: (signal: AbortSignal) => Promise<ParseResult<CriteriaSet>>, meanwhile?: CriteriaSet): void {
    const request = new AbortController();
    this.criteriaRequest = request;
    this.criteriaSet = meanwhile;
    this.criteriaLoading = !meanwhile;
    load(request.signal)
      .catch((error: unknown) => ({
        ok: false as const,
        error: `could not be read: the criteria parser did not load (${(error as Error).message})`,
        passing: true,
      }))
      .then((parsed) => {
        if (request.signal.aborted) return;
        this.criteriaLoading = false;
        if (parsed.ok) {
          this.criteriaSet = parsed.value;
          // After the failure was announced, the questions simply appearing would go unnoticed by
          // someone who cannot see them: said once, politely, here, not by each element.
          if (this.criteriaFailed) this.announce(this.loadedMessage());
          this.criteriaFailed = false;
        } else {
          this.criteriaSet = undefined;
          this.criteriaError = parsed.error;
          this.criteriaFailed = true;
          this.announce();
          // No connection, no answer, a server error: every element inside waits for the set, so
          // it is tried again, as the elements' own files are (a 404 or a bad set is not).
          if (parsed.passing) this.retryLater();
        }
        this.requestUpdate();
      });
  }

  /** Tries the set again soon (a few times), and whenever the browser comes back online. */
  private retryLater(): void {
    window.addEventListener('online', this.retryCriteria);
    this.retryingOnline = true;
    const delay = LOAD_RETRY_MS[this.criteriaRetries];
    if (delay === undefined) return;
    this.criteriaRetries++;
    this.criteriaRetry = setTimeout(this.retryCriteria, delay);
  }

  private retryingOnline = false;
  private readonly retryCriteria = (): void => {
    if (this.isConnected) this.loadCriteria(true);
  };

  private stopRetrying(): void {
    clearTimeout(this.criteriaRetry);
    this.criteriaRetry = undefined;
    window.removeEventListener('online', this.retryCriteria);
    this.retryingOnline = false;
  }

  private fetchCriteria(url: string): void {
    const problem = checkEndpoint(url, 'criteria');
    if (problem) {
      this.criteriaError = problem.message;
      return;
    }
    this.settle(async (signal) => (await criteriaParser()).fetchCriteriaSet(url, signal));
  }

  /** Says `message` in its live region, or empties it (see CommunityConfig.announce). */
  private readonly announce = (message?: Announcement): void => {
    // Written into the region, not rendered: an update of the community hands every element
    // inside a new configuration (a page of 1200 cards would update them all to say one line).
    // Behind an open modal dialog of the page among its elements (a "Rate us" dialog), its own
    // region is inert, unheard: it is said at the end of that dialog instead.
    const dialog = this.ownerDocument.querySelector('dialog:modal');
    const region =
      dialog && this.contains(dialog) ? pageRegion(dialog) : this.shadowRoot?.querySelector('[part~="announcement"]');
    if (!region) return;
    if (message) say(region, message);
    else unsay(region);
  };

  /**
   * The language its own text is shown in: the one asked for (`locale`, else the nearest `lang`)
   * once its strings are in, built in or all given in `strings`; else English, marked so.
   */
  private textLanguage(): { langTag: string; dir: 'ltr' | 'rtl' } {
    const tag = resolveLocaleTag(this, this.config.locale);
    const { lang, langTag, dir } = shownLanguage(tag);
    // A language the library does not ship, which the host translated whole: that language.
    if (langTag !== tag && givesEveryText([coreStrings], this.strings))
      return { langTag: tag, dir: isRtl(tag) ? 'rtl' : 'ltr' };
    return stringsAtHand([coreStrings], lang) ? { langTag, dir } : { langTag: 'en', dir: 'ltr' };
  }

  /** "The criteria have loaded." in its language (see textLanguage), with the host's override. */
  private loadedMessage(): Announcement {
    const { langTag, dir } = this.textLanguage();
    return { text: coreMsg(langTag, 'criteria.loaded', undefined, this.strings), lang: langTag, dir };
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // Never held up: what it holds shows at once. Its problems (rare) are shown in its language,
    // once its strings are in, or in English after a few seconds (logged at once either way).
    const lang = toSupportedLocale(resolveLocaleTag(this, this.locale ?? this.outer?.locale));
    this.problemsLang = lang;
    const loading = loadStrings([coreStrings], lang);
    if (loading) {
      void settledWithin(loading).then(() => {
        this.waitedFor = lang;
        this.requestUpdate();
      });
    }
    return super.scheduleUpdate();
  }

  protected override createRenderRoot() {
    return firstPaintRoot(this, () => super.createRenderRoot());
  }

  override render() {
    const lang = this.problemsLang;
    const ready = !lang || lang === this.waitedFor || stringsAtHand([coreStrings], lang);
    // The live region is there, empty, from the first render: one that appears with its text is not announced.
    return html`${ready ? this.renderProblems() : nothing}<slot></slot>
      <div part="announcement" role="status"></div>`;
  }

  private renderProblems() {
    const problems = this.problems.list;
    if (!problems.length) return nothing;
    const { langTag, dir } = this.textLanguage();
    return configProblemsAlert(problems, langTag, this.strings, { lang: langTag, dir });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-community': LcCommunity;
  }
}
