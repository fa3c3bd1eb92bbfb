import { css } from 'lit';
import { visuallyHidden } from '../../core/shared-styles.js';

export const styles = css`
  :host {
    display: block;
    --_accent: var(--lc-matrix-accent, var(--lc-accent, var(--_lc-accent)));
    /* A cell is a 44 px target at least, and grows with the text. Every box that reads it has the
       host's font size (smaller header text is set on the text inside), so the columns line up. The
       header's width is one length for boxes of either size: rem. */
    --_cell: var(--lc-matrix-cell-size, max(44px, 2.75em));
    --_header: var(--lc-matrix-header-size, 11rem);
    --_line: var(--lc-border-color, light-dark(#8a8f98, #6b7280));
    /* The text on what the matrix paints (its grid, picker, buttons, fields); on the page, the page's. */
    --_text: var(--lc-text-color, light-dark(#1b1d21, #e8eaf0));
    --_muted: var(--lc-muted-text, var(--lc-muted-color, var(--_lc-muted)));
    --_surface: var(--_lc-surface);
    --_subtle: var(--lc-surface-subtle, var(--lc-surface, light-dark(#f3f4f6, #2a2e37)));
    --_focus: var(--lc-focus-color, var(--lc-focus-ring, var(--lc-matrix-accent, var(--lc-accent, var(--_lc-focus)))));
    --_radius: var(--lc-radius, 6px);
    --_independent: var(--lc-matrix-independent, light-dark(#8a4b00, #ffb347));
    /* Tints of the accent over the surface: light on a light theme, dark on a dark one, so the
       text colour on them keeps its contrast either way. */
    --_current: var(--lc-matrix-current, color-mix(in srgb, var(--_accent) 12%, var(--_surface)));
    color: var(--lc-text-color, inherit);
    font: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  [part='base'] {
    display: grid;
    gap: 0.75em;
    min-inline-size: 0;
    /* A word longer than the line (the heading's "Partnerschaften", a figure's name, in a page's
       large font in a 280 px sidebar) breaks, as in <lc-criterion-card>: otherwise it sets the
       grid's one track, and the element, wider than the column (WCAG 1.4.10). */
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  /* The grid and the heatmap keep their words whole: they scroll sideways in their own area. */
  .grid,
  .heatmap {
    overflow-wrap: normal;
    hyphens: manual;
  }
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    line-height: 1.25;
  }
  p {
    margin: 0;
  }
  [part='intro'],
  [part='help'],
  .hint {
    color: var(--_muted);
  }
  [part='help'] {
    font-size: 0.875em;
  }
  [part='current'] {
    min-block-size: 1.5em;
    font-weight: 600;
  }

  /* ---- the grid: one lean cell per pair, no per-cell listeners ---- */
  .scroller {
    inline-size: fit-content;
    max-inline-size: 100%;
    box-sizing: border-box;
    overflow: auto;
    max-block-size: var(--lc-matrix-max-height, 70vh);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    /* The grid is painted: its text with it. */
    background: var(--_surface);
    color: var(--_text);
    /* A cell the focus moves to is scrolled out from under the sticky column headers: --_head is
       their height, measured by the element (10em until it is). */
    scroll-padding-block-start: var(--_head, 10em);
    scroll-padding-inline-start: var(--_header);
    contain: paint;
  }
  .grid {
    /* --_matrix-n: the number of actors, set on the grid by the element. */
    inline-size: calc(var(--_header) + var(--_matrix-n, 1) * var(--_cell));
  }
  .row {
    display: flex;
  }
  /* Rows out of view are neither laid out nor painted: a 60 × 60 grid costs what a screenful costs.
     Chromium leaves such rows out of the accessibility tree: the grid's aria-rowcount and each row's
     aria-rowindex keep "row 40 of 61" true for a screen reader all the same. */
  .row:not(.head) {
    content-visibility: auto;
    contain-intrinsic-size: auto calc(var(--_header) + var(--_matrix-n, 1) * var(--_cell)) auto var(--_cell);
  }
  .row > * {
    flex: none;
    box-sizing: border-box;
    border-block-end: 1px solid var(--_line);
    border-inline-end: 1px solid var(--_line);
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    align-items: stretch;
    background: var(--_surface);
    font-weight: 600;
  }
  .head > * {
    display: flex;
    align-items: flex-end;
    justify-content: center;
    background: var(--_surface);
    padding-block: 0.25em;
  }
  .corner,
  .col > span,
  .rh {
    font-size: 0.875em;
  }
  .head .col {
    inline-size: var(--_cell);
    font-weight: 500;
  }
  /* A long name wraps onto a second line (the column is as wide as two) rather than being cut; a
     Latin name in a right-to-left grid still runs left to right (plaintext), so nothing is reordered
     and a cut, if a very long name needs one, takes its end, not its start. Every name is whole in
     its row header. */
  .col > span {
    writing-mode: sideways-lr;
    max-inline-size: 16em;
    overflow: hidden;
    unicode-bidi: plaintext;
    text-wrap: balance;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-height: 1.15;
  }
  @supports not (writing-mode: sideways-lr) {
    .col > span {
      writing-mode: vertical-rl;
      transform: rotate(180deg);
    }
  }
  .corner,
  .rh {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    inline-size: var(--_header);
    padding-inline: 0.5em;
    background: var(--_surface);
    text-align: start;
  }
  .head > .corner {
    justify-content: flex-start;
  }
  /* The whole name, on as many lines as it needs: the row grows taller than its cells' square. */
  .rh {
    display: flex;
    align-items: center;
    min-block-size: var(--_cell);
    padding-block: 0.25em;
    line-height: 1.25;
    font-weight: 500;
    unicode-bidi: plaintext;
    /* A name of one long word (German "Sparkassenkulturstiftung") breaks inside its header rather
       than running over the cells beside it: the grid's words-whole rule is for the columns. */
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .head > .current,
  .rh.current {
    background: var(--_current);
    box-shadow: inset 0 -3px 0 var(--_accent);
  }
  .rh.current {
    box-shadow: inset -3px 0 0 var(--_accent);
  }
  [dir='rtl'] .rh.current {
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  [role='gridcell'] {
    inline-size: var(--_cell);
    /* As tall as its row: a square, or the height of a row header holding a long name. */
    min-block-size: var(--_cell);
    display: flex;
    align-items: center;
    justify-content: center;
    text-align: center;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    cursor: pointer;
  }
  [role='gridcell']:focus {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
    /* Two-tone: a band of the surface inside the ring, so it shows on every level's colour (the
       ring alone was 1.3:1 on a level-3 cell). */
    box-shadow: inset 0 0 0 5px var(--_surface);
  }
  .self {
    cursor: default;
    background: repeating-linear-gradient(45deg, transparent 0 4px, var(--_subtle) 4px 8px);
  }

  /* Levels: a ramp that keeps 4.5:1 for the digit on every step. The two light ones are tints of
     the accent over the surface, under the text colour; the two dark ones carry white digits. */
  .l0 {
    background: var(--lc-matrix-level-0, var(--_surface));
  }
  .l1 {
    background: var(--lc-matrix-level-1, color-mix(in srgb, var(--_accent) 10%, var(--_surface)));
  }
  .l2 {
    background: var(--lc-matrix-level-2, color-mix(in srgb, var(--_accent) 30%, var(--_surface)));
  }
  .l3 {
    background: var(--lc-matrix-level-3, #2f6cc4);
    color: #ffffff;
  }
  .l4 {
    background: var(--lc-matrix-level-4, #123d7a);
    color: #ffffff;
  }
  /* "Works without a public authority": a corner mark, a shape as well as a colour (no extra box). */
  .ind {
    background-image: linear-gradient(to bottom left, var(--_independent) 0 0.6em, transparent 0.6em);
  }
  [dir='rtl'] .ind {
    background-image: linear-gradient(to bottom right, var(--_independent) 0 0.6em, transparent 0.6em);
  }
  /* On the two dark levels the mark is light, so it keeps 3:1 against the cell. */
  .l3.ind,
  .l4.ind {
    --_independent: var(--lc-matrix-independent-on-dark, #ffd58a);
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    font-size: 0.875em;
  }
  .key {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  /* In the legend and in the picker's options: the box follows the text beside it. */
  .swatch {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75em;
    block-size: 1.75em;
    border: 1px solid var(--_line);
    font-weight: 600;
    font-size: 0.9em;
    box-sizing: border-box;
  }
  /* A swatch outside the grid (the legend) paints its text with its tint. No more specific than a
     level's own rule, so the forced colours' rule for the levels (later) still wins. */
  .swatch:where(.l0, .l1, .l2) {
    color: var(--_text);
  }

  /* ---- the one shared picker ---- */
  [part='picker'] {
    position: fixed;
    inset: auto;
    margin: 0;
    box-sizing: border-box;
    inline-size: min(20em, calc((100vw - 8px) / var(--_zoom, 1)));
    /* Never wider or taller than the window, however small: it scrolls instead, with every control
       on screen. Viewport units are zoomed with the element, so under a CSS zoom around it (set
       from the element as --_zoom) the window's size is divided by that zoom. */
    max-block-size: calc((100dvh - 8px) / var(--_zoom, 1));
    overflow: auto;
    padding: 0.5em;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.2);
  }
  .picker.fallback {
    display: none;
    z-index: 1000;
  }
  .picker.fallback.open {
    display: block;
  }
  .options {
    display: grid;
    gap: 2px;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 44px;
    padding-inline: 0.5em;
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  .option[aria-selected='true'] {
    font-weight: 700;
    background: var(--_current);
  }
  .option:hover {
    background: var(--_subtle);
  }
  .option:focus-visible,
  .option:focus {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 44px;
  }
  .check input {
    /* Its size whatever the text beside it: a long label in a narrow row would squash it. */
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
  }

  /* ---- buttons and fields ---- */
  .button {
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0.5em 1em;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_lc-accent-text);
    font-weight: 600;
  }
  .button[aria-disabled='true'] {
    opacity: 0.65;
    cursor: progress;
  }
  /* Send, with the map sent as it is shown: nothing is under way. */
  .button.done[aria-disabled='true'] {
    cursor: default;
  }
  .field {
    box-sizing: border-box;
    min-block-size: 44px;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    max-inline-size: 100%;
  }
  .field[aria-invalid='true'] {
    border: 2px solid var(--_lc-error);
  }
  .field-error {
    color: var(--_lc-page-error);
    font-weight: 600;
  }
  .field-error:empty {
    display: none;
  }
  .heatmap-wrap:focus-visible,
  .button:focus-visible,
  .field:focus-visible,
  .file:focus-visible,
  summary:focus-visible,
  .check input:focus-visible,
  #title:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* The heading takes the focus from a button that goes away (Try again, Keep only mine): no ring for a pointer. */
  #title:focus:not(:focus-visible) {
    outline: none;
  }
  .stack {
    display: grid;
    gap: 0.25em;
  }

  /* ---- narrow: one actor's ties as a list ---- */
  .list {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em;
  }
  .list .ties {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
  }
  .tie {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    padding: 0.5em;
    border: 1px solid var(--_line);
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .tie.l1,
  .tie.l2,
  .tie.l3,
  .tie.l4 {
    background: var(--_surface);
    color: var(--_text);
  }
  /* Stronger ties, darker marks on a light surface, lighter on a dark one. */
  .tie.l1 {
    border-inline-start-color: light-dark(#bcd2f2, #3b4d6e);
  }
  .tie.l2 {
    border-inline-start-color: light-dark(#6f9ad8, #5a7bb0);
  }
  .tie.l3 {
    border-inline-start-color: light-dark(#2f6cc4, #8ab4ff);
  }
  .tie.l4 {
    border-inline-start-color: light-dark(#123d7a, #c6dbff);
  }
  .who-line {
    flex: 1 1 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5em;
  }
  .tie .who {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  /* The closed actor picker shows a long name whole, on as many lines as it needs, where a select
     can be styled (appearance: base-select); elsewhere it is one line, and the heading under it
     names the actor whole. Its options' labels isolate the name (see named()). */
  @supports (appearance: base-select) {
    #list-actor,
    #list-actor::picker(select) {
      appearance: base-select;
    }
    #list-actor {
      white-space: normal;
      overflow-wrap: anywhere;
    }
  }
  .tie .sector {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .tie select {
    flex: 1 1 9em;
    /* A select is as wide as its longest option unless told it may shrink (320 px, text spacing). */
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .tie .check {
    flex: 1 1 12em;
  }

  /* ---- figures ---- */
  .figures {
    display: grid;
    gap: 0.5em;
  }
  .numbers {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr));
    gap: 0.5em;
    margin: 0;
  }
  .numbers > div {
    padding: 0.5em 0.75em;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  .numbers > div.wide {
    grid-column: 1 / -1;
  }
  .numbers dt {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .numbers dd {
    margin: 0;
    font-size: 1.25em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .numbers .wide dd {
    font-size: 1em;
    font-weight: 400;
  }
  .strongest {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  .heatmap-wrap {
    overflow-x: auto;
    /* Its width, for the caption (cqi): set by the layout, never by the table inside. */
    container-type: inline-size;
  }
  .heatmap {
    border-collapse: collapse;
    font-size: 0.875em;
  }
  /* A heatmap wider than its area scrolls sideways; its caption and hint stay in view, as wide as the area. */
  .heatmap caption {
    position: sticky;
    inset-inline-start: 0;
    max-inline-size: 100cqi;
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25em;
  }
  .heatmap caption .hint {
    display: block;
    font-weight: 400;
  }
  .heatmap th,
  .heatmap td {
    border: 1px solid var(--_line);
    padding: 0.35em 0.5em;
    text-align: center;
  }
  .heatmap th[scope='row'] {
    text-align: start;
  }
  .heatmap thead th {
    vertical-align: bottom;
    max-inline-size: 8em;
  }
  .h-none {
    color: var(--_muted);
  }
  /* Painted cells, their text with them; the headers are on the page. */
  .h0,
  .h1,
  .h2 {
    color: var(--_text);
  }
  .h0 {
    background: var(--_surface);
  }
  /* The heatmap's mean levels in the grid's colours (and its tokens). */
  .h1 {
    background: var(--lc-matrix-level-1, color-mix(in srgb, var(--_accent) 10%, var(--_surface)));
  }
  .h2 {
    background: var(--lc-matrix-level-2, color-mix(in srgb, var(--_accent) 30%, var(--_surface)));
  }
  .h3 {
    background: var(--lc-matrix-level-3, #2f6cc4);
    color: #ffffff;
  }
  .h4 {
    background: var(--lc-matrix-level-4, #123d7a);
    color: #ffffff;
  }

  /* ---- panels ---- */
  .panel {
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: 0 0.75em;
  }
  .panel[open] {
    padding-block-end: 0.75em;
  }
  .panel > summary {
    min-block-size: 44px;
    display: flex;
    align-items: center;
    cursor: pointer;
    font-weight: 600;
    list-style-position: inside;
  }
  .panel > summary::before {
    content: '▸' / '';
    margin-inline-end: 0.5em;
  }
  .panel[open] > summary::before {
    content: '▾' / '';
  }
  [dir='rtl'] .panel:not([open]) > summary::before {
    content: '◂' / '';
  }
  .panel > summary::-webkit-details-marker {
    display: none;
  }
  .add {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em;
    margin-block-end: 0.75em;
  }
  .add .field-error {
    flex-basis: 100%;
  }
  /* The sector selects too (a new actor's, each actor's) may shrink below their longest option,
     as the ties' do: at 320 px with text spacing a German sector name is wider than the screen.
     Each actor's is held to its row (max-inline-size: 100%), which may then shrink too. */
  .add select,
  .actor-list li {
    min-inline-size: 0;
  }
  .undo {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-block-end: 0.75em;
  }
  .actor-list {
    margin: 0;
    padding-inline-start: 2em;
    display: grid;
    gap: 0.5em;
  }
  .actor-list li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .actor-list .field-error {
    flex-basis: 100%;
  }
  /* The actors as printed (see the print styles): never on screen. */
  .printed-actors {
    display: none;
  }
  .export,
  .import {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-end: 0.75em;
  }
  .import {
    display: grid;
  }
  .import textarea {
    inline-size: 100%;
    font-family: ui-monospace, monospace;
    font-size: 0.875em;
  }
  .import .button {
    justify-self: start;
  }
  /* The file chooser: a native file input (keyboard, dropping a file, the browser's dialog) drawn
     as one of the panel's buttons. The input's own parts ("Choose File", "No file chosen") are
     21 px tall and in the browser's language, not the element's, so the input lies transparent
     over a button-like text (44 px at least, in the element's language) in one grid cell: it takes
     every click and the focus, and its own outline is the focus ring. */
  .file-button {
    display: inline-grid;
    justify-self: start;
  }
  .file-button > * {
    grid-area: 1 / 1;
  }
  .file-button > .button {
    display: flex;
    align-items: center;
    box-sizing: border-box;
  }
  .file {
    inline-size: 100%;
    block-size: 100%;
    min-inline-size: 0;
    box-sizing: border-box;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: transparent;
    font-size: 0;
    cursor: pointer;
  }
  .file::file-selector-button {
    visibility: hidden;
  }

  .submit {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
  }
  /* The src status line and, when the file's map arrived after the person started theirs, the box
     around it with its buttons. Without a box the wrapper is no box at all: the line is a row of its own. */
  .src {
    display: contents;
  }
  .src.offer {
    display: grid;
    gap: 0.5em;
    padding: 0.75em 1em;
    border: 1px solid var(--_accent);
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
    background: var(--_subtle);
    color: var(--_text);
  }
  .src:not(.offer) > .src-status {
    color: var(--_muted);
  }
  .src-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  [part~='error'] .retry {
    margin-block-start: 0.5em;
  }
  .src-status:empty,
  .status:empty,
  [part='notice']:empty {
    /* Empty, out of sight but in the accessibility tree: a live region must be there before it speaks. */
    ${visuallyHidden}
  }
  /* On the page: the error colour mixed with the page's text (the error text is for its background). */
  .status[data-state='rejected'] {
    color: var(--_lc-page-error);
    font-weight: 600;
  }

  /* On paper nothing scrolls: the grid is shown whole, every row, and scaled down to the page's
     width when it is wider (a map cut at the page's edge loses the ties of its last actors; a
     smaller one keeps them all, and a wide map prints larger in landscape). */
  @media print {
    [part='base'] {
      container-type: inline-size;
    }
    .scroller {
      overflow: visible;
      max-block-size: none;
      contain: none;
    }
    .grid {
      zoom: min(1, (100cqi - 2px) / (var(--_header) + var(--_matrix-n, 1) * var(--_cell)));
    }
    /* The levels' colours, the corner mark and the white digits on the two dark levels are
       backgrounds, which a browser drops by default in print: here they are the content. */
    .scroller,
    .legend,
    .heatmap {
      print-color-adjust: exact;
    }
    /* Nothing to press on paper: Send, and the import and export of the map's data. */
    [part~='submit'],
    [part~='data'] {
      display: none;
    }
    /* The actors print open, closed on screen or not: their names and sectors, without the form
       that adds one, Undo, or each actor's fields and Remove. Styles only: the panel is not opened
       for print (a re-render under print media crashed Chromium's renderer). */
    [part~='actors']::details-content {
      content-visibility: visible;
    }
    [part~='actors'] > summary::before {
      content: none;
    }
    .add,
    .undo,
    .actor-list {
      display: none;
    }
    .printed-actors {
      display: block;
      margin: 0 0 0.75em;
    }
  }

  @media (forced-colors: active) {
    .l0,
    .l1,
    .l2,
    .l3,
    .l4,
    .h0,
    .h1,
    .h2,
    .h3,
    .h4 {
      forced-color-adjust: none;
      background: Canvas;
      color: CanvasText;
    }
    /* A tie of the list shows its level in its select, not in its colours: the browser forces its
       colours, its select's and its checkbox's (not forced, an unchecked box drew as a filled
       square on a dark theme). */
    .tie {
      forced-color-adjust: auto;
    }
    .self {
      forced-color-adjust: none;
      background: repeating-linear-gradient(45deg, Canvas 0 4px, GrayText 4px 5px);
    }
    .ind {
      background-image: linear-gradient(to bottom left, CanvasText 0 0.6em, transparent 0.6em);
    }
    [dir='rtl'] .ind {
      background-image: linear-gradient(to bottom right, CanvasText 0 0.6em, transparent 0.6em);
    }
    .head > .current,
    .rh.current {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    [role='gridcell']:focus,
    .option:focus {
      outline: 3px solid Highlight;
    }
    .src.offer {
      border-color: CanvasText;
    }
    /* The file chooser's text is no button to the browser: it gets a button's colours, as the panel's buttons. */
    .file-button > .button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    .option[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      scroll-behavior: auto !important;
      transition: none !important;
    }
  }
`;
