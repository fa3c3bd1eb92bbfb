import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  builtInCriteria,
  builtInCriteriaSync,
  findCriterion,
  type CriteriaSet,
  type Criterion,
} from '../criteria/index.js';
import { communityContext, type CommunityConfig } from './context.js';
import type { EnvelopeContext } from './envelope.js';
import { closestLang, isRtl, resolveLocaleTag, toSupportedLocale, type SupportedLocale } from './i18n/i18n.js';
import type { StoragePolicy } from './outbox.js';
import { httpTransport, type Transport } from './transport.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The connected controllers, re-rendered when the page's `lang` changes (a CMS may switch the
 * page language without a reload): one observer for the whole page, not one per element.
 */
const langWatchers = new Set<CommunityController>();
let langObserver: MutationObserver | undefined;

function watchLang(controller: CommunityController): void {
  langWatchers.add(controller);
  if (langObserver) return;
  langObserver = new MutationObserver(() => {
    for (const c of [...langWatchers]) c.langChanged();
  });
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

function unwatchLang(controller: CommunityController): void {
  langWatchers.delete(controller);
  if (langWatchers.size || !langObserver) return;
  langObserver.disconnect();
  langObserver = undefined;
}

interface ResolvedLocale {
  tag: string;
  lang: SupportedLocale;
  dir: 'ltr' | 'rtl';
}
/** Locale resolutions by their inputs, shared by every element (Intl's canonicalisation is not free). */
const resolvedLocales = new Map<string, ResolvedLocale>();

type LocaleInputs = [own: string | undefined, community: string | undefined, nearest: string | undefined, page: string];

function resolveLocale(host: Element, [own, community, nearest, page]: LocaleInputs): ResolvedLocale {
  const key = JSON.stringify([own, community, nearest, page]);
  let resolved = resolvedLocales.get(key);
  if (!resolved) {
    const tag = resolveLocaleTag(host, own, community);
    resolved = { tag, lang: toSupportedLocale(tag), dir: isRtl(tag) ? 'rtl' : 'ltr' };
    // Bounded: the inputs come from attributes, which a page may vary without end.
    if (resolvedLocales.size >= 200) resolvedLocales.clear();
    resolvedLocales.set(key, resolved);
  }
  return resolved;
}

/** An element's own settings, which win over its community's. */
export interface OwnSettings {
  locale?: string | undefined;
  endpoint?: string | undefined;
}

/**
 * The one place an element learns its configuration: the enclosing `<lc-community>` (through
 * context, kept up to date), the element's own settings, its resolved locale (re-rendering when
 * a `lang` attribute changes), and the criteria set for that locale.
 */
export class CommunityController implements ReactiveController {
  community: CommunityConfig | undefined;
  /** The resolved BCP 47 tag, e.g. `da-DK`. */
  locale = 'en';
  /** The built-in locale serving UI strings. */
  lang: SupportedLocale = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  /** The active criteria set (the host's own, or the built-in one in this locale); undefined while loading. */
  criteriaSet: CriteriaSet | undefined;
  criteriaError: string | undefined;

  private readonly host: Host;
  private readonly own: () => OwnSettings;
  private localeInputs: LocaleInputs | undefined;
  private loadingFor: string | undefined;

  constructor(host: Host, own: () => OwnSettings = () => ({})) {
    this.host = host;
    this.own = own;
    new ContextConsumer(host, {
      context: communityContext,
      subscribe: true,
      callback: (value) => {
        this.community = value;
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    watchLang(this);
    this.resolve();
  }

  hostDisconnected(): void {
    unwatchLang(this);
  }

  /** The page's `lang` changed. */
  langChanged(): void {
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.resolve();
  }

  get endpoint(): string | undefined {
    return this.own().endpoint?.trim() || this.community?.endpoint || undefined;
  }

  get storage(): StoragePolicy {
    return this.community?.storage ?? 'device';
  }

  get criteriaLoading(): boolean {
    return !this.criteriaSet && !this.criteriaError;
  }

  criterion(id: string | undefined): Criterion | undefined {
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

  envelopeContext(): EnvelopeContext {
    const c = this.community;
    const set = this.criteriaSet;
    return {
      community: c?.community || 'default',
      round: c?.round || String(new Date().getFullYear()),
      perspective: c?.perspective,
      respondent: c?.respondent,
      criteriaSet: { id: set?.id ?? 'common-criteria', version: set?.version ?? '0' },
      locale: this.locale,
    };
  }

  private resolve(): void {
    const inputs: LocaleInputs = [
      this.own().locale,
      this.community?.locale,
      closestLang(this.host),
      document.documentElement.lang,
    ];
    // The same inputs as at the last update (nearly always): the same locale.
    const last = this.localeInputs;
    if (!last || !inputs.every((x, i) => x === last[i])) {
      const { tag, lang, dir } = resolveLocale(this.host, inputs);
      this.locale = tag;
      this.lang = lang;
      this.dir = dir;
      this.localeInputs = inputs;
    }
    this.resolveCriteria();
  }

  private resolveCriteria(): void {
    const c = this.community;
    if (c?.criteriaError) {
      this.criteriaSet = undefined;
      this.criteriaError = c.criteriaError;
      return;
    }
    if (c?.criteriaLoading) {
      this.criteriaSet = undefined;
      this.criteriaError = undefined;
      return;
    }
    if (c?.criteriaSet) {
      this.criteriaSet = c.criteriaSet;
      this.criteriaError = undefined;
      return;
    }
    const key = `builtin:${this.lang}`;
    const ready = builtInCriteriaSync(this.locale);
    if (ready) {
      this.loadingFor = key;
      this.criteriaSet = ready;
      this.criteriaError = undefined;
      return;
    }
    if (this.loadingFor === key) return;
    this.loadingFor = key;
    this.criteriaError = undefined;
    builtInCriteria(this.locale).then(
      (set) => {
        if (this.loadingFor !== key) return;
        if (this.criteriaSet !== set) {
          this.criteriaSet = set;
          this.host.requestUpdate();
        }
      },
      (error: unknown) => {
        if (this.loadingFor !== key) return;
        this.loadingFor = undefined;
        this.criteriaError = `the ${this.lang} content could not be loaded (${(error as Error).message})`;
        console.error(`[lc-elements] <${this.host.localName}>: ${this.criteriaError}`);
        this.host.requestUpdate();
      },
    );
  }
}
