import { ContextConsumer } from '@lit/context';
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import {
  builtInCriteria,
  builtInCriteriaSync,
  commonCriteriaEnHeadlines,
  contentLocale,
  findCriterion,
  type CriteriaHeadlines,
} from '../criteria/builtin.js';
import { pageRegion, say, unsay, type Announcement } from './announce.js';
import { communityContext, type CommunityConfig } from './context.js';
import type { CriteriaSet } from '../criteria/schema.js';
import { groupText } from './checks.js';
import type { EnvelopeContext } from './envelope.js';
import { coreMsg, coreStrings } from './i18n/core-strings.js';
import {
  closestLang,
  isRtl,
  loadStrings,
  givesEveryText,
  primaryLanguage,
  settledWithin,
  stringsAtHand,
  resolveLocaleTag,
  shownLanguage,
  type LocaleTable,
  type StringOverrides,
  type StringTable,
  type SupportedLocale,
} from './i18n/i18n.js';
import { closestAcrossShadow, isElement, parentAcrossShadow } from './nodes.js';
import type { StoragePolicy } from './outbox.js';
import { retrySoon } from './load-retry.js';
import { httpTransport, type Transport } from './transport.js';

type Host = ReactiveControllerHost & HTMLElement;

/** What an element needs besides its settings. */
export type ContentOptions<S extends CriteriaHeadlines = CriteriaHeadlines> = {
  /** The element's own string tables; the core strings are always included. */
  strings?: ReadonlyArray<LocaleTable<StringTable>>;
} & (S extends CriteriaSet
  ? {
      /** The element shows the built-in criteria in full: loaded on demand, in every language. */
      content: 'full';
    }
  : {
      /**
       * How much of the built-in criteria the element shows: `headlines` (the default: id, title
       * and question, all a rating shows, at hand in English) or `full` (loaded on demand in every
       * language; type the controller `CommunityController<CriteriaSet>` to read it).
       */
      content?: 'headlines' | 'full';
    });

/**
 * The connected controllers, re-rendered when their document's `lang` changes (a CMS may switch
 * the page language without a reload): one observer for every element, not one per element. It
 * watches the root of each document they are in: the page's, and a same-origin iframe's that an
 * element was moved into.
 */
const langWatchers = new Set<CommunityController>();
let langObserver: MutationObserver | undefined;
let langRoots = new WeakSet<Element>();

function watchLang(controller: CommunityController, doc: Document): void {
  langWatchers.add(controller);
  langObserver ??= new MutationObserver(() => {
    for (const c of [...langWatchers]) c.langChanged();
  });
  const root = doc.documentElement;
  if (!root || langRoots.has(root)) return;
  langRoots.add(root);
  langObserver.observe(root, { attributes: true, attributeFilter: ['lang'] });
}

function unwatchLang(controller: CommunityController): void {
  langWatchers.delete(controller);
  if (langWatchers.size || !langObserver) return;
  langObserver.disconnect();
  langObserver = undefined;
  langRoots = new WeakSet();
}

interface ResolvedLocale {
  tag: string;
  lang: SupportedLocale;
  langTag: string;
  dir: 'ltr' | 'rtl';
}

/** The languages without built-in strings already named in the console (once per page each). */
const fellBack = new Set<string>();
/** Locale resolutions by their inputs, shared by every element (Intl's canonicalisation is not free). */
const resolvedLocales = new Map<string, ResolvedLocale>();

type LocaleInputs = [own: string | undefined, community: string | undefined, nearest: string | undefined, page: string];

function resolveLocale(host: Element, [own, community, nearest, page]: LocaleInputs): ResolvedLocale {
  const key = JSON.stringify([own, community, nearest, page]);
  let resolved = resolvedLocales.get(key);
  if (!resolved) {
    const tag = resolveLocaleTag(host, own, community);
    // No built-in strings for this language: the text is English, and says so (`lang`, `dir`).
    resolved = { tag, ...shownLanguage(tag) };
    // Bounded: the inputs come from attributes, which a page may vary without end.
    if (resolvedLocales.size >= 200) resolvedLocales.clear();
    resolvedLocales.set(key, resolved);
  }
  return resolved;
}

