import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  [part='error'] {
    box-sizing: border-box;
    margin-block-end: 1rem;
    padding: 0.75rem 1rem;
    border: 2px solid var(--lc-error-color, #b3261e);
    border-inline-start-width: 6px;
    border-radius: var(--lc-radius, 6px);
    background: var(--lc-error-background, #fdecea);
    color: var(--lc-error-text, #5f1410);
    font: inherit;
    overflow-wrap: anywhere;
  }
  ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  @media (forced-colors: active) {
    [part='error'] {
      border-color: CanvasText;
    }
  }
`;
