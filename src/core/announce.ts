import { closestAcrossShadow } from './nodes.js';

/** A polite message for the whole page, in its language: "The criteria have loaded." */
export interface Announcement {
  text: string;
  lang: string;
  dir: 'ltr' | 'rtl';
}

/**
 * Says `message` in `region`, a polite live region (`role="status"`) that was on the page, empty,
 * before it: one that appears together with its text is not announced. The text is a new node
 * each time, so the same message said again is announced again.
 */
export function say(region: Element, message: Announcement): void {
  const line = region.ownerDocument.createElement('span');
  line.textContent = message.text;
  line.lang = message.lang;
  line.dir = message.dir;
  region.replaceChildren(line);
}

/** Empties `region` (a message no longer true, such as "loaded" when the criteria failed again). */
export function unsay(region: Element | null | undefined): void {
  region?.replaceChildren();
}

/** The region of the page for elements outside any `<lc-community>` (see pageRegion). */
let page: HTMLElement | undefined;
/** The region of each modal dialog with such an element in it (see pageRegion). */
const inDialog = new WeakMap<Element, HTMLElement>();

/**
 * A polite live region at the end of the page's `<body>`, out of sight, for an element outside any
 * `<lc-community>` (whose region says it otherwise): made when the element shows a failure, so it
 * is on the page, empty, well before the recovery it will announce. One for the page; for an element
 * in an open modal `<dialog>` (which makes the rest of the page inert, unheard), one at the end of
 * that dialog.
 */
export function pageRegion(near?: Element): HTMLElement {
  // The open modal dialog it is in, across shadow roots, if any.
  const dialog = near && closestAcrossShadow(near, 'dialog:modal');
  if (dialog) {
    let region = inDialog.get(dialog);
    if (region?.parentNode !== dialog)
      inDialog.set(dialog, (region = dialog.appendChild(newRegion(dialog.ownerDocument))));
    return region;
  }
  if (page?.isConnected) return page;
  page = document.body.appendChild(newRegion(document));
  return page;
}

function newRegion(doc: Document): HTMLElement {
  const region = doc.createElement('div');
  region.setAttribute('role', 'status');
  region.dataset['lcAnnouncements'] = '';
  // Out of sight, still in the accessibility tree (set through the CSSOM, which a page's
  // Content-Security-Policy allows, unlike a style attribute in markup).
  Object.assign(region.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: '0',
  });
  return region;
}
