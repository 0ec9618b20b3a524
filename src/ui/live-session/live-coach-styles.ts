import { css } from 'lit';

/** Styles of <sw-live-coach>, kept apart so the element reads as behaviour. */
export const liveCoachStyles = css`
  :host { display: block; }
  h2 { margin: 0 0 0.75rem; }
  button, select { font: inherit; }
  button {
    padding: 0.55rem 1rem; border-radius: 8px; border: 1px solid #0b7a75;
    background: #fff; color: #0b7a75; cursor: pointer;
  }
  button.primary { background: #0b7a75; color: #fff; }
  button.danger { background: #b3261e; border-color: #b3261e; color: #fff; font-weight: 600; }
  button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #f59f00; outline-offset: 2px; }
  kbd { font: 0.8em ui-monospace, monospace; border: 1px solid #bbb; border-bottom-width: 2px; border-radius: 4px; padding: 0 0.3em; background: #fafafa; color: #333; }
  .choices { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0.75rem; margin-bottom: 1rem; }
  .choice { text-align: left; padding: 0.8rem 1rem; border-radius: 12px; border: 2px solid #d8d2c8; background: #fff; color: #1d1d1d; }
  .choice[aria-pressed='true'] { border-color: #0b7a75; background: #eef7f6; }
  /* Disabled looks disabled (grey, dashed, no pointer) yet stays readable: its text says why. */
  .choice:disabled { background: #f1f3f5; border-style: dashed; border-color: #adb5bd; color: #495057; cursor: not-allowed; }
  .choice:disabled strong { color: #495057; }
  .closed-line { display: block; margin-top: 0.2rem; }
  button:disabled, button.primary:disabled { background: #e9ecef; border-color: #adb5bd; color: #495057; cursor: not-allowed; }
  .side-choice[aria-pressed='true'] { background: #0b7a75; color: #fff; font-weight: 600; }
  .routine { background: #fff; border: 2px solid #0b7a75; border-radius: 12px; padding: 0.8rem 1rem; margin-bottom: 1rem; }
  .routine h3 { margin: 0 0 0.3rem; color: #0b6560; }
  .routine p { margin: 0 0 0.6rem; line-height: 1.4; }
  h3.or { font-size: 1rem; margin: 0 0 0.5rem; color: #444; }
  .rest { background: #fff; border-radius: 12px; padding: 1rem 1.25rem; margin-bottom: 1rem; border-left: 8px solid #1971c2; }
  .rest .big { font-size: 3rem; font-weight: 700; font-variant-numeric: tabular-nums; }
  .rest-left { margin: 0; }
  .muted { color: #555; }
  .live-h { font-size: 1.1rem; margin: 0; }
  .routine-place { margin: 0 0 0.5rem; color: #0b6560; font-weight: 600; }
  .legend { margin: 0; color: #555; font-size: 0.85rem; }
  .choice strong { display: block; color: #0b7a75; margin-bottom: 0.2rem; }
  .row { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 0.75rem 0; }
  .stage-wrap { display: grid; grid-template-columns: minmax(0, 1fr) 19rem; gap: 1rem; align-items: start; }
  @media (max-width: 820px) { .stage-wrap { grid-template-columns: 1fr; } }
  .stage { position: relative; background: #222; border-radius: 12px; overflow: hidden; aspect-ratio: 16 / 9; }
  .stage.mirror video, .stage.mirror canvas { transform: scaleX(-1); }
  video, canvas { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
  .stage .badge { position: absolute; left: 0.75rem; top: 0.75rem; background: rgba(0,0,0,0.6); color: #fff; padding: 0.25rem 0.6rem; border-radius: 6px; font-size: 0.9rem; }
  .guide { position: absolute; inset: 6% 4%; border: 3px dashed rgba(255,255,255,0.7); border-radius: 16px; pointer-events: none; }
  .guide.ok { border-color: rgba(47,158,68,0.9); border-style: solid; }
  /* The position to take, faint, inside the frame the body should fill. */
  .silhouette { position: absolute; inset: 8% 6% 14%; opacity: 0.35; }
  .silhouette svg { width: 100%; height: 100%; }
  .silhouette polyline { fill: none; stroke: #fff; stroke-width: 2.5; stroke-linecap: round; stroke-linejoin: round; }
  .silhouette .to { animation: fade 3s ease-in-out infinite alternate; opacity: 0; }
  .silhouette .from { animation: fade 3s ease-in-out infinite alternate-reverse; }
  @keyframes fade { from { opacity: 0; } to { opacity: 1; } }
  .guide span { position: absolute; bottom: 0.5rem; left: 50%; transform: translateX(-50%); color: #fff; background: rgba(0,0,0,0.55); padding: 0.2rem 0.6rem; border-radius: 6px; white-space: nowrap; font-size: 0.95rem; }
  .panel { display: grid; gap: 0.75rem; }
  .cue { font-size: 1.7rem; line-height: 1.2; font-weight: 700; min-height: 4.2rem; padding: 0.75rem 1rem; border-radius: 12px; background: #fff; border-left: 8px solid #0b7a75; }
  .cue.safety { border-left-color: #b3261e; color: #8c1d18; }
  /* #555 on white is 7.5:1 (#777 was 4.48:1, under the 4.5:1 that text needs). */
  .cue.quiet { color: #555; font-weight: 500; font-size: 1.2rem; }
  .numbers { display: grid; grid-template-columns: auto auto; gap: 0.2rem 0.75rem; margin: 0; background: #fff; border-radius: 10px; padding: 0.6rem 0.8rem; }
  .numbers dt { color: #555; }
  .numbers dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; }
  /* The ring never shrinks for the twist's side box: 200 px keeps its "of 15 s" legible; the box wraps below. */
  .ring-row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
  .ring-row sw-hold-ring { flex: none; width: 200px; height: 200px; }
  .side { font-size: 1.05rem; background: #fff; padding: 0.4rem 0.7rem; border-radius: 8px; }
  .side.due { border: 2px solid #f59f00; }
  .side p { margin: 0.3rem 0; font-weight: 600; }
  .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .status { font: 0.85rem ui-monospace, monospace; color: #444; }
  .checks { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.35rem; }
  .checks li { padding: 0.35rem 0.6rem; border-radius: 8px; background: #fff; }
  .checks li.ok { border-left: 6px solid #2f9e44; }
  .checks li.bad { border-left: 6px solid #f76707; font-weight: 600; }
  .checks li.unknown { border-left: 6px solid #adb5bd; color: #666; }
  .progress { list-style: none; padding: 0; margin: 0 0 0.75rem; display: grid; gap: 0.35rem; }
  .progress li { padding: 0.35rem 0.6rem; border-radius: 8px; background: #fff; border-left: 6px solid #adb5bd; color: #555; }
  .progress li.done { border-left-color: #2f9e44; color: #1d1d1d; }
  .progress li.active { border-left-color: #1971c2; color: #1d1d1d; font-weight: 600; }
  .captions { background: #1d1d1d; color: #f8f9fa; border-radius: 10px; padding: 0.5rem 0.75rem; min-height: 2.5rem; font-size: 0.95rem; }
  .captions p { margin: 0.15rem 0; }
  .captions p:last-child { font-weight: 600; }
  .captions .safety { color: #ffa8a8; }
  .captions p.muted { color: #adb5bd; font-weight: 400; }
  .offer { background: #fff4e6; border: 2px solid #f59f00; border-radius: 10px; padding: 0.6rem 0.8rem; }
  .note { background: #fff; border-left: 6px solid #adb5bd; padding: 0.5rem 0.75rem; border-radius: 8px; }
  .note.warn { border-left-color: #e8590c; }
  .error { color: #a61e1e; background: #fff0f0; padding: 0.75rem; border-radius: 8px; }
  table { border-collapse: collapse; background: #fff; border-radius: 10px; overflow: hidden; }
  th, td { padding: 0.4rem 0.9rem; text-align: left; }
  th { background: #eef7f6; }
  tr + tr td { border-top: 1px solid #eee; }
  details { margin-top: 1rem; }
  .keys { color: #444; font-size: 0.9rem; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  @media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
