import { css } from 'lit';
import { visuallyHidden } from '../../core/shared-styles.js';

export const styles = css`
  /* The page's own content inside keeps the page's alignment and text fill; what the community
     shows itself (an error) is reset, as in every element (hostDefaults). */
  :host {
    display: block;
    text-align: inherit;
    -webkit-text-fill-color: inherit;
  }
  [part] {
    text-align: start;
    -webkit-text-fill-color: currentColor;
  }
  :host([hidden]) {
    display: none;
  }
  [part~='error'] {
    margin-block-end: 1em;
    font: inherit;
  }
  [part~='announcement'] {
    /* Out of sight, in the accessibility tree: what it says, the page already shows. */
    ${visuallyHidden}
  }
`;
