// What names and describes a rating's group from the page: a `<label for>` (or one around it), and
// the elements its host's `aria-labelledby` and `aria-describedby` name. Their text is read as the
// browser reads it, and followed as the page changes, by one observer for the page.
import { isElement } from '../../core/nodes.js';

/** A rating as the page's labels see it (LcSelfRating). */
export interface Labelled {
  getRootNode(): Node;
  /** A label, or an element it names by id, may have changed: drawn again if its name or description did. */
  labelsChanged(): void;
  /** The ids its host's aria-labelledby and aria-describedby name. */
  referencedIds(): string[];
}

/**
 * The text a `<label>` gives its control, or an element named by `aria-labelledby` or
 * `aria-describedby` gives its referrer, as the browser reads it: without what is hidden from
 * assistive technology (`aria-hidden`) or not rendered (`display: none`, `hidden`). An element that
 * is itself not rendered still names its control: its parts are then all read.
 */
export function labelText(label: Element): string {
  const rendered = label.checkVisibility();
  const read = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!isElement(node)) return '';
    if (node.getAttribute('aria-hidden') === 'true' || (rendered && !node.checkVisibility())) return '';
    return [...node.childNodes].map(read).join('');
  };
  return [...label.childNodes].map(read).join('');
}

/**
 * The text of the elements `ids` names in `root`, as `aria-labelledby` reads them: each one's
 * `aria-label`, else its text (see labelText); ids that name nothing are skipped.
 */
export function referencedText(root: Node, ids: string[]): string {
  const scope = root as Partial<Pick<Document, 'getElementById'>>;
  if (!scope.getElementById) return '';
  return ids
    .map((id) => {
      const el = scope.getElementById!(id);
      return el ? el.getAttribute('aria-label')?.trim() || labelText(el) : '';
    })
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The ratings that are, or may come to be, named by a `<label>` (they have an id, or sit in a
 * label), or named or described by elements of the page (their `aria-labelledby` or
 * `aria-describedby`), drawn again when a label or such an element changes: one observer for the
 * page (and each shadow root that holds such ratings), not one per rating, and none without such a
 * rating.
 */
const labelled = new Set<Labelled>();
/** Those of them that name elements by id (aria-labelledby, aria-describedby): few, if any. */
const referring = new Set<Labelled>();
let watchedRoots = new WeakSet<Node>();
let labelObserver: MutationObserver | undefined;

/** True when a change may have changed a label: inside one, or adding or removing one. */
function touchesLabel(record: MutationRecord): boolean {
  const target = isElement(record.target) ? record.target : record.target.parentElement;
  if (target?.closest('label')) return true;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.some((n) => isElement(n) && (n.localName === 'label' || !!n.querySelector('label')));
}

/**
 * True when a change may have changed the text of an element a rating names by id: inside one,
 * adding or removing one, or any element's id changed (one named may have come or gone).
 */
function touchesReferenced(record: MutationRecord, ids: Set<string>, selector: string): boolean {
  if (record.attributeName === 'id') return true;
  for (let n: Node | null = record.target; n; n = n.parentNode) {
    if (isElement(n) && ids.has(n.id)) return true;
  }
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.some((n) => isElement(n) && (ids.has(n.id) || !!n.querySelector(selector)));
}

function onPageChange(records: MutationRecord[]): void {
  if (records.some(touchesLabel)) {
    for (const r of labelled) r.labelsChanged();
    return;
  }
  // Only a page with ratings that name elements by id looks further.
  if (!referring.size) return;
  const ids = new Set([...referring].flatMap((r) => r.referencedIds()));
  const selector = [...ids].map((id) => `#${CSS.escape(id)}`).join(',');
  if (!selector || !records.some((record) => touchesReferenced(record, ids, selector))) return;
  for (const r of referring) r.labelsChanged();
}

export function watchLabels(rating: Labelled, refers: boolean): void {
  labelled.add(rating);
  if (refers) referring.add(rating);
  else referring.delete(rating);
  labelObserver ??= new MutationObserver(onPageChange);
  const root = rating.getRootNode();
  if (watchedRoots.has(root)) return;
  watchedRoots.add(root);
  labelObserver.observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    // aria-label: an element named by id reads as its aria-label, when it has one.
    attributeFilter: ['for', 'id', 'aria-hidden', 'hidden', 'aria-label'],
  });
}

export function unwatchLabels(rating: Labelled): void {
  labelled.delete(rating);
  referring.delete(rating);
  if (labelled.size || !labelObserver) return;
  labelObserver.disconnect();
  labelObserver = undefined;
  watchedRoots = new WeakSet();
}
