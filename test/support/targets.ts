/**
 * Target size (DESIGN.md: "44 px targets"; WCAG 2.5.5): every control an element draws, measured as
 * the page lays it out.
 */

/** The size every target must reach, in CSS px (a hair less: layout rounds to fractions of a px). */
export const TARGET = 44;
const TOLERANCE = 0.5;

/** What takes a click, a tap or the focus: native controls, ARIA widgets, anything in the tab order. */
const CONTROLS = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[tabindex]',
  '[role="button"]',
  '[role="gridcell"]',
  '[role="option"]',
  '[role="tab"]',
  '[role="checkbox"]',
  '[role="radio"]',
].join(', ');
const NATIVE = /^(a|button|input|select|textarea|summary)$/;

/** Every element inside the shadow roots of `lc-*` elements under `root` (not the page's own content). */
function shadowContent(root: ParentNode, inside = false, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    if (inside) out.push(el);
    if (el.shadowRoot) shadowContent(el.shadowRoot, inside || el.localName.startsWith('lc-'), out);
  }
  return out;
}

function nameOf(el: Element): string {
  const host = (el.getRootNode() as ShadowRoot).host?.localName ?? 'page';
  const part = el.getAttribute('part');
  const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return `<${host}> ${el.localName}${el.getAttribute('class') ? `.${el.getAttribute('class')}` : ''}${
    part ? `[part=${part}]` : ''
  } "${name}"`;
}

/**
 * The controls under `root` smaller than 44 × 44 CSS px, described with their size. A control's
 * target is its box together with its labels' (a click on a label is a click on the control); a
 * visually hidden control counts by its labels alone. Not counted: what is not drawn, and an
 * element that only takes the focus from script (`tabindex="-1"` on a heading or a box, with no
 * widget role), which is no target.
 */
export function undersizedTargets(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of shadowContent(root)) {
    if (!el.matches(CONTROLS) || !el.getClientRects().length) continue;
    if (el.getAttribute('tabindex') === '-1' && !el.hasAttribute('role') && !NATIVE.test(el.localName)) continue;
    if (getComputedStyle(el).visibility === 'hidden') continue;
    const own = el.getBoundingClientRect();
    const boxes = own.width > 2 || own.height > 2 ? [own] : [];
    const labels = (el as Partial<HTMLInputElement>).labels;
    if (labels) boxes.push(...[...labels].map((label) => label.getBoundingClientRect()));
    if (!boxes.length) {
      found.push(`${nameOf(el)}: hidden, without a label to click`);
      continue;
    }
    const width = Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
    const height = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
    if (width < TARGET - TOLERANCE || height < TARGET - TOLERANCE) {
      found.push(`${nameOf(el)}: ${width.toFixed(1)} × ${height.toFixed(1)} px`);
    }
  }
  return found;
}

/** Opens every `<details>` under `root`, in shadow roots too, so the controls inside them are drawn. */
export function openAllDetails(root: ParentNode): void {
  for (const el of shadowContent(root, true)) if (el instanceof HTMLDetailsElement) el.open = true;
}
