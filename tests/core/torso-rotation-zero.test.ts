import { describe, expect, it } from 'vitest';
import { ROTATION_ZERO_RULES, RotationZero } from '../../src/core/torso-rotation-zero.ts';

describe('torso rotation zero (taken sitting square)', () => {
  it('subtracts the median of the first 2 s sitting square, then keeps it', () => {
    const z = new RotationZero();
    // Square but read 8° off by the estimate, 10 fps for 3 s, then a 40° twist.
    const out: (number | undefined)[] = [];
    for (let i = 0; i < 30; i++) out.push(z.next(8 + (i % 3) - 1, i * 100, true));
    expect(z.offsetDeg).toBe(8);
    expect(z.next(48, 3000, true)).toBe(40);
    // A later square spell does not move the zero.
    for (let i = 31; i < 60; i++) z.next(-5, i * 100, true);
    expect(z.offsetDeg).toBe(8);
    expect(out[0]).toBe(7); // too few square frames yet: no zero
  });

  it('takes no zero from frames not seated, turned, or too few', () => {
    const z = new RotationZero();
    for (let i = 0; i < 30; i++) z.next(5, i * 100, false);
    for (let i = 30; i < 60; i++) z.next(30, i * 100, true);
    expect(z.offsetDeg).toBe(0);
    expect(z.next(undefined, 7000, true)).toBeUndefined();
    const few = new RotationZero();
    for (let i = 0; i < ROTATION_ZERO_RULES.minFrames - 1; i++) few.next(9, i * 100, true);
    expect(few.offsetDeg).toBe(0);
  });
});