/** How criteria text is marked when its language is not the UI's (English content in an Arabic UI). */
export interface ContentText {
  lang?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
}

/** How long an element waits for its `<lc-community>` to be defined before the console says so. */
const COMMUNITY_WAIT_MS = 5000;
/** The console has said once that an `<lc-community>` is not defined (one line per page, not per element). */
let warnedWaiting = false;

/** Elements whose strings or criteria text failed to load: they try again when the browser is back online. */
const retryOnline = new Set<{ retryLoads(): void }>();
let listeningOnline = false;
function whenOnline(controller: { retryLoads(): void }): void {
  retryOnline.add(controller);
  if (listeningOnline) return;
  listeningOnline = true;
  window.addEventListener('online', () => {
    const waiting = [...retryOnline];
    retryOnline.clear();
    for (const c of waiting) c.retryLoads();
  });
}

/**
 * Each failure of a content language's file said in the console: by the first element to show it,
 * once per failure, not once per element (a page of 1200 cards waits for the same file).
 */
const loggedFailures = new WeakSet<Promise<unknown>>();

/**
 * The content languages whose failure to load an element showed, and whose recovery no element has
 * said yet: the first element of the page to have it again says so, once (a page of 1200 cards
 * waits for the same file).
 */
const unannounced = new Set<string>();

/**
 * The element that says, as an alert, the failure of each content language it shows (see
 * alertsCriteriaError): a page of 1200 cards waiting for the same file hears it once.
 */
const alerting = new Map<string, CommunityController>();

/**
 * A setting as text, or undefined: a property set by script to something else is reported by its
 * element (see ConfigProblems.takeProperties), and until then not read.
 */
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** An element's own settings, which win over its community's. */
export interface OwnSettings {
  locale?: string | undefined;
  endpoint?: string | undefined;
}

/**
 * The one place an element learns its configuration: the enclosing `<lc-community>` (through
 * context, kept up to date), the element's own settings, its resolved locale (re-rendering when
 * a `lang` attribute changes), and the criteria set for that locale.
 *
 * `content` is how much of the built-in criteria the element shows: the headlines (the default,
 * all a rating shows, built in for English) or `full`. Full content loads on demand in every
 * language, English too, so a page pays only for the language it shows. A host's set and the
 * built-in Danish and German ones are always full sets.
 *
 * `strings` are the element's string tables. Translations load on demand: the element's
 * `scheduleUpdate` returns {@link whenStringsReady}, so its first render in Danish, German or
 * Arabic waits for them instead of flashing English, and a later change of language re-renders
 * once they are in. The first render waits for the built-in criteria content the same way. No
 * update waits more than a few seconds (LOAD_WAIT_MS), once per language, and a file that failed to load is
 * tried again soon, on one schedule for the page (see retrySoon), and when the browser is back online.
 */
export class CommunityController<S extends CriteriaHeadlines = CriteriaHeadlines> implements ReactiveController {
  community: CommunityConfig | undefined;
  /** The resolved BCP 47 tag, e.g. `da-DK`: the language asked for (submissions carry it). */
  requestedLocale = 'en';
  /**
   * The locale the element's text is in, for its messages and its numbers and dates: the resolved
   * tag, or `en` while that language's strings are not all at hand (late, or failed to load), so
   * that every string is English then, not some of them (`langTag` says `en` meanwhile).
   */
  locale = 'en';
  /** The built-in locale serving UI strings. */
  lang: SupportedLocale = 'en';
  /**
   * The language of the UI's text, for `lang`: the resolved tag, or `en` for a language without
   * built-in strings (`fr` → `en`, `da-DK` stays `da-DK`). `dir` is that language's direction.
   */
  langTag = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  /** The active criteria set (the host's own, or the built-in one in this locale); undefined while loading. */
  criteriaSet: S | undefined;
  criteriaError: string | undefined;

