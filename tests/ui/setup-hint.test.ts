/** Setup hints: one problem spoken at a time, the most important first, never piling up. */
import { describe, expect, it } from 'vitest';
import type { SetupCheck } from '../../src/ui/setup/setup-check.ts';
import { SETUP_HINT_TIMING, setupHintToSay } from '../../src/ui/setup/setup-hint.ts';

const check = (id: SetupCheck['id'], ok: boolean | undefined): SetupCheck => ({
  id,
  ok,
  text: `${id} ${String(ok)}`,
});
const { repeatMs, minGapMs } = SETUP_HINT_TIMING;

describe('setupHintToSay', () => {
  const angleAndFar = [
    check('person', true),
    check('whole-body', true),
    check('distance', false),
    check('light', false),
    check('angle', false),
  ];

  it('says only the top problem, at once the first time', () => {
    expect(setupHintToSay(angleAndFar, undefined, 0)?.id).toBe('angle');
  });

  it('repeats the same problem only after repeatMs', () => {
    const last = { id: 'angle' as const, atMs: 1000 };
    expect(setupHintToSay(angleAndFar, last, 1000 + repeatMs - 1)).toBeUndefined();
    expect(setupHintToSay(angleAndFar, last, 1000 + repeatMs)?.id).toBe('angle');
  });

  it('moves on to the next problem once the first is fixed, after the gap', () => {
    const fixed = angleAndFar.map((c) => (c.id === 'angle' ? check('angle', true) : c));
    const last = { id: 'angle' as const, atMs: 0 };
    expect(setupHintToSay(fixed, last, minGapMs - 1)).toBeUndefined();
    expect(setupHintToSay(fixed, last, minGapMs)?.id).toBe('distance');
  });

  it('stays quiet when nothing is wrong or nothing can be judged', () => {
    expect(setupHintToSay([check('person', true), check('light', undefined)], undefined, 0)).toBe(
      undefined,
    );
  });
});
