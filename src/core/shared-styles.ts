import { css } from 'lit';

/**
 * Style rules that several elements share word for word. An element lists the ones it uses before
 * its own sheet, `static override styles = [hostDefaults, srOnly, errorBox, styles]`, so its own
 * rules still come last and win a tie. Each sheet is built once and adopted by every element that
 * lists it.
 */

/**
 * First in every element's list: what the host resets, and the default colours the element's own
 * sheet builds on. Two kinds of colour:
 * - on what the element paints (cards, options, buttons, fields, notes): a surface and the text
 *   painted with it, both from the used colour scheme (`light-dark()`): light on a light page or a
 *   page that does not say, dark on a page that declares `color-scheme: dark` (or `light dark`, seen
 *   in dark mode). Text on a painted surface is never the page's text colour.
 * - on the page itself (hints, field errors, links, the chart): the page's own text colour
 *   (`currentColor` where used), or a colour mixed with it, so it reads on whatever the page is,
 *   dark by its colours alone too.
 * A token a host sets wins over either. `white-space` is reset: a nowrap around the element would
 * run its texts off the page. So is `text-align`: a centred page would centre labels and lists far
 * from their boxes and bullets. And `-webkit-text-fill-color`, which paints text over its colour: a
 * dark page that sets it with its light text colour would paint it on the element's white surfaces
 * (`currentColor` is kept as a keyword, so each text takes its own colour). The person's text spacing
 * (letter, word, line) stays inherited.
 */
export const hostDefaults = css`
  :host {
    white-space: normal;
    text-align: start;
    -webkit-text-fill-color: currentColor;
    --_lc-surface: var(--lc-surface, light-dark(#fff, #20232b));
    --_lc-text: var(--lc-text-color, light-dark(#1b1b1b, #e8eaf0));
    --_lc-field: var(--lc-field-background, var(--lc-surface, light-dark(#fff, #16181d)));
    --_lc-field-text: var(--lc-field-text, var(--_lc-text));
    --_lc-border: var(--lc-border-color, light-dark(#767676, #8a91a3));
    --_lc-accent: light-dark(#1f5fbf, #8ab4ff);
    /* The focus ring's own blue, lighter than the accent: 3:1 and more against white, and against
       a page dark by its colours alone (#121212 to #333) that declares no colour scheme. */
    --_lc-focus: light-dark(#3d7fe0, #8ab4ff);
    --_lc-accent-text: var(--lc-accent-text, light-dark(#fff, #0b1530));
    --_lc-error: var(--lc-error-color, light-dark(#b3261e, #ff9b9b));
    --_lc-error-background: var(--lc-error-background, light-dark(#fdecea, #3a1d22));
    --_lc-error-text: var(--lc-error-text, light-dark(#5f1410, #ffd9d9));
    --_lc-success: var(--lc-success-color, light-dark(#1e6b34, #7fdc9f));
    --_lc-warning: var(--lc-warning-color, light-dark(#8a5a00, #ffd166));
    /* On the page: the text colour at 80 %; the error colour mixed a third with the text colour. */
    --_lc-muted: var(--lc-muted-text, color-mix(in srgb, currentColor 80%, transparent));
    --_lc-page-error: var(--lc-error-color, color-mix(in oklab, light-dark(#b3261e, #ff9b9b) 65%, currentColor));
  }
  /* Paper is white and, by default, printed without backgrounds. What the element paints takes
     its light colours; the page's text colour, light on a dark page, is darkened where it is too
     light to read (Chromium prints light text grey, and an SVG's white labels not at all). */
  @media print {
    :host {
      color-scheme: light;
    }
    [part~='base'] {
      color: oklch(from currentColor min(l, 0.4) c h);
    }
  }
`;

/** Out of sight, still in the accessibility tree (declarations, for a rule of an element's own). */
export const visuallyHidden = css`
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
  border: 0;
`;

/** Text for screen readers only: `<span class="sr-only">`. */
export const srOnly = css`
  .sr-only {
    ${visuallyHidden}
  }
`;

/** The look of an error box, for an element that shows a second kind of error the same way. */
export const errorBoxLook = css`
  box-sizing: border-box;
  margin: 0;
  padding: 0.75em 1em;
  border: 2px solid var(--_lc-error);
  border-inline-start-width: 6px;
  border-radius: var(--lc-radius, 6px);
  background: var(--_lc-error-background);
  color: var(--_lc-error-text);
  overflow-wrap: anywhere;
`;

/** The `error` part: a configuration or data problem, shown in place of (or above) the content. */
export const errorBox = css`
  [part~='error'] {
    ${errorBoxLook}
  }
  [part~='error'] p {
    margin: 0;
  }
  [part~='error'] ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
  @media (forced-colors: active) {
    [part~='error'] {
      border-color: CanvasText;
    }
  }
`;

/**
 * The `status` part of a submission (`data-state` from the submission controller). Its accent is
 * the host's `--_accent`; what an empty status looks like is the element's own choice.
 */
export const statusBox = css`
  [part~='status'] {
    margin: 0;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    /* Faint tints of the text (and of the success colour) over the page: light on a light page,
       dark on a dark one, so the text keeps its contrast on either without a token set. */
    background: var(--lc-status-background, color-mix(in srgb, currentColor 6%, transparent));
  }
  [part~='status'][data-state='sent'] {
    border-color: var(--_lc-success);
    background: var(--lc-success-background, color-mix(in srgb, var(--_lc-success) 10%, transparent));
  }
  [part~='status'][data-state='rejected'] {
    border-color: var(--_lc-error);
    background: var(--_lc-error-background);
    color: var(--_lc-error-text);
  }
  @media (forced-colors: active) {
    [part~='status'] {
      border-color: CanvasText;
    }
    /* Forced colours take the colours that tell a refusal from "sent": a refusal is boxed all
       round, as an error is, and its bar is wider. */
    [part~='status'][data-state='rejected'] {
      border: 2px solid CanvasText;
      border-inline-start-width: 6px;
    }
  }
`;