  private readonly host: Host;
  private readonly own: () => OwnSettings;
  private readonly full: boolean;
  private readonly tables: ReadonlyArray<LocaleTable<StringTable>>;
  private localeInputs: LocaleInputs | undefined;
  private loadingFor: string | undefined;
  /** Waiting for an enclosing `<lc-community>` to be defined (see awaitingCommunity). */
  private waiting = false;
  /** A community answered since the element was last connected (see hostConnected). */
  private answered = false;
  private absolute: { raw: string; base: string; href: string } | undefined;
  /** Whether the first update is still to be scheduled (see whenStringsReady). */
  private first = true;
  /** The language whose strings an update last waited for (see whenStringsReady). */
  private waitedFor: SupportedLocale | undefined;
  /** The built-in content's load, last started: settles (never rejects) once the set or the error is in. */
  private builtIn: Promise<void> | undefined;
  /** The built-in content failed to load (tried again soon, see retrySoon, and when back online). */
  private contentFailed = false;
  /** The content language whose failure the element showed, until it has that content (see recovered). */
  private failedContent: string | undefined;
  /** The language and direction resolved, which `langTag` and `dir` are once the strings are at hand. */
  private resolvedLang: { langTag: string; dir: 'ltr' | 'rtl' } = { langTag: 'en', dir: 'ltr' };

