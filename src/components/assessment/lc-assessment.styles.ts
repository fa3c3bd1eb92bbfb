import { css } from 'lit';
import { visuallyHidden } from '../../core/shared-styles.js';

export const styles = css`
  :host {
    display: block;
    color: var(--lc-text-color, inherit);
    font: inherit;
    /* A word longer than the line (a URL, a German compound in a criterion's title) breaks rather
       than widening the page at 320 px (WCAG 1.4.10). */
    overflow-wrap: anywhere;
    --_accent: var(--lc-assessment-accent, var(--lc-accent, var(--_lc-accent)));
    /* Links are on the page (or a tint of it): the default accent mixed with the text they sit in. */
    --_link: var(--lc-assessment-accent, var(--lc-accent, color-mix(in oklab, var(--_lc-accent) 65%, currentColor)));
    --_accent-text: var(--_lc-accent-text);
    --_gap: var(--lc-assessment-gap, var(--lc-space, 1em));
    --_border: var(--_lc-border);
    --_radius: var(--lc-radius, 6px);
    --_focus: var(--lc-focus-color, var(--lc-assessment-accent, var(--lc-accent, var(--_lc-focus))));
    --_muted: var(--_lc-muted);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  [part~='base'] {
    display: grid;
    gap: var(--_gap);
  }
  p {
    margin: 0;
  }
  a {
    color: var(--_link);
  }
  a,
  button,
  [tabindex='-1'] {
    scroll-margin-block: 1.5em;
  }
  a:focus-visible,
  button:focus-visible,
  [part~='step-heading']:focus-visible,
  [part~='send-check']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='step-heading']:focus:not(:focus-visible) {
    outline: none;
  }

  /* Progress */
  [part~='progress'] {
    display: grid;
    gap: 0.5em;
  }
  [part~='progress-text'] {
    font-weight: 600;
  }
  [part~='progress-bar'] {
    block-size: 0.75em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--lc-assessment-progress-track, var(--_lc-surface));
    overflow: hidden;
  }
  [part~='progress-value'] {
    block-size: 100%;
    background: var(--_accent);
  }
  .progress-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  [part~='next-unanswered'] {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    font-weight: 600;
  }
  [part~='notice'],
  [part~='kept-note'] {
    font-size: 0.875em;
    color: var(--_muted);
  }
  [part~='announcement'] span:empty {
    display: none;
  }
  [part~='announcement']:empty,
  [part~='status']:empty {
    /* Empty, out of sight but in the accessibility tree: a live region must be there before it speaks. */
    ${visuallyHidden}
  }

  /* Step list */
  [part~='steps'] ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='step-link'] {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    min-block-size: 44px;
    padding: 0.25em 0.625em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_lc-surface);
    color: var(--_lc-text);
    text-decoration: none;
  }
  [part~='step-link']:hover .step-title {
    text-decoration: underline;
  }
  [part~='step-link'][aria-current='step'] {
    border: 2px solid var(--_accent);
    padding: calc(0.25em - 1px) calc(0.625em - 1px);
    font-weight: 600;
  }
  .mark {
    display: inline-grid;
    place-items: center;
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
    border: 2px solid var(--_border);
    border-radius: 50%;
    font-size: 0.75em;
    line-height: 1;
  }
  li[data-answered='true'] .mark {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
  }
  li[data-answered='false'] .mark {
    border-style: dashed;
  }
  .review-step .mark {
    border-color: transparent;
  }
  [dir='rtl'] .review-step .mark {
    transform: scaleX(-1);
  }

  /* Questions */
  [part~='form'] {
    display: grid;
    gap: calc(var(--_gap) * 1.5);
  }
  [part~='question'] {
    display: grid;
    gap: 0.5em;
  }
  [part~='step-heading'] {
    margin: 0;
    font-size: 1em;
    color: var(--_muted);
    font-weight: 600;
  }
  #review-heading {
    font-size: 1.25em;
    color: inherit;
  }
  [part~='pager'],
  .send-row,
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  [data-nav='next'] {
    margin-inline-start: auto;
  }

  /* Buttons */
  button {
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0.5em 1.25em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  /* The accent on a surface of its own, whatever the page's colour. */
  button.secondary {
    background: var(--_lc-surface);
    color: var(--_accent);
  }
  /* Its text in the error background: white on the default red, dark on a light red a dark theme sets. */
  button.danger {
    border-color: var(--_lc-error);
    background: var(--_lc-error);
    color: var(--_lc-error-background);
  }
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }

  /* Review */
  [part~='review'] {
    display: grid;
    gap: var(--_gap);
  }
  [part~='summary'] {
    display: grid;
    gap: 0.5em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='summary-item'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25em 1em;
    align-items: start;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_lc-surface);
    color: var(--_lc-text);
  }
  [part~='summary-item'][data-answered='false'] {
    border-inline-start: 6px solid var(--_lc-warning);
  }
  .summary-title {
    grid-column: 1;
    margin: 0;
    font-size: 1em;
  }
  [part~='summary-item'] dl {
    grid-column: 1;
    margin: 0;
    display: grid;
    gap: 0.125em;
  }
  [part~='summary-item'] dl > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  [part~='summary-item'] dt {
    color: var(--_muted);
  }
  [part~='summary-item'] dt::after {
    content: ':';
  }
  [part~='summary-item'] dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .answer.missing {
    font-weight: 600;
    color: var(--_lc-warning);
  }
  [part~='change-link'] {
    grid-column: 2;
    grid-row: 1 / span 2;
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    min-inline-size: 44px;
    font-weight: 600;
  }
  [part~='send-check'] {
    display: grid;
    gap: 0.25em;
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--lc-status-background, color-mix(in srgb, currentColor 6%, transparent));
  }
  [part~='send-check'][data-error='true'] {
    border: 2px solid var(--_lc-error);
    border-inline-start-width: 6px;
    background: var(--_lc-error-background);
    color: var(--_lc-error-text);
  }
  [part~='send-check'][data-error='true'] a {
    color: inherit;
  }
  /* Centred in its 44 px as a block, not a flex box: Chromium names a flex box's link with a space
     either side of each item (an English title marked in an Arabic sentence read "“ Trust ”"). */
  [part~='send-check'] a {
    display: inline-block;
    align-content: center;
    min-block-size: 44px;
  }

  /* Dialog */
  [part~='dialog'] {
    max-inline-size: min(32em, calc(100vw - 2em));
    padding: 1.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_lc-surface);
    color: var(--_lc-text);
  }
  [part~='dialog']::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  [part~='dialog'] p + p,
  .dialog-actions {
    margin-block-start: 0.75em;
  }
  .dialog-title {
    font-weight: 700;
    font-size: 1.125em;
  }

  @media (prefers-reduced-motion: no-preference) {
    [part~='progress-value'] {
      transition: inline-size 200ms ease-out;
    }
  }

  /* On paper: a question's heading stays with its card, and nothing is there to press. */
  @media print {
    [part~='step-heading'] {
      break-after: avoid;
    }
    [part~='pager'],
    [part~='restart'],
    [part~='next-unanswered'],
    .send-row {
      display: none;
    }
  }

  @media (forced-colors: active) {
    [part~='progress-bar'] {
      border-color: CanvasText;
    }
    [part~='progress-value'] {
      forced-color-adjust: none;
      background: Highlight;
    }
    li[data-answered='true'] .mark {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
    [part~='step-link'][aria-current='step'] {
      border-color: Highlight;
    }
    a:focus-visible,
    button:focus-visible,
    [part~='step-heading']:focus-visible,
    [part~='send-check']:focus-visible {
      outline-color: Highlight;
    }
    [part~='send-check'],
    [part~='summary-item'] {
      border-color: CanvasText;
    }
  }
`;
