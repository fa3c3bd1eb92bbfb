// The drop-in bundle's entry (`dist/cdn/lc-elements.min.js`): a small loader. Each element's code
// loads the first time its tag appears in the page, when the script runs or later (a CMS widget,
// a framework rendering), so a page with one rating loads the rating and nothing else. Elements
// inside a host's own shadow roots are found with `discover(root)`; `defineAll()` loads every
// element at once. The files it loads sit beside it: `elements/<name>.js` and `chunks/`.
import { fetchFailed, retryDelay, unfetchedFile, unusableFile } from './loader-retry.js';

const loaders: Record<string, () => Promise<unknown>> = {
  'lc-community': () => import('./components/community/define.js'),
  'lc-criterion-card': () => import('./components/criterion-card/define.js'),
  'lc-self-rating': () => import('./components/self-rating/define.js'),
  'lc-partnership-matrix': () => import('./components/partnership-matrix/define.js'),
  'lc-reflection-journal': () => import('./components/reflection-journal/define.js'),
  'lc-results': () => import('./components/results/define.js'),
  'lc-assessment': () => import('./components/assessment/define.js'),
};

/** The tags this bundle can define. */
export const TAGS: readonly string[] = Object.keys(loaders);

// Written in by the drop-in build (rollup.config.js): for each tag, the files its element's file
// imports (the shared core, and more for some), as `chunks/<name>.js` relative to this script.
// They are fetched beside that file rather than after it has been fetched and read: one round trip
// instead of two. `full` names the elements that show the criteria in full, and `@en`, `@da` and
// `@de` hold the file of that content in each language: an element's own is fetched with it.
declare const __LC_PRELOAD__: Record<string, readonly string[]> | undefined;
const preloads: Record<string, readonly string[]> = typeof __LC_PRELOAD__ === 'undefined' ? {} : __LC_PRELOAD__;
const preloaded = new Set<string>();

/** The URL of a file the element files import (see __LC_PRELOAD__). */
const chunkUrl = (file: string) => new URL(`chunks/${file}.js`, import.meta.url).href;

