import { adoptStyles, isServer, type LitElement, type ReactiveController } from 'lit';

/**
 * For an element's `createRenderRoot` (`firstPaintRoot(this, () => super.createRenderRoot())`): the
 * root its first render draws in, which shows something until then. An element's first render
 * waits for its strings and criteria (a second or more on a slow connection), and a shadow root
 * with nothing in it would hide what the page put inside the element, shown until it was defined:
 * a placeholder, a notice, a card's rating. So the page's content stays on show (through a `<slot>`)
 * until that render, or the server's markup does (see serverShadowRoot).
 */
export function firstPaintRoot(
  host: LitElement,
  attach: () => HTMLElement | DocumentFragment,
): HTMLElement | DocumentFragment {
  const served = serverShadowRoot(host);
  if (served) return served;
  const root = attach();
  const slot = (root.ownerDocument ?? document).createElement('slot');
  // For the element's styles, should some of what it shows until then be left out (see the card's).
  slot.className = 'first-paint';
  root.append(slot);
  removeOnFirstUpdate(host, [slot]);
  return root;
}

/** Removes `nodes` as the element's first render begins: in the same task, so nothing shows blank meanwhile. */
function removeOnFirstUpdate(host: LitElement, nodes: ChildNode[]): void {
  const remove: ReactiveController = {
    hostUpdate() {
      for (const node of nodes) node.remove();
      host.removeController(remove);
    },
  };
  host.addController(remove);
}

/**
 * For an element's `createRenderRoot`: the shadow root the server drew it in (Lit SSR sends it as a
 * declarative shadow root), with the element's styles, for its first render to draw it afresh;
 * `undefined` when there is none (the element then attaches its own, as usual). The server's
 * markup stays on show until that render replaces it, in the same task: the element never shows
 * blank meanwhile (a card's first render waits for its criteria to load).
 *
 * The server's markup is a first paint, not hydrated: the server has no page around the element
 * (its card, its label, its width), no community to ask for settings, and loads no criteria,
 * translations or data, so the browser's first render differs from it. Lit's hydration (which
 * Astro's Lit integration loads) would stop at the first difference, and without it Lit would
 * render next to the server's markup, showing everything twice.
 */
function serverShadowRoot(host: LitElement): ShadowRoot | undefined {
  const root = isServer ? null : host.shadowRoot;
  if (!root) return undefined;
  const served = [...root.childNodes];
  adoptStyles(root, (host.constructor as typeof LitElement).elementStyles);
  // As LitElement's own: styles adopted as <style> elements (where the browser has no adopted
  // style sheets) come after what the element renders.
  host.renderOptions.renderBefore ??= root.childNodes[served.length] ?? null;
  removeOnFirstUpdate(host, served);
  return root;
}
