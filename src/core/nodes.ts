/**
 * Node tests by node type, not `instanceof`: a node of another document (a same-origin iframe an
 * element was moved into) belongs to that window, whose `Element` and `ShadowRoot` are not this
 * window's, so `instanceof` says no to it. Nothing is allocated: the locale lookup runs on every
 * update of every element.
 */

const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;

/** True for an element, of any document. */
export function isElement(node: unknown): node is Element {
  return (node as Node | null | undefined)?.nodeType === ELEMENT_NODE;
}

/** The host of a shadow root (of any document); null for any other node. */
export function shadowHost(node: Node): Element | null {
  // A document fragment that is not a shadow root has no host.
  return node.nodeType === DOCUMENT_FRAGMENT_NODE ? ((node as ShadowRoot).host ?? null) : null;
}

/** The next node out: the parent, or, from a shadow root, its host. */
export function parentAcrossShadow(node: Node): Node | null {
  return node.parentNode ?? shadowHost(node);
}

/** The nearest element matching `selector`, from `el` outwards, across shadow roots. */
export function closestAcrossShadow(el: Element, selector: string): Element | null {
  for (let node: Element | null = el; node; node = shadowHost(node.getRootNode())) {
    const found = node.closest(selector);
    if (found) return found;
  }
  return null;
}
