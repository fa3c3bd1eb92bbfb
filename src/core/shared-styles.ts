import { css } from 'lit';

/**
 * Style rules that several elements share word for word. An element lists the ones it uses before
 * its own sheet, `static override styles = [srOnly, errorBox, styles]`, so its own rules still come
 * last and win a tie. Each sheet is built once and adopted by every element that lists it.
 */

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
  border: 2px solid var(--lc-error-color, #b3261e);
  border-inline-start-width: 6px;
  border-radius: var(--lc-radius, 6px);
  background: var(--lc-error-background, #fdecea);
  color: var(--lc-error-text, #5f1410);
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
    border-color: var(--lc-success-color, #1e6b34);
    background: var(--lc-success-background, color-mix(in srgb, var(--lc-success-color, #1e6b34) 10%, transparent));
  }
  [part~='status'][data-state='rejected'] {
    border-color: var(--lc-error-color, #b3261e);
    background: var(--lc-error-background, #fdecea);
    color: var(--lc-error-text, #5f1410);
  }
  @media (forced-colors: active) {
    [part~='status'] {
      border-color: CanvasText;
    }
  }
`;
