import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--lc-card-text, var(--lc-text-color, inherit));
    font: inherit;
    /* A page of 1200 cards lays out only the ones on screen. An estimated height only: an estimated
       width would make a card off screen as wide as that in a narrow layout (reflow at 320 px). */
    content-visibility: auto;
    contain-intrinsic-block-size: auto var(--lc-card-estimated-height, 24em);
    /* As a grid or flex item, a card skipped off screen keeps the width it was last laid out at as
       its minimum (Chromium): a column that narrows (a phone turned, 400 % zoom) would stay as wide
       as it was. No minimum: the card narrows with its column, and its content reflows. */
    min-inline-size: 0;
  }
  /* While focus is inside, never skipped: with auto, Chromium restyles and lays out the whole
     card each time focus moves from one option to the next (focus leaves it, then comes back), so
     an arrow key in its rating cost a layout that a native radio group does not. */
  :host(:focus-within) {
    content-visibility: visible;
  }
  /* Until its first render (its criteria text loading), a rating or journal inside holds its place
     unseen: shown at once, it would jump down under the criterion the render puts above it (a
     layout shift), where a rating needs no more than the titles it has already. */
  .first-paint::slotted(lc-self-rating),
  .first-paint::slotted(lc-reflection-journal) {
    visibility: hidden;
  }
  /* What the card hides stays hidden: its own display rules (.body's grid) and a host's
     ::part() rule would otherwise beat the user agent's [hidden]. */
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  /* The base is the container the narrow layout asks for its width. A size container's content
     counts for nothing in its own width, so in a box that takes its width from its content (a flex
     row, a table cell, an inline-block, fit-content) the card would be 0 px wide. Its explicit
     columns still count: up to 42em inside its padding (room for a <lc-self-rating>'s scale side
     by side) when there is room, and down to nothing when there is not. Every part spans both. */
  [part~='base'] {
    container-type: inline-size;
    display: grid;
    grid-template-columns: minmax(0, 42em) minmax(0, 1fr);
    row-gap: var(--lc-card-gap, var(--lc-space, 0.75em));
    padding: var(--lc-card-padding, 1em 1.25em);
    border: 1px solid var(--lc-card-border, var(--_lc-border));
    border-radius: var(--lc-card-radius, var(--lc-radius, 6px));
    /* The card paints its text with its background: never the page's text on the card's white. */
    background: var(--lc-card-background, var(--_lc-surface));
    color: var(--lc-card-text, var(--_lc-text));
    overflow-wrap: anywhere;
  }
  [part~='base'] > * {
    grid-column: 1 / -1;
  }
  [part~='title'] {
    margin: 0;
    font-size: var(--lc-card-title-size, 1.25em);
    line-height: 1.25;
  }
  [part~='question'] {
    margin: 0;
    font-size: var(--lc-card-question-size, 1.0625em);
  }
  [part~='section-heading'] {
    margin: 0 0 0.25em;
    font-size: 1em;
  }
  [part~='why'] p {
    margin: 0;
  }
  [part~='prompts'] ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  [part~='prompts'] li + li {
    margin-block-start: 0.25em;
  }
  .body {
    display: grid;
    gap: var(--lc-card-gap, var(--lc-space, 0.75em));
  }
  [part~='levels'] dl {
    display: grid;
    gap: 0.5em;
    margin: 0;
  }
  [part~='level'] {
    display: grid;
    grid-template-columns: minmax(8em, 12em) minmax(0, 1fr);
    gap: 0.25em 0.75em;
    padding-block: 0.25em;
    border-block-start: 1px solid var(--lc-card-divider, light-dark(#d0d4da, #474c58));
  }
  [part~='level-label'] {
    margin: 0;
    font-weight: 600;
  }
  [part~='level-example'] {
    margin: 0;
  }
  .number {
    font-variant-numeric: tabular-nums;
  }
  [part~='details'] > .body {
    margin-block-start: 0.75em;
  }
  [part~='summary'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 44px;
    padding-inline: 0.25em;
    border-radius: var(--lc-card-radius, var(--lc-radius, 6px));
    color: var(--lc-card-accent, var(--lc-accent, var(--_lc-accent)));
    font-weight: 600;
    cursor: pointer;
    /* A button that reads as the row it was when it was a <summary>. */
    inline-size: 100%;
    margin: 0;
    padding-block: 0;
    border: 0;
    background: none;
    font-family: inherit;
    font-size: inherit;
    line-height: inherit;
    text-align: start;
  }
  [part~='summary']::before {
    content: '';
    flex: none;
    inline-size: 0.5em;
    block-size: 0.5em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(-45deg);
  }
  [dir='rtl'] [part~='summary']::before {
    transform: rotate(135deg);
  }
  [part~='summary'][aria-expanded='true']::before {
    transform: rotate(45deg);
  }
  [part~='summary']:focus-visible {
    outline: 3px solid var(--lc-card-focus, var(--lc-focus-color, var(--lc-accent, var(--_lc-focus))));
    outline-offset: 2px;
  }
  [part~='loading'] {
    margin: 0;
    color: var(--_lc-muted);
  }

  @container (max-width: 30em) {
    [part~='level'] {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    [part~='summary']::before {
      transition: transform 150ms ease-out;
    }
  }

  /* On paper: the card as it is on screen, open or closed, without the button that opens it
     (nothing opens on paper); a heading is not left at the foot of a page apart from what follows it, and a level's
     example is not split between two pages. */
  @media print {
    [part~='summary'] {
      display: none;
    }
    [part~='details'] > .body {
      margin-block-start: 0;
    }
    [part~='title'],
    [part~='question'],
    [part~='section-heading'] {
      break-after: avoid;
    }
    [part~='why'],
    [part~='level'] {
      break-inside: avoid;
    }
  }

  @media (forced-colors: active) {
    [part~='base'] {
      border-color: CanvasText;
    }
    [part~='summary'] {
      color: LinkText;
    }
    [part~='summary']:focus-visible {
      outline-color: Highlight;
    }
  }
`;