  constructor(host: Host, own: () => OwnSettings = () => ({}), options: ContentOptions<S> = {} as ContentOptions<S>) {
    this.host = host;
    this.own = own;
    this.full = options.content === 'full';
    this.tables = [coreStrings as unknown as LocaleTable<StringTable>, ...(options.strings ?? [])];
    new ContextConsumer(host, {
      context: communityContext,
      subscribe: true,
      callback: (value) => {
        this.answered = true;
        this.community = value;
        // Resolved now, not only in hostUpdate: Lit calls that after willUpdate, where an element
        // may act on its criteria set (the assessment finds its first step and kept answers there).
        this.resolve();
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    watchLang(this, this.host.ownerDocument);
    const before = this.localeInputs && this.requestedLocale;
    // The context consumer asked for a community just now (it is connected first). Moved out of
    // every community, nobody answered: the last one's settings (endpoint, locale, round…) no
    // longer apply. (An `<lc-community>` not defined yet answers later, through the context root.)
    const left = !this.answered && this.community !== undefined;
    if (left) this.community = undefined;
    this.resolve();
    // Its criteria text failed to load while it was away: tried again when back online.
    if (this.contentFailed) whenOnline(this);
    // Moved under another `lang` (a rating dragged into another section): show the new language.
    if (left || (before && this.requestedLocale !== before)) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.answered = false;
    unwatchLang(this);
    retryOnline.delete(this);
  }

  /** Back online after a file failed to load: tries the element's strings and criteria text again. */
  retryLoads(): void {
    if (!this.host.isConnected) return;
    for (const table of this.tables) table.retry();
    this.retryContent();
    this.host.requestUpdate();
  }

  /** Tries the element's criteria text again, when it failed (see resolveCriteria). */
  private retryContent(): void {
    if (!this.contentFailed || !this.host.isConnected) return;
    this.contentFailed = false;
    this.loadingFor = undefined;
    this.host.requestUpdate();
  }

  /**
   * The strings of `lang` that failed to load (English is shown): tried again soon, each file on its
   * page-wide schedule, and when the browser is back online.
   */
  private stringsFailed(lang: SupportedLocale): void {
    if (lang === 'en' || !this.host.isConnected) return;
    whenOnline(this);
    for (const table of this.tables) {
      if (table.loaded[lang]) continue;
      retrySoon(table, lang, this, () => {
        table.retry(lang);
        if (this.host.isConnected) this.host.requestUpdate();
      });
    }
  }

  /** The page's `lang` changed. */
  langChanged(): void {
    this.resolve();
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    // The locale was resolved a moment ago by whenStringsReady, in this same task (an update that
    // did not wait): nothing it reads can have changed since. Once per update, not twice: a key
    // press on a rating is one.
    if (this.localeFresh) this.resolveCriteria();
    else this.resolve();
    // The language changed after the first render, or its strings were late: render again once
    // they are in. Failed (English shown): tried again soon, and when back online.
    const lang = this.lang;
    const loading = loadStrings(this.tables, lang);
    if (loading) {
      void loading.then(() => {
        if (!this.host.isConnected) return;
        if (!stringsAtHand(this.tables, lang)) this.stringsFailed(lang);
        this.host.requestUpdate();
      });
    } else if (!stringsAtHand(this.tables, lang)) {
      this.stringsFailed(lang);
    }
  }

  /**
   * Runs `update` (the host's `super.scheduleUpdate()`) at once when the strings of the element's
   * language are at hand, otherwise once they have loaded (or failed to: English is shown then).
   * The first update also waits for the built-in criteria content while it loads, until it is in
   * or has failed (the criteria error is shown then, and logged): no flash of a loading message.
   */
  whenStringsReady(update: () => void | Promise<unknown>): void | Promise<unknown> {
    // The language this update will render in (a `locale` set just now counts).
    this.resolveLocale();
    const lang = this.lang;
    // Waited for once per language: strings still late after that (or failed) do not hold up
    // every update; the element renders in English and again once they are in (see hostUpdate).
    let wait = lang === this.waitedFor ? undefined : loadStrings(this.tables, lang);
    this.waitedFor = lang;
    if (this.first) {
      this.first = false;
      this.resolveCriteria();
      // The built-in content is on its way (it settles either way: loaded, or the error shown).
      if (this.loadingFor && this.criteriaLoading) wait = Promise.all([wait, this.builtIn]);
      // An element that shows the criteria in full, inside an <lc-community> whose script has not
      // run yet: its settings and criteria are still to come. Drawn meanwhile, a card would show
      // its criterion without the text and then with it, moving its rating and what follows down
      // the page (a layout shift).
      else if (this.full && this.waiting) wait = Promise.all([wait, this.communityContent()]);
    }
    if (wait) return settledWithin(wait).then(update);
    this.localeFresh = true;
    try {
      return update();
    } finally {
      this.localeFresh = false;
    }
  }

  /** True while whenStringsReady runs the update it resolved the locale for (see hostUpdate). */
  private localeFresh = false;

  /**
   * The criteria content's language, and its direction, where they differ from the UI's (English
   * criteria in a Danish or Arabic UI); nothing where they are the same.
   */
  contentText(): ContentText {
    const set = this.criteriaSet;
    if (!set || primaryLanguage(set.locale) === primaryLanguage(this.langTag)) return {};
    const dir = isRtl(set.locale) ? 'rtl' : 'ltr';
    return { lang: set.locale, dir: dir === this.dir ? undefined : dir };
  }

  /**
   * Where submissions go, as an absolute URL: an endpoint relative to the page is resolved against
   * it, so a submission queued on one page is never delivered from another to another URL.
   */
  get endpoint(): string | undefined {
    const raw = text(this.own().endpoint)?.trim() || this.community?.endpoint?.trim();
    if (!raw) return undefined;
    // On the server (Lit SSR), which sends nothing, there is no page to resolve it against.
    if (isServer) return raw;
    const base = document.baseURI;
    const last = this.absolute;
    if (last?.raw === raw && last.base === base) return last.href;
    let href = raw;
    try {
      href = new URL(raw, base).href;
    } catch {
      // Not a URL: the element's own check (or its community's) reports it.
    }
    this.absolute = { raw, base, href };
    return href;
  }

  get storage(): StoragePolicy {
    return this.community?.storage ?? 'device';
  }

  get criteriaLoading(): boolean {
    return !this.criteriaSet && !this.criteriaError;
  }

  criterion(id: string | undefined): S['criteria'][number] | undefined {
    return findCriterion(this.criteriaSet, id);
  }

  /** The transport for this element's endpoint: the host's own, or HTTP with its headers. */
  transport(): Transport {
    const c = this.community;
    return (
      c?.transport ??
      httpTransport({
        ...(c?.headers ? { headers: c.headers } : {}),
        ...(c?.credentials ? { credentials: c.credentials } : {}),
      })
    );
  }

  /**
   * The round as the host set it (composed, as sent: see envelopeContext), or '' when it set none:
   * what is kept on the device is keyed by it. Not the year a round defaults to: that changes at New Year (and with a device's clock or
   * time zone), and work kept under it would be out of reach from then on.
   */
  get keyRound(): string {
    return groupText(this.givenKeyRound);
  }

  /**
   * Where submissions are filed and whose they are. The community, round and perspective are in the
   * form the envelope carries them (trimmed, composed: see groupText), so what an element keeps on
   * the device, or finds waiting in the outbox, is keyed and compared as it was sent: a page that
   * writes "århus" decomposed (as macOS may paste it) still finds its own answers.
   */
  envelopeContext(): EnvelopeContext {
    const given = this.givenContext();
    const { perspective } = given;
    return {
      ...given,
      community: groupText(given.community),
      round: groupText(given.round),
      perspective: perspective === undefined ? undefined : groupText(perspective),
    };
  }

  /** The round the host set, as written (not composed): an earlier build's keys (see givenContext). */
  get givenKeyRound(): string {
    return this.community?.round || '';
  }

  /**
   * The envelope's context with the community, round and perspective as the host wrote them
   * (trimmed, not composed): an earlier build keyed what it kept on the device by them, and an
   * element takes what it finds under such a key up into its key of today (see envelopeContext).
   */
  givenContext(): EnvelopeContext {
    const c = this.community;
    const set = this.criteriaSet;
    return {
      community: c?.community || 'default',
      round: c?.round || String(new Date().getFullYear()),
      perspective: c?.perspective,
      respondent: c?.respondent,
      criteriaSet: { id: set?.id ?? 'common-criteria', version: set?.version ?? '0' },
      locale: this.requestedLocale,
    };
  }

  /**
   * True while the element sits inside an `<lc-community>` that is not defined yet. It answers
   * through the context root once defined; a page that never defines it is told in the console.
   */
  private awaitingCommunity(): boolean {
    if (customElements.get('lc-community')) return false;
    let node: Node | null = this.host;
    while (node && !(isElement(node) && node.localName === 'lc-community')) node = parentAcrossShadow(node);
    if (!node) return false;
    if (!this.waiting) {
      this.waiting = true;
      const warn = setTimeout(() => {
        if (warnedWaiting) return;
        warnedWaiting = true;
        console.warn(
          `[lc-elements] <${this.host.localName}> waits for its <lc-community>, which is not defined: ` +
            'load its script too (the drop-in loader does; from npm, import "@learning-community/elements/community.js")',
        );
      }, COMMUNITY_WAIT_MS);
      void customElements.whenDefined('lc-community').then(() => {
        clearTimeout(warn);
        this.waiting = false;
        this.host.requestUpdate();
      });
    }
    return true;
  }

  /** Settles once the `<lc-community>` around is defined and the built-in content it asks for is in (or failed). */
  private communityContent(): Promise<unknown> {
    return customElements.whenDefined('lc-community').then(() => {
      this.resolveCriteria();
      return this.loadingFor && this.criteriaLoading ? this.builtIn : undefined;
    });
  }

  private resolve(): void {
    this.resolveLocale();
    this.resolveCriteria();
  }

  private resolveLocale(): void {
    const inputs: LocaleInputs = [
      text(this.own().locale),
      // Until its community has read its own settings (its file loading, or its first update to
      // come), the language it names: not English first (loading English criteria and strings for
      // nothing), then the right one. The nearest community that names one (across shadow roots:
      // an app's component may hold the element): an inner community without a locale takes the
      // outer one's.
      this.community?.locale ??
        closestAcrossShadow(this.host, 'lc-community[locale]')?.getAttribute('locale') ??
        undefined,
      closestLang(this.host),
      // Its own document's: it may have been moved into a same-origin iframe.
      this.host.ownerDocument.documentElement?.lang ?? '',
    ];
    // The same inputs as at the last update (nearly always): the same locale.
    const last = this.localeInputs;
    if (!last || !inputs.every((x, i) => x === last[i])) {
      const { tag, lang, langTag, dir } = resolveLocale(this.host, inputs);
      this.requestedLocale = tag;
      this.lang = lang;
      this.resolvedLang = { langTag, dir };
      this.localeInputs = inputs;
    }
    // Until the strings are in (late, or failed to load), the text is English, and says so.
    const atHand = stringsAtHand(this.tables, this.lang);
    this.locale = atHand ? this.requestedLocale : 'en';
    this.langTag = atHand ? this.resolvedLang.langTag : 'en';
    this.dir = atHand ? this.resolvedLang.dir : 'ltr';
    const tag = this.requestedLocale;
    if (this.resolvedLang.langTag !== tag) {
      // A language without built-in strings: English, said so (`lang`, `dir`, and the console once
      // per page), unless the host gave every text of the element in it (see translatedByHost).
      if (this.translatedByHost()) {
        this.langTag = tag;
        this.dir = isRtl(tag) ? 'rtl' : 'ltr';
      } else if (!fellBack.has(primaryLanguage(tag))) {
        CommunityController.fallingBack(this);
      }
    }
  }

  /** Elements shown in English for a language without built-in strings, not said yet (see fallingBack). */
  private static fallenBack: Set<CommunityController> | undefined;

  /**
   * Says once per page, in the console, that a language has no built-in strings, once the page's
   * script has had its turn: a framework sets `strings` just after an element is made, and a whole
   * translation then makes it that language after all. One timer for all the elements of a render
   * (a page of 1200 cards in French), not one per element and update.
   */
  private static fallingBack(controller: CommunityController): void {
    if (CommunityController.fallenBack) {
      CommunityController.fallenBack.add(controller);
      return;
    }
    const waiting = (CommunityController.fallenBack = new Set([controller]));
    setTimeout(() => {
      CommunityController.fallenBack = undefined;
      for (const c of waiting) {
        const tag = c.requestedLocale;
        const primary = primaryLanguage(tag);
        if (fellBack.has(primary) || c.resolvedLang.langTag === tag || c.translatedByHost()) continue;
        fellBack.add(primary);
        console.warn(
          `[lc-elements] <${c.host.localName}> has no built-in strings for "${tag}": it is shown in English ` +
            '(marked lang="en"). Built in: en, da, de, ar; or give every text in `strings`.',
        );
      }
    });
  }

  /** The host's `strings` last looked at, and whether they give every text of its tables. */
  private hostStrings: { given: object; complete: boolean } | undefined;

  /**
   * True when the host's `strings` give every text of the element (its tables' keys, each usable):
   * a translation into a language the library does not ship, which the element is then shown in
   * (`lang`, `dir`: Hebrew right to left). Some texts only would mix languages: English it stays.
   */
  private translatedByHost(): boolean {
    const given = (this.host as { strings?: unknown }).strings;
    if (typeof given !== 'object' || given === null) return false;
    if (this.hostStrings?.given !== given) this.hostStrings = { given, complete: givesEveryText(this.tables, given) };
    return this.hostStrings.complete;
  }

  private resolveCriteria(): void {
    const c = this.community;
    if (!c && this.awaitingCommunity()) {
      // Inside an <lc-community> whose script has not run yet (the loader fetches each element's
      // file on its own): its criteria set, whatever it is, is still to come. Meanwhile the
      // built-in set would be the wrong one to check ids against.
      this.loadingFor = undefined;
      this.criteriaSet = undefined;
      this.criteriaError = undefined;
      return;
    }
    if (c?.criteriaError || c?.criteriaLoading || c?.criteriaSet) {
      // The community's set, its error, or its set on the way: no built-in one is awaited. (A
      // host's set is a full one, which every content type accepts.)
      this.loadingFor = undefined;
      this.criteriaError = c.criteriaError;
      this.criteriaSet = c.criteriaError || c.criteriaLoading ? undefined : (c.criteriaSet as unknown as S);
      return;
    }
    const key = contentLocale(this.requestedLocale);
    const ready = (this.full || key !== 'en' ? builtInCriteriaSync(key) : commonCriteriaEnHeadlines) as S | undefined;
    if (ready) {
      this.loadingFor = key;
      this.criteriaSet = ready;
      this.criteriaError = undefined;
      // Loaded again by another element first (a newcomer to the page, say): recovered all the same.
      this.recovered(key);
      return;
    }
    // Loading, or failed (the error stays until the language changes or the browser is back
    // online: no retry on every update).
    if (this.loadingFor === key) return;
    this.loadingFor = key;
    this.criteriaError = undefined;
    const loading = builtInCriteria(key);
    this.builtIn = loading.then(
      (set) => {
        if (this.loadingFor !== key) return;
        this.recovered(key);
        if (this.criteriaSet !== set) {
          this.criteriaSet = set as unknown as S;
          this.host.requestUpdate();
        }
      },
      (error: unknown) => {
        if (this.loadingFor !== key) return;
        this.contentFailed = true;
        this.failedContent = key;
        unannounced.add(key);
        if (this.host.isConnected) {
          // No "loaded" from an earlier recovery left to read; and outside any community, the
          // page's region is made now, to be there, empty, before the recovery is said in it.
          this.announcer()();
          whenOnline(this);
          // A server error or a dropped request while online: tried again soon too, a few times.
          retrySoon(builtInCriteria, key, this, () => this.retryContent());
        }
        // For the host's developer, naming the file (the element shows a sentence of its own, see
        // criteriaErrorLine): said once per failure, by the first element to show it.
        this.criteriaError = `the ${key} content could not be loaded (${(error as Error).message})`;
        if (!loggedFailures.has(loading)) {
          loggedFailures.add(loading);
          console.error(`[lc-elements] <${this.host.localName}>: ${this.criteriaError}`);
        }
        this.host.requestUpdate();
      },
    );
  }

  /**
   * The content in `key` is in. When the element had shown it failing, the criteria simply
   * appearing would go unnoticed by someone who cannot see them: the first such element of the
   * page says they have loaded, politely, once (its community says it, as it says the failure of
   * a host's set; outside one, the page's region does). Nothing is said for a first load.
   */
  private recovered(key: string): void {
    if (this.failedContent !== key) return;
    this.failedContent = undefined;
    // The failure is over: should the file fail again, that is a new failure, said again.
    alerting.delete(key);
    if (!this.host.isConnected || !unannounced.delete(key)) return;
    const strings = (this.host as { strings?: StringOverrides }).strings;
    this.announcer()({
      text: coreMsg(this.locale, 'criteria.loaded', undefined, strings),
      lang: this.langTag,
      dir: this.dir,
    });
  }

  /**
   * Whether the element's `error` part says its criteria error as an alert (`role="alert"`), or only
   * shows it. A host's set that failed to load is said by its `<lc-community>`, once. The built-in
   * text of a language that failed to load is one failure for the whole page too, which every
   * element waiting for that file shows in place: the first element to show it says it (and goes
   * on saying it while it shows it, through the tries that fail again), the others show the same
   * text without an alert. When that element has left the page (another view of a single-page
   * app), the next to show the failure says it; once the text has loaded, a new failure is said.
   */
  alertsCriteriaError(): boolean {
    const error = this.criteriaError;
    if (!error || this.community?.criteriaError === error) return false;
    const key = this.failedContent;
    if (!key) return true;
    const saying = alerting.get(key);
    if (saying && saying !== this && saying.host.isConnected && saying.failedContent === key) return false;
    alerting.set(key, this);
    return true;
  }

  /** Where the element says page-wide news: its community's live region, or the page's own. */
  private announcer(): (message?: Announcement) => void {
    const region = () => pageRegion(this.host);
    return this.community?.announce ?? ((message) => (message ? say(region(), message) : unsay(region())));
  }
}
