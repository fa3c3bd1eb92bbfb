import { css } from 'lit';
import { visuallyHidden } from '../../core/shared-styles.js';

export const styles = css`
  :host {
    display: block;
    color: var(--lc-results-text, var(--lc-text-color, inherit));
    font: inherit;
    /* The chart is drawn on the page: its lines mixed a little with the page's text colour keep
       3:1 on a page dark by its colours alone. */
    --_current: var(--lc-results-current, var(--lc-accent, color-mix(in oklab, var(--_lc-accent) 85%, currentColor)));
    --_compare: var(--lc-results-compare, color-mix(in oklab, light-dark(#8a5a00, #ffb86b) 85%, currentColor));
    --_grid: var(--lc-results-grid, #8a8f98);
    --_muted: var(--_lc-muted);
    --_border: var(--_lc-border);
    --_focus: var(--lc-focus-color, var(--lc-focus-ring, var(--lc-accent, var(--_lc-focus))));
    --_radius: var(--lc-radius, 6px);
    --_surface: var(--_lc-surface);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  .base {
    display: grid;
    /* One column as wide as the element: a wide table or chart never widens the page (reflow at 320 px). */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--lc-space, 1em);
    overflow-wrap: break-word;
  }
  .heading {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.25;
  }
  .divergence .heading,
  .perspectives .heading {
    font-size: 1.125em;
    margin-block-end: 0.5em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0.25em 0 0;
    color: var(--_muted);
  }
  .status,
  .empty,
  .intro {
    margin: 0;
  }
  .perspectives .intro {
    margin-block-end: 0.5em;
  }

  /* Toolbar */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em 0.75em;
  }
  .picker {
    display: inline-flex;
    flex-direction: column;
    gap: 0.25em;
    max-inline-size: 100%;
    font-size: 0.875em;
  }
  /* A long round name does not widen the picker past the element (the open list shows it whole). */
  .picker select {
    max-inline-size: 100%;
  }
  button,
  select {
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0.5em 0.875em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--lc-results-text, var(--_lc-text));
    font: inherit;
  }
  button {
    cursor: pointer;
  }
  button:hover {
    border-color: var(--_current);
  }
  button:focus-visible,
  select:focus-visible,
  .table-area:focus-visible,
  #heading:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  #heading:focus:not(:focus-visible) {
    outline: none;
  }
  /* Empty but present: a live region must be in the accessibility tree before it speaks. */
  .status:empty {
    ${visuallyHidden}
    /* Its static place, within the element's box at either reading direction. */
    margin: 0;
  }

  /* Chart and table side by side when there is room */
  .overview {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 1.5em;
  }
  .chart-area {
    position: relative;
    flex: 1 1 22em;
    max-inline-size: 44em;
    min-inline-size: 0;
  }
  .chart {
    display: block;
    inline-size: 100%;
    block-size: auto;
    overflow: visible;
    font-family: inherit;
  }
  .grid {
    fill: none;
    stroke: var(--_grid);
    stroke-width: 1;
  }
  .scale {
    fill: var(--_muted);
  }
  .labels {
    fill: currentColor;
  }
  .current-line {
    fill: var(--_current);
    fill-opacity: 0.14;
    stroke: var(--_current);
    stroke-width: 2.5;
  }
  .compare-line {
    fill: none;
    stroke: var(--_compare);
    stroke-width: 2;
    stroke-dasharray: 6 4;
  }
  .compare-dot {
    fill: var(--_surface);
    stroke: var(--_compare);
    stroke-width: 1.5;
  }
  .dot {
    fill: var(--_current);
    stroke: var(--_surface);
    stroke-width: 1.5;
  }
  .point {
    cursor: default;
    outline: none;
  }
  .hit {
    fill: transparent;
    stroke: none;
  }
  .focus-ring {
    visibility: hidden;
    fill: none;
    stroke: var(--_focus);
    stroke-width: 3;
  }
  .point:focus-visible .focus-ring {
    visibility: visible;
  }
  /* The point whose tooltip shows (the pointer's is the nearest point, not the circle on top). */
  .point.tip .dot,
  .point:focus .dot {
    stroke: currentColor;
  }
  .tooltip {
    position: absolute;
    z-index: 1;
    inline-size: max-content;
    max-inline-size: min(18em, 100%);
    padding: 0.375em 0.625em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--lc-tooltip-background, light-dark(#1b1d21, #e8eaf0));
    color: var(--lc-tooltip-text, light-dark(#fff, #1b1d21));
    font-size: 0.875em;
    line-height: 1.35;
    pointer-events: none;
    /* Centred over a point in the middle, its start or end at a point near an edge: never past the chart. */
    translate: calc(var(--_tip-x, 0.5) * -100%) calc(-100% - 14px);
    transition: opacity 120ms ease-out;
  }
  .tip-line {
    display: block;
  }
  .tip-line + .tip-line {
    margin-block-start: 0.25em;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }
  .swatch {
    flex: none;
  }

  /* Tables */
  .table-area {
    /* Also the containing block of the visually hidden texts in the table, which then scroll with it. */
    position: relative;
    flex: 1 1 20em;
    min-inline-size: 0;
    max-inline-size: 100%;
    overflow-x: auto;
    /* Its width, for the caption (cqi): set by the layout, never by the table inside. */
    container-type: inline-size;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-variant-numeric: tabular-nums;
  }
  /* A table wider than its area scrolls sideways; its caption stays in view, as wide as the area. */
  caption {
    position: sticky;
    inset-inline-start: 0;
    max-inline-size: 100cqi;
    margin-block-end: 0.5em;
    font-weight: 600;
    text-align: start;
  }
  th,
  td {
    padding: 0.5em 0.625em;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    font-size: 0.875em;
    vertical-align: bottom;
  }
  th[scope='row'] {
    font-weight: 500;
  }
  /* A row's number on the chart, when the chart numbers its axes (titles that would overlap). */
  th .key {
    display: inline-block;
    min-inline-size: 1.75em;
    margin-inline-end: 0.125em;
    padding: 0 0.25em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-weight: 700;
    text-align: center;
  }
  .num {
    text-align: end;
  }
  td.num {
    white-space: nowrap;
  }
  td .value,
  td .n {
    display: block;
  }
  /* Read, not seen: no size, in the flow of the line (see renderGroupCell). */
  td .comma {
    font-size: 0;
  }
  td .n {
    color: var(--_muted);
    font-size: 0.8125em;
  }
  td.hidden {
    color: var(--_muted);
    font-style: italic;
  }

  /* Notes and divergence */
  .note {
    margin: 0;
    color: var(--_muted);
  }
  .anonymity,
  .other-set {
    padding: 0.625em 0.875em;
    border-inline-start: 4px solid var(--_grid);
    background: var(--lc-note-background, light-dark(#f4f5f7, #2a2e37));
    color: var(--lc-results-text, var(--_lc-text));
  }
  .anonymity p {
    margin: 0;
  }
  .anonymity p + p {
    margin-block-start: 0.25em;
  }
  .gaps {
    display: grid;
    gap: 0.75em;
    margin: 0.75em 0 0;
    /* Room for the numbers with wider letter spacing too (WCAG 1.4.12): they hang in this padding. */
    padding-inline-start: 2.25em;
    /* Its one track is as wide as the longest word ("samarbejdspartnere" in a page's large font),
       which break-word does not shorten: past the column, in a 280 px sidebar. Such a word breaks. */
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .gaps p {
    margin: 0;
  }
  .gaps .answers,
  .gaps .gap {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .prompt {
    margin-block-start: 0.25em !important;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_current);
    font-style: italic;
  }

  /* On paper nothing scrolls: a table beside the chart was cut at its area's edge. The table goes
     under the chart, as wide as the page, and shows every column. A row stays on one page (a mean
     on one page and its count on the next reads as two rows). */
  @media print {
    /* Nothing to choose, show, hide or download on paper. The round compared with is named by the
       legend and the table's "Change since" column, or by the status when it has nothing to show. */
    .toolbar {
      display: none;
    }
    .overview > * {
      flex-basis: 100%;
    }
    .table-area {
      overflow: visible;
    }
    tr {
      break-inside: avoid;
    }
  }

  @media (forced-colors: active) {
    .grid {
      stroke: GrayText;
    }
    .scale,
    .labels {
      fill: CanvasText;
    }
    .current-line {
      fill: none;
      stroke: Highlight;
    }
    .compare-line {
      stroke: CanvasText;
    }
    .compare-dot {
      fill: Canvas;
      stroke: CanvasText;
    }
    .dot {
      fill: Highlight;
      stroke: Canvas;
    }
    .focus-ring {
      stroke: CanvasText;
    }
    .tooltip {
      border-color: CanvasText;
      background: Canvas;
      color: CanvasText;
    }
    .anonymity {
      border-color: CanvasText;
    }
    .prompt {
      border-color: CanvasText;
    }
    button:focus-visible,
    select:focus-visible,
    .table-area:focus-visible,
    #heading:focus-visible {
      outline-color: Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .tooltip {
      transition: none;
    }
  }
`;
