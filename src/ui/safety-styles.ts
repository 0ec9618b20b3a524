/**
 * Styles shared by the safety and pain-log elements: calm colours, large
 * targets, visible focus. Adopted stylesheets (Lit `css`), so no inline
 * style attributes and nothing the page's CSP has to allow.
 */
import { css } from 'lit';

export const safetyStyles = css`
  :host { display: block; line-height: 1.45; }
  h2 { font-size: 1.35rem; margin: 0 0 0.5rem; color: #123; }
  h2:focus, h3:focus { outline: 3px solid #1a5fb4; outline-offset: 4px; }
  h3 { font-size: 1.1rem; margin: 1rem 0 0.4rem; }
  p { margin: 0.4rem 0; }
  .card {
    background: #fff; border: 1px solid #d9d4cc; border-radius: 12px;
    padding: 1rem 1.25rem; margin: 0 0 1rem; max-width: 46rem;
  }
  .muted { color: #555; font-size: 0.95rem; }
  button, .button {
    font: inherit; padding: 0.6rem 1.1rem; border-radius: 8px; cursor: pointer;
    border: 1px solid #0b7a75; background: #fff; color: #0b6560; min-height: 2.75rem;
  }
  button.primary { background: #0b7a75; color: #fff; border-color: #0b7a75; }
  button.link {
    border: none; background: none; text-decoration: underline; padding: 0; min-height: 0; color: #0b6560;
  }
  button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
    outline: 3px solid #1a5fb4; outline-offset: 2px;
  }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  .actions { display: flex; gap: 0.75rem; flex-wrap: wrap; margin-top: 1rem; align-items: center; }
  fieldset { border: 1px solid #d9d4cc; border-radius: 10px; margin: 0 0 0.9rem; padding: 0.6rem 1rem 0.8rem; }
  legend { font-weight: 600; padding: 0 0.35rem; }
  label.choice { display: flex; gap: 0.6rem; align-items: flex-start; padding: 0.3rem 0; cursor: pointer; }
  label.choice input { width: 1.2rem; height: 1.2rem; margin-top: 0.15rem; flex: none; }
  .field { display: flex; flex-direction: column; gap: 0.25rem; margin: 0.6rem 0; max-width: 24rem; }
  .field input, .field select, .field textarea {
    font: inherit; padding: 0.45rem 0.55rem; border: 1px solid #999; border-radius: 6px;
  }
  .errors {
    border: 2px solid #b3261e; background: #fff4f2; border-radius: 10px; padding: 0.6rem 1rem; margin: 0 0 1rem;
  }
  .errors:focus { outline: 3px solid #1a5fb4; outline-offset: 2px; }
  .errors ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
  .invalid { border-color: #b3261e; }
  .note { border-left: 4px solid #0b7a75; background: #eef7f6; padding: 0.6rem 0.9rem; border-radius: 0 8px 8px 0; margin: 0.6rem 0; }
  .warn { border-left-color: #b26a00; background: #fff6e5; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
`;
