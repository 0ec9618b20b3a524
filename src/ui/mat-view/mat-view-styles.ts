import { css } from 'lit';

/**
 * The mat view: <sw-live-coach> with the `mat` attribute fills the screen
 * (full screen when the browser allows it, else the window) and is sized to
 * be read from 2–3 m: the cue at 72 px, the ring at 220 px, captions at
 * 40 px, buttons at least 72 px tall; no status line or key list. On a
 * narrow screen (a phone) the buttons stay fixed at the bottom, so Sharp
 * pain is always on screen without scrolling. Also the hands-free pieces
 * (render-hands-free.ts), in and out of the mat view.
 */
export const matViewStyles = css`
  /* !important: a page's own rules for the element (max-width, margin) must not shrink the mat view. */
  :host([mat]) {
    position: fixed !important; inset: 0 !important; z-index: 1000; overflow: auto;
    max-width: none !important; width: auto !important; margin: 0 !important;
    background: #f6f3ee; color: #1d1d1d; padding: 1rem 1.25rem 7rem !important;
    box-sizing: border-box;
  }
  :host([mat]) .status, :host([mat]) .keys, :host([mat]) [data-testid='engine-note'],
  :host([mat]) sw-exercise-card, :host([mat]) .numbers { display: none; }
  :host([mat]) .stage-wrap { grid-template-columns: minmax(0, 1fr) minmax(22rem, 42%); gap: 1.25rem; }
  :host([mat]) .cue { font-size: 4.5rem; line-height: 1.1; min-height: 0; border-left-width: 14px; }
  :host([mat]) .cue.quiet { font-size: 4rem; color: #555; }
  :host([mat]) sw-hold-ring { width: 220px; height: 220px; flex: none; }
  :host([mat]) .ring-row { flex-wrap: nowrap; }
  :host([mat]) .side, :host([mat]) [data-testid='hold-count'] { font-size: 1.5rem; }
  :host([mat]) .captions { font-size: 2.5rem; line-height: 1.25; padding: 0.75rem 1rem; }
  :host([mat]) .captions p:not(:last-child) { display: none; }
  :host([mat]) h2 { font-size: 1.8rem; margin-bottom: 0.25rem; }
  :host([mat]) .checks li { font-size: 1.6rem; }
  :host([mat]) .guide span { font-size: 2rem; white-space: normal; inline-size: 90%; text-align: center; }
  :host([mat]) button { min-height: 4.5rem; min-width: 4.5rem; font-size: 1.6rem; padding: 0.6rem 1.4rem; border-radius: 14px; }
  :host([mat]) .controls {
    position: fixed; left: 0; right: 0; bottom: 0; z-index: 2; justify-content: center;
    padding: 0.75rem; gap: 0.75rem; background: rgba(246, 243, 238, 0.96);
    border-top: 1px solid #d8d2c8;
  }
  :host([mat]) .controls button.danger { min-width: 12rem; }
  :host([mat]) .hands-free-hint { display: block; font-size: 1.5rem; }
  @media (max-width: 820px) {
    :host([mat]) { padding: 0.5rem 0.5rem 6.5rem !important; }
    :host([mat]) .stage-wrap { grid-template-columns: minmax(0, 1fr); }
    :host([mat]) .cue { font-size: 4rem; min-height: 0; padding: 0.4rem 0.6rem; border-left-width: 8px; overflow-wrap: anywhere; }
    :host([mat]) .captions { font-size: 1.8rem; }
    :host([mat]) .controls { gap: 0.4rem; padding: 0.5rem; }
    :host([mat]) .controls button { font-size: 1.2rem; padding: 0.5rem 0.4rem; flex: 1 1 0; min-width: 0; }
    :host([mat]) .controls button.danger { min-width: 0; flex-grow: 1.6; }
    :host([mat]) .controls button kbd { display: none; }
  }

  .hands-free-hint { display: none; margin: 0; color: #333; }
  .mat-notes { background: #fff4e6; border-left: 6px solid #f59f00; border-radius: 8px; padding: 0.4rem 0.8rem; }
  .mat-notes p { margin: 0.25rem 0; }
  .countdown { background: #eef7f6; border: 3px solid #0b7a75; border-radius: 12px; padding: 0.6rem 0.9rem; font-size: 1.2rem; }
  .countdown p { margin: 0 0 0.5rem; }
  .countdown .count { font-size: 2.4em; font-weight: 700; color: #0b6560; vertical-align: middle; }
  :host([mat]) .countdown { font-size: 2rem; }
  .stop-progress {
    position: absolute; left: 50%; top: 1rem; transform: translateX(-50%); z-index: 1;
    background: rgba(0, 0, 0, 0.72); color: #fff; border-radius: 10px; padding: 0.4rem 0.9rem;
    font-size: 1.2rem; display: grid; gap: 0.3rem; justify-items: center;
  }
  :host([mat]) .stop-progress { font-size: 2.2rem; }
  .stop-progress progress { inline-size: 12rem; block-size: 0.8rem; accent-color: #f59f00; }
  .hurt {
    background: #fff; border: 4px solid #b3261e; border-radius: 16px; padding: 1rem 1.25rem;
    display: grid; gap: 0.75rem;
  }
  .hurt h2 { margin: 0; font-size: 2.4rem; color: #8c1d18; }
  .hurt p { margin: 0; font-size: 1.3rem; }
  .hurt-buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; }
  button.big { min-height: 4.5rem; font-size: 1.6rem; padding: 0.6rem 1.4rem; border-radius: 14px; flex: 1 1 14rem; }
`;
