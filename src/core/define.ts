import { ContextRoot } from '@lit/context';
import { isServer } from 'lit';

import { VERSION } from './version.js';

export { VERSION };

type Versioned = CustomElementConstructor & { version?: string };
interface PageState {
  warned: Set<string>;
  /** The page's context root, once attached (`true` where another copy of the library attached it). */
  contextRoot: ContextRoot | boolean;
}

/** Shared by every copy of the library on the page, so a clash is reported once, not once per copy or tag. */
function pageState(): PageState {
  const key = Symbol.for('lc-elements.page');
  const g = globalThis as typeof globalThis & { [key: symbol]: PageState | undefined };
  return (g[key] ??= { warned: new Set(), contextRoot: false });
}

/** What @lit/context's ContextRoot keeps of one context's requests not answered yet. */
interface Pending {
  callbacks: WeakMap<Element, WeakSet<object>>;
  requests: Array<{ elementRef: WeakRef<Element>; callbackRef: WeakRef<object> }>;
}

/**
 * @lit/context's ContextRoot keeps each request no provider answered, to replay it when one comes;
 * on a page without `<lc-community>` (a partner's one rating) none comes, and a framework mounting
 * a rating all day long added one for each mount, for as long as the page stayed open. This one
 * lets go of those whose element has left the page, each time a context's list has doubled since:
 * back on the page, the element asks again (its consumer does, on connect), and is kept again.
 */
class PageContextRoot extends ContextRoot {
  private readonly limits = new WeakMap<Pending, number>();

  constructor() {
    super();
    const root = this as unknown as {
      pendingContextRequests: Map<unknown, Pending>;
      onContextRequest: (event: Event & { context: unknown }) => void;
    };
    const keep = root.onContextRequest;
    root.onContextRequest = (event) => {
      keep(event);
      const pending = root.pendingContextRequests.get(event.context);
      if (pending && pending.requests.length > (this.limits.get(pending) ?? 64)) this.letGo(pending);
    };
  }

  private letGo(pending: Pending): void {
    pending.requests = pending.requests.filter(({ elementRef, callbackRef }) => {
      const element = elementRef.deref();
      const callback = callbackRef.deref();
      if (element?.isConnected && callback) return true;
      // Forgotten as asked, so that the element's next request (back on the page) is kept again.
      if (element && callback) pending.callbacks.get(element)?.delete(callback);
      return false;
    });
    this.limits.set(pending, Math.max(64, pending.requests.length * 2));
  }
}

/**
 * Lets elements find their `<lc-community>` whatever the order in which tags are defined or
 * upgraded: a ContextRoot replays the requests of elements upgraded before their provider.
 */
function ensureContextRoot(state: PageState): void {
  // On the server (Lit SSR, even with a DOM shim that makes up a `document`) there is no page.
  if (state.contextRoot || isServer || typeof document === 'undefined') return;
  const root = new PageContextRoot();
  state.contextRoot = root;
  root.attach(document.documentElement);
}

/** The element's style sheets as built for each document it was moved to, by their text. */
const sheetsFor = new WeakMap<Document, Map<string, CSSStyleSheet>>();

/**
 * Moved to another document (an iframe, a Picture-in-Picture window: `adoptNode`), a shadow root
 * loses the style sheets built in the old one (lit/lit#4868): built again, in the new document.
 */
function restyle(this: HTMLElement): void {
  const root = this.shadowRoot;
  const doc = this.ownerDocument;
  const view = doc.defaultView;
  const styles = (this.constructor as { elementStyles?: Array<CSSStyleSheet | { cssText: string }> }).elementStyles;
  if (!root || !view || !styles || !('adoptedStyleSheets' in root)) return;
  let built = sheetsFor.get(doc);
  if (!built) sheetsFor.set(doc, (built = new Map()));
  root.adoptedStyleSheets = styles.map((style) => {
    const text =
      style instanceof CSSStyleSheet ? Array.from(style.cssRules, (r) => r.cssText).join('\n') : style.cssText;
    let sheet = built.get(text);
    if (!sheet) {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(text);
      built.set(text, sheet);
    }
    return sheet;
  });
}

/**
 * Registers a tag unless it is already registered: a portal may load the library twice (two
 * scripts, two copies). A different version already registered is reported once in the console.
 */
export function defineElement(tag: string, ctor: Versioned): void {
  const state = pageState();
  // An XML page (XHTML served as application/xhtml+xml): Lit cannot render there (it parses its
  // templates as HTML), and every element would throw. Left undefined, each shows what the page put
  // inside it; the console says why, once.
  const type = !isServer && typeof document !== 'undefined' ? document.contentType : undefined;
  if (type && type !== 'text/html') {
    if (!state.warned.has(type)) {
      state.warned.add(type);
      console.error(
        `[lc-elements] this page is served as ${type}: the elements work only in an HTML page, and are not ` +
          'defined here. Serve the page as text/html.',
      );
    }
    return;
  }
  ensureContextRoot(state);
  const existing = customElements.get(tag) as Versioned | undefined;
  if (!existing) {
    // Read by the browser when the tag is defined: set before.
    const proto = ctor.prototype as { adoptedCallback?: () => void };
    proto.adoptedCallback ??= restyle;
    customElements.define(tag, ctor);
    return;
  }
  // Once per registered version: a second copy of the library clashes on every tag, but says so once.
  const clash = existing.version ?? 'unknown';
  if (existing !== ctor && existing.version !== ctor.version && !state.warned.has(clash)) {
    state.warned.add(clash);
    console.warn(
      existing.version === undefined
        ? `[lc-elements] <${tag}> is already defined by another script, not by Learning Community Elements: ` +
            `that element is left in place (and used where lc-* elements hold a <${tag}>). Rename one of them.`
        : `[lc-elements] Learning Community Elements ${ctor.version ?? '(unknown version)'} was loaded, but version ` +
            `${existing.version} already defines <${tag}>: each lc-* tag keeps the version that defined it first, so ` +
            'elements of both versions may be on this page. Load the library once.',
    );
  }
}
