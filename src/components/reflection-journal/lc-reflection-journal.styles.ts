import { css } from 'lit';
import { errorBoxLook } from '../../core/shared-styles.js';

export const styles = css`
  :host {
    --_accent: var(--lc-journal-accent, var(--lc-accent, var(--_lc-accent)));
    /* Text on what the journal paints (fields, buttons, entries, notes); on the page, the page's. */
    --_text: var(--lc-text-color, var(--lc-text, light-dark(#1b1b1f, #e8eaf0)));
    --_muted: var(--_lc-muted);
    --_background: var(--lc-field-background, var(--lc-background, var(--_lc-field)));
    --_surface: var(--lc-surface, light-dark(#f6f7f9, #20232b));
    --_border: var(--lc-border-color, light-dark(#6b6b76, #8a91a3));
    --_radius: var(--lc-radius, 6px);
    --_focus: var(--lc-focus-color, var(--lc-focus-ring, var(--lc-journal-accent, var(--lc-accent, var(--_lc-focus)))));
    --_error: var(--_lc-error);
    display: block;
    color: var(--lc-text-color, var(--lc-text, inherit));
    font: inherit;
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  [part='base'] {
    display: grid;
    gap: 1.5em;
    min-inline-size: 0;
    /* A word longer than the line (the heading's "Refleksionsjournal" in a page's large font, in a
       280 px sidebar) breaks, as in <lc-criterion-card>: otherwise it sets the grid's one track,
       and the whole journal, wider than the column, and the page scrolls sideways (WCAG 1.4.10). */
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  [part='heading'] {
    margin: 0;
    line-height: 1.25;
  }
  .entries-error {
    ${errorBoxLook}
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .entries-error p {
    margin: 0;
  }
  /* Focused by code while the entries load again ("Try again"): no ring unless by keyboard. */
  #entries-heading:focus:not(:focus-visible) {
    outline: none;
  }
  section {
    display: grid;
    gap: 1em;
    min-inline-size: 0;
  }
  form {
    display: grid;
    gap: 1em;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  label,
  legend {
    font-weight: 600;
  }
  input[type='text'],
  input[type='date'],
  textarea,
  select {
    inline-size: 100%;
    min-block-size: 44px;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--lc-field-text, var(--_text));
    font: inherit;
  }
  input[type='date'] {
    inline-size: auto;
    min-inline-size: min(100%, 12em);
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .hint,
  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* On the page: the warning colour mixed a third with the page's text, as the errors are. */
  .count[data-level='near'] {
    color: var(--lc-warning-color, color-mix(in oklab, light-dark(#8a5a00, #ffd166) 65%, currentColor));
  }
  .count[data-level='limit'] {
    color: var(--_lc-page-error);
    font-weight: 600;
  }
  .field-error {
    margin: 0;
    color: var(--_lc-page-error);
    font-weight: 600;
  }
  .criteria {
    /* A fieldset is at least as wide as its content (min-content) by default: one long word
       ("Fællesskabsmentalitet", with wider letter spacing) would push it out of the element. */
    min-inline-size: 0;
    margin: 0;
    padding: 0.5em 0.75em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .criteria legend,
  .check span {
    min-inline-size: 0;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .checks {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
    gap: 0 1em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 44px;
    font-weight: normal;
    cursor: pointer;
  }
  .check input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .notice {
    display: block;
    margin-block-end: 0.25em;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_lc-warning);
    background: var(--_surface);
    color: var(--_text);
  }
  .draft {
    display: grid;
    gap: 0.25em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  button,
  a[part='export'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0.5em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
    transition: background-color 0.15s ease-in-out;
  }
  button.primary,
  button.confirm {
    background: var(--_accent);
    color: var(--lc-accent-text, var(--lc-on-accent, var(--_lc-accent-text)));
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  button:hover:not([aria-disabled='true']),
  a[part='export']:hover {
    background: var(--_surface);
  }
  button.primary:hover:not([aria-disabled='true']),
  button.confirm:hover {
    background: color-mix(in srgb, var(--_accent) 85%, black);
  }
  .status {
    margin: 0;
  }
  .status[data-state='rejected'] {
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_error);
    color: var(--_lc-error-text);
    background: var(--_lc-error-background);
  }
  .status[data-state='sent'],
  .status[data-state='queued'],
  .status[data-state='handled'] {
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
    color: var(--_text);
  }
  .kept {
    gap: 0.5em;
    padding: 1em;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_error);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .kept-list {
    display: grid;
    gap: 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .kept-entry {
    display: grid;
    gap: 0.25em;
    justify-items: start;
    padding-block-start: 0.75em;
    border-block-start: 1px solid var(--_border);
  }
  .kept-title,
  .kept-why {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .kept-title {
    font-weight: 600;
  }
  dialog {
    max-inline-size: min(32em, calc(100vw - 2em));
    padding: 1.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .dialog-title {
    margin-block: 0 0.5em;
    font-weight: 700;
    font-size: 1.125em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em 1.5em;
    align-items: end;
    justify-content: space-between;
  }
  .filter {
    display: grid;
    gap: 0.25em;
    min-inline-size: min(100%, 16em);
  }
  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .entries {
    display: grid;
    gap: 1em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entry article {
    padding: 1em;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin: 0.25em 0 0.75em;
    color: var(--_muted);
  }
  .badge {
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
  }
  .badge.pending {
    color: var(--_lc-warning);
  }
  dl {
    margin: 0;
  }
  dt {
    margin-block-start: 0.75em;
    font-weight: 600;
  }
  dd {
    margin: 0.25em 0 0;
    overflow-wrap: anywhere;
  }
  /* Entry text is plain text: its line breaks are kept, never interpreted. */
  .text {
    white-space: pre-line;
  }
  /* On paper nothing scrolls: a draft longer than its field grows to show it whole. */
  @media print {
    textarea {
      field-sizing: content;
    }
    /* Nothing to press or download on paper: the buttons and download links are left out. */
    .actions,
    .exports,
    [part~='take-back'],
    [part~='retry'] {
      display: none;
    }
    [part~='heading'] {
      break-after: avoid;
    }
    [part~='field'] {
      break-inside: avoid;
    }
  }
  @media (forced-colors: active) {
    .entries-error,
    .notice,
    .status,
    .entry article,
    .kept,
    .criteria,
    .badge {
      border-color: CanvasText;
    }
    button,
    a[part='export'] {
      border-color: ButtonText;
    }
    button.primary,
    button.confirm {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    button,
    a[part='export'] {
      transition: none;
    }
  }
`;