function preload(files: readonly string[] = []): void {
  // Offline, a preload fails, and a browser that keeps a failed module's error for the page would
  // then fail the element's file too once back online (its imports are these files, under these
  // names): they are fetched with the element's file instead.
  if (navigator.onLine === false) return;
  for (const file of files) {
    const href = chunkUrl(file);
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

/** The nearest element matching `selector`, out through the shadow roots `el` is in (see discover). */
function closest(el: Element, selector: string): Element | undefined {
  for (let node: Element | undefined = el; node; node = (node.getRootNode() as ShadowRoot).host) {
    const found = node.closest(selector);
    if (found) return found;
  }
  return undefined;
}

/**
 * The files of an element's criteria content, in its language resolved as the element does: its
 * `locale`, the nearest `<lc-community locale>` (an inner community without one takes the outer
 * one's), the nearest `lang`, the page's, also from inside a host's shadow root. Danish and German
 * have their own content; every other language shows English.
 */
function contentFiles(el: Element): readonly string[] | undefined {
  const lang = (
    el.getAttribute('locale') ||
    closest(el, 'lc-community[locale]')?.getAttribute('locale') ||
    (closest(el, '[lang]') as HTMLElement | undefined)?.lang ||
    document.documentElement.lang
  )
    .toLowerCase()
    .split('-')[0];
  return preloads['@' + lang] || preloads['@en'];
}

const loading = new Map<string, Promise<void>>();
/**
 * The file of each tag that could not be fetched: imported again under another name (its URL with
 * a fragment, never sent), since a browser may keep a failed import's error for the page (see
 * core/import-again.ts).
 */
const unfetched = new Map<string, string>();
let tries = 0;
/** The tags whose file failed to load (told in the console once). */
const failed = new Set<string>();
let observer: MutationObserver | undefined;

/** Failed loads in a row: the page is searched again after retryDelay(retries), and when it comes online. */
let retries = 0;
/** A search of the page is due (one timer for every tag that failed meanwhile). */
let retryDue = false;

/** The shadow roots a host asked to look in (discover(root)): searched again with the document. */
const roots = new Set<WeakRef<ParentNode>>();
const known = new WeakSet<ParentNode>();

/** Searches the document again, and the shadow roots a host named, still there. */
function rediscover(): void {
  discover(document);
  for (const ref of roots) {
    const root = ref.deref();
    if (root) discover(root);
    else roots.delete(ref);
  }
}

function retryLater(): void {
  if (retryDue) return;
  retryDue = true;
  setTimeout(() => {
    retryDue = false;
    rediscover();
  }, retryDelay(retries++));
}

/**
 * Loads and defines one element. Resolves once the tag is defined. A file that cannot load (a
 * dropped connection) is reported in the console and tried again: after a few seconds, when the
 * browser comes back online, and whenever the tag is discovered again.
 */
export function load(tag: string): Promise<void> {
  const loader = loaders[tag];
  if (!loader) return Promise.reject(new Error(`[lc-elements] there is no element <${tag}>`));
  let promise = loading.get(tag);
  if (!promise) {
    preload(preloads[tag]);
    const file = unfetched.get(tag);
    promise = (file ? import(/* @vite-ignore */ `${file}#retry-${++tries}`) : loader()).then(
      () => {
        retries = 0;
        // Every element defined: nothing left to watch for.
        if (TAGS.every((t) => customElements.get(t))) observer?.disconnect();
      },
      (error: unknown) => {
        const message = (error as Error)?.message ?? String(error);
        // The file came, but its code threw as it ran (something of the page in its way): the
        // browser keeps that error for the file, so trying again cannot help. Said as it is.
        if (!fetchFailed(message)) {
          console.error(
            `[lc-elements] <${tag}> failed as its script ran, and is not tried again (${message}): a file of ` +
              'the library may be damaged (cut short, or another page served in its place), or a script of the page is in its way',
          );
          throw error;
        }
        // A file the element's file imports (the shared core, another element's file) did not load:
        // the browser keeps that failure for the page under that file's name, which the element's
        // file, fetched again under another name, still imports. Only a reload loads it: said,
        // naming the file, and not tried again (every 30 s, in vain).
        const unusable = unusableFile(
          (preloads[tag] ?? []).map(chunkUrl),
          (url) => performance.getEntriesByName(url, 'resource') as PerformanceResourceTiming[],
        );
        if (unusable) {
          console.error(
            `[lc-elements] <${tag}> could not be loaded: ${unusable.file}, which it needs, did not load (${unusable.why}); ` +
              'the browser keeps that failure until the page is reloaded',
          );
          throw error;
        }
        loading.delete(tag);
        const unfetchedNow = unfetchedFile(message);
        if (unfetchedNow) unfetched.set(tag, unfetchedNow);
        // Said once per tag, not every 30 s while the connection stays poor.
        if (!failed.has(tag)) {
          failed.add(tag);
          console.error(`[lc-elements] <${tag}> could not be loaded, trying again later (${message})`);
        }
        retryLater();
        throw error;
      },
    );
    loading.set(tag, promise);
  }
  return promise;
}

/** Loads every element now, e.g. before creating them from script. */
export function defineAll(): Promise<void> {
  return Promise.all(TAGS.map(load)).then(() => undefined);
}

/**
 * Loads the elements used in `root` (and in `root` itself). Run it for a shadow root of your own:
 * the root is remembered (weakly, never keeping it alive), so when an element's file fails to
 * load, the root is searched again with the document.
 */
export function discover(root: ParentNode | Element = document): void {
  if (root !== document && !known.has(root)) {
    known.add(root);
    roots.add(new WeakRef(root));
  }
  const waiting = TAGS.filter((tag) => !loading.has(tag));
  if (!waiting.length) return;
  const found = new Set<string>();
  const add = (el: Element) => {
    found.add(el.localName);
    // The criteria content in its language, fetched beside its element's files.
    if (preloads.full?.includes(el.localName)) preload(contentFiles(el));
  };
  if (root instanceof Element && waiting.includes(root.localName)) add(root);
  root.querySelectorAll(waiting.join(',')).forEach(add);
  for (const tag of found) void load(tag).catch(() => undefined);
}

if (typeof document !== 'undefined') {
  discover(document);
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener('online', rediscover);
}
