/**
 * The live coach's keyboard shortcuts as data: which key does what, in
 * which stage, and whether the coach takes the key from the page (so Space
 * does not scroll). The first entry that matches wins; `coachKeyAction` is
 * pure, and the help line under the coach is made from the same table.
 */
import type { CoachStage } from '../../session/coach-flow.ts';

export type CoachKeyAction =
  | 'sharp-pain'
  | 'pause'
  | 'start-now'
  | 'leave-mat'
  | 'mat'
  | 'decline'
  | 'stop'
  | 'voice'
  | 'accept';

export interface KeyContext {
  stage: CoachStage;
  /** The mat view is full screen. */
  matActive: boolean;
}

interface KeyBinding {
  /** `KeyboardEvent.key`, lower case. */
  key: string;
  action: CoachKeyAction;
  when?: (c: KeyContext) => boolean;
  /** preventDefault: the key's own effect on the page (scrolling, pressing) would be wrong here. */
  takesKey?: boolean;
}

const camera = (c: KeyContext) => c.stage === 'setup' || c.stage === 'live';

export const COACH_KEYS: readonly KeyBinding[] = [
  // Sharp pain works in every stage, and first: nothing may shadow it.
  { key: 'p', action: 'sharp-pain', takesKey: true },
  { key: ' ', action: 'pause', when: (c) => c.stage === 'live', takesKey: true },
  { key: 'enter', action: 'start-now', when: (c) => c.stage === 'setup', takesKey: true },
  // Esc leaves the mat view first; a second Esc stops.
  { key: 'escape', action: 'leave-mat', when: (c) => c.matActive },
  { key: 'm', action: 'mat', when: camera },
  { key: 'n', action: 'decline' },
  { key: 'escape', action: 'stop' },
  { key: 's', action: 'stop' },
  { key: 'v', action: 'voice' },
  { key: 'c', action: 'accept' },
];

/** The help line: keys as shown and what they do, in reading order. */
export const COACH_KEY_HELP: ReadonlyArray<{ keys: string[]; does: string }> = [
  { keys: ['Space'], does: 'pause/resume' },
  { keys: ['Enter'], does: 'start now (setup)' },
  { keys: ['S', 'Esc'], does: 'stop' },
  { keys: ['P'], does: 'sharp pain' },
  { keys: ['V'], does: 'voice on/off' },
  { keys: ['C'], does: 'coach the recognised stretch' },
  { keys: ['N'], does: 'not this one' },
  { keys: ['M'], does: 'mat view' },
];

/** What a key press asks the coach to do, or undefined (with a modifier held: never). */
export function coachKeyAction(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  c: KeyContext,
): { action: CoachKeyAction; takesKey: boolean } | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const key = e.key.toLowerCase();
  const hit = COACH_KEYS.find((b) => b.key === key && (b.when?.(c) ?? true));
  return hit && { action: hit.action, takesKey: hit.takesKey ?? false };
}

/**
 * Keys that belong to the focused control rather than to the coach: every
 * key in a text field, and Space/Enter on a button, select, checkbox or
 * slider (they press or change it; the coach acting too would do it twice).
 */
export function keyBelongsToControl(e: KeyboardEvent): boolean {
  const t = e.composedPath()[0];
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA') return true;
  const nonText = ['checkbox', 'radio', 'range', 'button', 'submit', 'reset'];
  if (t.tagName === 'INPUT' && !nonText.includes((t as HTMLInputElement).type)) return true;
  const control = t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'BUTTON';
  return control && (e.key === ' ' || e.key === 'Enter');
}
