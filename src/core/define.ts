import { ContextRoot } from '@lit/context';
import { isServer } from 'lit';

import { VERSION } from './version.js';

export { VERSION };

type Versioned = CustomElementConstructor & { version?: string };
interface PageState {
  warned: Set<string>;
  contextRoot: boolean;
}

/** Shared by every copy of the library on the page, so a clash is reported once, not once per copy or tag. */
function pageState(): PageState {
  const key = Symbol.for('lc-elements.page');
  const g = globalThis as typeof globalThis & { [key: symbol]: PageState | undefined };
  return (g[key] ??= { warned: new Set(), contextRoot: false });
}

/**
 * Lets elements find their `<lc-community>` whatever the order in which tags are defined or
 * upgraded: a ContextRoot replays the requests of elements upgraded before their provider.
 */
function ensureContextRoot(state: PageState): void {
  // On the server (Lit SSR, even with a DOM shim that makes up a `document`) there is no page.
  if (state.contextRoot || isServer || typeof document === 'undefined') return;
  state.contextRoot = true;
  new ContextRoot().attach(document.documentElement);
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
