import { sendKeys } from '@web/test-runner-commands';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import type { Actor, Tie } from '../src/core/envelope.js';
import { waitFor } from './support/helpers.js';

/** Four actors across four sectors, and two ties. */
export const smallActors: Actor[] = [
  { id: 'town', name: 'Town hall', sector: 'public-authority' },
  { id: 'college', name: 'City College', sector: 'education' },
  { id: 'bank', name: 'Savings Bank', sector: 'business-finance' },
  { id: 'club', name: 'Sport Club', sector: 'civil-society-sport' },
];
export const smallTies: Tie[] = [
  { source: 'town', target: 'college', level: 3, independent: false },
  { source: 'bank', target: 'club', level: 2, independent: true },
];

export const $ = <T extends Element = HTMLElement>(el: LcPartnershipMatrix, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: LcPartnershipMatrix, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** The data cells, row by row (row 0 of the grid is the column headers). */
export function cellAt(el: LcPartnershipMatrix, row: number, col: number): HTMLElement {
  const rows = $$(el, '[role="row"]').slice(1);
  const cell = rows[row]?.querySelectorAll<HTMLElement>('[role="gridcell"]')[col];
  if (!cell) throw new Error(`no cell ${row},${col}`);
  return cell;
}

export const focused = (el: LcPartnershipMatrix) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Row and column of the focused cell. */
export function focusedCell(el: LcPartnershipMatrix): [number, number] | undefined {
  const active = focused(el);
  if (!active || active.getAttribute('role') !== 'gridcell') return undefined;
  const rows = $$(el, '[role="row"]').slice(1);
  const row = rows.indexOf(active.parentElement!);
  const col = [...active.parentElement!.querySelectorAll('[role="gridcell"]')].indexOf(active);
  return [row, col];
}

export async function press(key: string) {
  await sendKeys({ press: key });
}

/** The level a pair holds in the element's data (0 when there is no tie). */
export function levelOf(el: LcPartnershipMatrix, a: string, b: string): number {
  const tie = el.ties.find(
    (t) => (t.source === a && t.target === b) || (!el.directed && t.source === b && t.target === a),
  );
  return tie?.level ?? 0;
}

export function countChanges(el: Element) {
  const seen = { change: 0 };
  el.addEventListener('change', () => seen.change++);
  return seen;
}

/** Sets a text field's value the way typing does (an `input` event), without typing 10 kB of JSON key by key. */
export function fill(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function actorsOf(n: number): Actor[] {
  const sectors = ['public-authority', 'education', 'business-finance', 'civil-society-sport', 'culture'];
  return Array.from({ length: n }, (_, i) => ({ id: `a${i + 1}`, name: `Actor ${i + 1}`, sector: sectors[i % 5]! }));
}

/**
 * A key of its own for each element's map (`draft-key`): the element keeps what the person builds
 * on the device, and test pages running side by side share the device's store, so two tests must
 * never build one map.
 */
export const uid = () => `t-${Math.random().toString(36).slice(2)}`;

/** Adds an actor the way a person does: the Actors panel, a name typed, a sector chosen, Enter. */
export async function addActor(el: LcPartnershipMatrix, name: string, sectorId: string) {
  const panel = $<HTMLDetailsElement>(el, '[part="actors"]')!;
  if (!panel.open) {
    $<HTMLElement>(el, '[part="actors"] > summary')!.click();
    await el.updateComplete;
  }
  (await waitFor(() => $<HTMLInputElement>(el, '#add-name'), 'the Actors panel')).focus();
  await sendKeys({ type: name });
  const sector = $<HTMLSelectElement>(el, '#add-sector')!;
  sector.value = sectorId;
  sector.dispatchEvent(new Event('change'));
  $<HTMLInputElement>(el, '#add-name')!.focus();
  await press('Enter');
  await el.updateComplete;
}
