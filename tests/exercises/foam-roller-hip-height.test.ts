import { describe, expect, it } from 'vitest';
import { FOAM_ROLLER_CONFIG as C } from '../../src/exercises/foam-roller/config.ts';
import { rollerHipHeightThighs } from '../../src/exercises/foam-roller/hip-height.ts';

describe("the roller's hip height", () => {
  it('is the floor-line hip height when seen side-on', () => {
    expect(rollerHipHeightThighs({ hipHeightThighs: 0.35, shoulderWidthTorso: 0.05 })).toBe(0.35);
    expect(rollerHipHeightThighs({ hipHeightThighs: 0.62, shoulderWidthTorso: 0 })).toBe(0.62);
  });

  it('is unknown at an angle, where the feet lie at another depth than the hips', () => {
    const line = C.hipHeightSideOnMaxShoulderWidthTorso;
    expect(rollerHipHeightThighs({ hipHeightThighs: 0.35, shoulderWidthTorso: line })).toBe(
      undefined,
    );
    expect(rollerHipHeightThighs({ hipHeightThighs: 0.35, shoulderWidthTorso: 0.5 })).toBe(
      undefined,
    );
    // Without both shoulders the view cannot be told, so neither can the height.
    expect(rollerHipHeightThighs({ hipHeightThighs: 0.35 })).toBe(undefined);
  });

  it('is unknown when not measured or implausibly low or high (a misplaced foot point)', () => {
    expect(rollerHipHeightThighs({ shoulderWidthTorso: 0.05 })).toBe(undefined);
    expect(rollerHipHeightThighs({ hipHeightThighs: -0.8, shoulderWidthTorso: 0.05 })).toBe(
      undefined,
    );
    expect(rollerHipHeightThighs({ hipHeightThighs: 2.2, shoulderWidthTorso: 0.05 })).toBe(
      undefined,
    );
  });
});
