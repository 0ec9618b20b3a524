import { describe, expect, it } from 'vitest';
import type { CoachStage } from '../../src/session/coach-flow.ts';
import {
  COACH_KEY_HELP,
  COACH_KEYS,
  coachKeyAction,
} from '../../src/ui/live-session/coach-keymap.ts';

const press = (key: string, stage: CoachStage, matActive = false, mods = {}) =>
  coachKeyAction(
    { key, ctrlKey: false, metaKey: false, altKey: false, ...mods },
    { stage, matActive },
  );

describe('coach keymap', () => {
  it.each<[string, CoachStage, boolean, string | undefined, boolean]>([
    ['p', 'loading', false, 'sharp-pain', true],
    ['P', 'live', false, 'sharp-pain', true],
    ['p', 'choose', false, 'sharp-pain', true],
    [' ', 'live', false, 'pause', true],
    // Space outside a session is left to the page (it scrolls or presses a button).
    [' ', 'setup', false, undefined, false],
    ['Enter', 'setup', false, 'start-now', true],
    ['Enter', 'live', false, undefined, false],
    ['Escape', 'live', true, 'leave-mat', false],
    ['Escape', 'live', false, 'stop', false],
    ['Escape', 'loading', false, 'stop', false],
    ['s', 'loading', false, 'stop', false],
    ['m', 'setup', false, 'mat', false],
    ['m', 'choose', false, undefined, false],
    ['n', 'live', false, 'decline', false],
    ['v', 'choose', false, 'voice', false],
    ['c', 'live', false, 'accept', false],
    ['x', 'live', false, undefined, false],
  ])('%j in %s (mat %s) → %s', (key, stage, mat, action, takesKey) => {
    const hit = press(key, stage, mat);
    expect(hit?.action).toBe(action);
    expect(hit?.takesKey ?? false).toBe(takesKey);
  });

  it('never acts with a modifier held (the browser’s own shortcuts)', () => {
    for (const mod of ['ctrlKey', 'metaKey', 'altKey']) {
      expect(press('p', 'live', false, { [mod]: true })).toBeUndefined();
      expect(press('s', 'live', false, { [mod]: true })).toBeUndefined();
    }
  });

  it('sharp pain comes first in the table, so nothing can shadow it', () => {
    expect(COACH_KEYS[0]).toMatchObject({ key: 'p', action: 'sharp-pain' });
    expect(COACH_KEYS[0]!.when).toBeUndefined();
  });

  it('the help line names every key the table binds', () => {
    const shown = new Set(COACH_KEY_HELP.flatMap((h) => h.keys.map((k) => k.toLowerCase())));
    const named = (k: string) => (k === ' ' ? 'space' : k === 'escape' ? 'esc' : k);
    for (const b of COACH_KEYS) expect(shown, b.key).toContain(named(b.key));
  });
});
