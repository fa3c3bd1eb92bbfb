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

/**
 * A polite live region at the end of the page's `<body>`, out of sight, for an element outside any
 * `<lc-community>` (whose region says it otherwise): made when the element shows a failure, so it
 * is on the page, empty, well before the recovery it will announce. One for the page.
 */
export function pageRegion(): HTMLElement {
  if (page?.isConnected) return page;
  page = document.createElement('div');
  page.setAttribute('role', 'status');
  page.dataset['lcAnnouncements'] = '';
  // Out of sight, still in the accessibility tree (set through the CSSOM, which a page's
  // Content-Security-Policy allows, unlike a style attribute in markup).
  Object.assign(page.style, {
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
  document.body.append(page);
  return page;
}
