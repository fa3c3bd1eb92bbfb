import { css } from 'lit';
import { visuallyHidden } from '../../core/shared-styles.js';

export const styles = css`
  :host {
    display: block;
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
