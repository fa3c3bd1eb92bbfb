import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** One cell as the row shows it. */
export interface CellSpec {
  /** The class list: `l0`…`l4`, plus `ind` or `self`. */
  cls: string;
  /** The accessible name; it contains `text` (WCAG 2.5.3). */
  label: string;
  /** The visible text: the level's digit, or nothing. */
  text: string;
  tabindex: '0' | '-1';
  /** The diagonal: disabled. */
  self: boolean;
}

export interface RowSpec {
  header: string;
  current: boolean;
  cells: CellSpec[];
}

let prototypeCell: HTMLElement | undefined;
let prototypeHeader: HTMLElement | undefined;

/**
 * Renders the children of a grid row (its header and one element per cell) straight into the DOM
 * and patches only what changed: a cell is one `<div>` with its state in attributes, no template
 * instance, no marker comments, no listener. `key` changes when the row must be rebuilt; `build`
 * is only called then, so an edit elsewhere costs this row one string comparison.
 */
class LeanRowDirective extends Directive {
  private key: unknown = undefined;
  private header: HTMLElement | undefined;
  private cells: HTMLElement[] = [];
  private last: CellSpec[] = [];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('leanRow() belongs on the row element');
  }

  render(_key: unknown, _build: () => RowSpec): unknown {
    return noChange;
  }

  override update(part: ElementPart, [key, build]: [unknown, () => RowSpec]): unknown {
    if (key === this.key) return noChange;
    this.key = key;
    const row = part.element as HTMLElement;
    const spec = build();
    if (!this.header) {
      prototypeHeader ??= makePrototype('rowheader', 'row-header');
      this.header = prototypeHeader.cloneNode(false) as HTMLElement;
      row.append(this.header);
    }
    const headerClass = spec.current ? 'rh current' : 'rh';
    if (this.header.className !== headerClass) this.header.className = headerClass;
    if (this.header.textContent !== spec.header) this.header.textContent = spec.header;

    const fresh = document.createDocumentFragment();
    const { cells, last } = this;
    for (let j = 0; j < spec.cells.length; j++) {
      const want = spec.cells[j]!;
      let el = cells[j];
      const had = last[j];
      if (!el) {
        prototypeCell ??= makePrototype('gridcell', 'cell');
        el = prototypeCell.cloneNode(false) as HTMLElement;
        cells[j] = el;
        fresh.append(el);
      }
      if (had?.cls !== want.cls) el.className = want.cls;
      if (had?.tabindex !== want.tabindex) el.setAttribute('tabindex', want.tabindex);
      if (had?.label !== want.label) el.setAttribute('aria-label', want.label);
      if (had?.text !== want.text) el.textContent = want.text;
      if (had?.self !== want.self) {
        if (want.self) el.setAttribute('aria-disabled', 'true');
        else el.removeAttribute('aria-disabled');
      }
      last[j] = want;
    }
    if (fresh.childNodes.length) row.append(fresh);
    while (cells.length > spec.cells.length) {
      cells.pop()!.remove();
      last.pop();
    }
    return noChange;
  }
}

function makePrototype(role: string, part: 'row-header' | 'cell'): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('role', role);
  el.setAttribute('part', part);
  return el;
}

/** `<div role="row" ${leanRow(key, () => spec)}></div>` */
export const leanRow = directive(LeanRowDirective);
