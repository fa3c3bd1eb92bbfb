import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--lc-rating-text, var(--lc-text-color, inherit));
    font: inherit;
    --_accent: var(--lc-rating-accent, var(--lc-accent, var(--_lc-accent)));
    --_tint: color-mix(in srgb, var(--_accent) 10%, var(--_lc-surface));
    --_border: var(--lc-rating-border, var(--_lc-border));
    /* The ring: the host's focus colour, else its accent, else the ring's own blue (see hostDefaults). */
    --_ring: var(--lc-rating-accent, var(--lc-accent, var(--_lc-focus)));
    --_focus: var(--lc-rating-focus, var(--lc-focus-color, var(--_ring)));
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  /* The base is the container the narrow layout asks for its width. A size container's content
     counts for nothing in its own width, so in a box that takes its width from its content (a flex
     row, a table cell, an inline-block, fit-content) the element would be 0 px wide. Its explicit
     columns still count: up to 42em (room for the scale side by side, over 40em) when there is
     room, and down to nothing when there is not, its content reflowing. Every part spans both. */
  [part~='base'] {
    container-type: inline-size;
    display: grid;
    grid-template-columns: minmax(0, 42em) minmax(0, 1fr);
    row-gap: var(--lc-rating-gap, var(--lc-space, 0.75em));
    /* A long word of the label or question in a large font (32 px in a 280 px sidebar) breaks, as
       in <lc-criterion-card>, rather than running out of the element (WCAG 1.4.10). */
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  [part~='base'] > * {
    grid-column: 1 / -1;
  }
  [part~='label'] {
    margin: 0;
    font-weight: 600;
    font-size: var(--lc-rating-label-size, 1.0625em);
  }
  [part~='question'],
  [part~='loading'] {
    margin: 0;
    color: var(--_lc-muted);
  }

  /* The scale */
  [part~='scale'] {
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr)) minmax(0, 1.1fr);
    gap: var(--lc-rating-option-gap, 0.5em);
  }
  :host([layout='vertical']) [part~='scale'] {
    grid-template-columns: minmax(0, 1fr);
  }
  [part~='option'] {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: flex-start;
    gap: 0.375em;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0.5em 0.375em;
    border: 1px solid var(--_border);
    border-radius: var(--lc-rating-radius, var(--lc-radius, 6px));
    /* Its text painted with its background, which the page's text colour may not suit. */
    background: var(--lc-rating-option-background, var(--_lc-surface));
    color: var(--lc-rating-text, var(--_lc-text));
    text-align: center;
    overflow-wrap: anywhere;
    hyphens: auto;
    cursor: pointer;
    user-select: none;
    -webkit-tap-highlight-color: transparent;
  }
  [part~='option'][data-value='dont-know'] {
    margin-inline-start: 0.5em;
    border-style: dashed;
  }
  :host([layout='vertical']) [part~='option'] {
    flex-direction: row;
    text-align: start;
    padding-inline: 0.75em;
  }
  :host([layout='vertical']) [part~='option'][data-value='dont-know'] {
    margin-inline-start: 0;
    margin-block-start: 0.25em;
  }
  [part~='option']:hover {
    border-color: var(--_accent);
  }
  /* Checking an option changes colours only, never a box's size: the thicker border is an inset
     shadow, the dot is always there (only its colour and size change), the weight of the text stays.
     A change of geometry would lay the whole scale out again on every key press. */
  [part~='option'][aria-checked='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    /* By default a light tint of the accent (10% over the surface): a green portal, a green tint. */
    background: var(--lc-rating-checked-background, var(--lc-accent-soft, var(--_tint)));
    /* The dot and the tint are backgrounds, which a browser drops by default in print: on paper
       they are the answer (inherited by the dot). */
    print-color-adjust: exact;
  }
  [part~='option']:focus {
    outline: none;
  }
  [part~='option']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='option'][aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  [part~='option'][aria-disabled='true']:hover {
    border-color: var(--_border);
  }
  /* Sent (read-only until "Change my answer"): nothing to press. The other options are dashed, in
     forced colours too; the answer keeps its ring, dot and tint. */
  [aria-readonly='true'] > * {
    cursor: default;
  }
  [aria-readonly='true'] > :not([aria-checked='true']) {
    border-style: dashed;
    border-color: var(--_border);
  }
  /* The ring, and its dot when checked: the background of the content box (a pseudo-element would
     cost each key press a style recalculation of its own). */
  .mark {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    padding: 0.1875em;
    border: 2px solid currentColor;
    border-radius: 50%;
    background-clip: content-box;
  }
  [aria-checked='true'] .mark {
    background-color: var(--_accent);
  }
  .number {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
  }
  /* Every description in one cell, as tall as the longest: showing another one moves nothing. */
  .descriptions {
    display: grid;
    min-block-size: 1.5em;
  }
  [part~='description'] {
    grid-area: 1 / 1;
    margin: 0;
    color: var(--_lc-muted);
  }
  /* A hidden one keeps its place (and stays out of the accessibility tree, where its option's
     aria-describedby still finds its text). */
  [part~='description'][hidden] {
    display: block;
    visibility: hidden;
  }

  /* Fields */
  .field {
    display: grid;
    gap: 0.25em;
  }
  .field label {
    font-weight: 600;
  }
  [part~='comment'],
  [part~='evidence'] {
    inline-size: 100%;
    min-block-size: 44px;
    padding: 0.5em 0.625em;
    border: 1px solid var(--_border);
    border-radius: var(--lc-rating-radius, var(--lc-radius, 6px));
    background: var(--_lc-field);
    color: var(--_lc-field-text);
    font: inherit;
  }
  [part~='comment'] {
    min-block-size: 5em;
    resize: vertical;
  }
  [part~='comment']:read-only,
  [part~='evidence']:read-only {
    border-style: dashed;
    background: color-mix(in srgb, var(--_lc-field-text) 6%, var(--_lc-field));
  }
  [part~='comment']:focus-visible,
  [part~='evidence']:focus-visible,
  [part~='submit']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='evidence'][aria-invalid='true'] {
    border: 2px solid var(--_lc-error);
  }
  .hint {
    margin: 0;
    font-size: 0.875em;
    color: var(--_lc-muted);
  }
  [part~='field-error'] {
    margin: 0;
    color: var(--_lc-page-error);
    font-weight: 600;
  }

  /* Standalone submission */
  .submit-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
  }
  [part~='answer'] {
    margin: 0;
  }
  [part~='submit'] {
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0.5em 1.25em;
    border: 2px solid var(--_accent);
    border-radius: var(--lc-rating-radius, var(--lc-radius, 6px));
    background: var(--_accent);
    color: var(--lc-rating-accent-text, var(--_lc-accent-text));
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  /* The accent on a surface of its own, whatever the page's colour. */
  [part~='submit'][data-variant='secondary'] {
    background: var(--lc-rating-option-background, var(--_lc-surface));
    color: var(--_accent);
  }
  [part~='submit'][aria-disabled='true'],
  [part~='submit']:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }
  /* Empty but present: a live region must be in the accessibility tree before it speaks. */
  [part~='status']:empty {
    padding: 0;
    border: 0;
  }
  [part~='notice'] {
    margin: 0;
    font-size: 0.875em;
    color: var(--_lc-muted);
  }

  /* Narrow containers (a phone, a sidebar): the options stack. */
  @container (max-width: 40em) {
    [part~='scale'] {
      grid-template-columns: minmax(0, 1fr);
    }
    [part~='option'] {
      flex-direction: row;
      text-align: start;
      padding-inline: 0.75em;
    }
    [part~='option'][data-value='dont-know'] {
      margin-inline-start: 0;
      margin-block-start: 0.25em;
    }
  }

  /* On paper nothing scrolls: a comment longer than its field grows to show it whole. */
  @media print {
    [part~='comment'] {
      field-sizing: content;
    }
    /* The row of options on one page, after its question, and a field with its label; nothing to
       press on paper. */
    [part~='scale'],
    [part~='option'],
    .field {
      break-inside: avoid;
    }
    [part~='label'],
    [part~='question'] {
      break-after: avoid;
    }
    [part~='submit'] {
      display: none;
    }
  }

  /* The pointer's hover fades in; a check (or a key press) shows at once, without starting animations. */
  @media (prefers-reduced-motion: no-preference) {
    [part~='option']:hover {
      transition: border-color 120ms ease-out;
    }
  }

  @media (forced-colors: active) {
    [part~='option'] {
      border-color: ButtonText;
    }
    /* The inset shadow is gone in forced colours: an inner outline thickens the border instead
       (a focused option shows its focus outline). */
    [part~='option'][aria-checked='true'] {
      border-color: Highlight;
    }
    [part~='option'][aria-checked='true']:not(:focus-visible) {
      outline: 1px solid Highlight;
      outline-offset: -2px;
    }
    /* Not forced, so its ring takes a system colour too (currentColor would be the page's own
       text colour, black on a dark forced background). */
    [aria-checked='true'] .mark {
      forced-color-adjust: none;
      border-color: CanvasText;
      background-color: Highlight;
    }
    [part~='option']:focus-visible,
    [part~='comment']:focus-visible,
    [part~='evidence']:focus-visible,
    [part~='submit']:focus-visible {
      outline-color: Highlight;
    }
    [part~='option'][aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
