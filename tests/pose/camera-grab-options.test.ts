/** The camera frame grab: the camera's pixels as they are, a large frame scaled down to MAX_FRAME_WIDTH. */
import { describe, expect, it } from 'vitest';
import { cameraGrabOptions, MAX_FRAME_WIDTH } from '../../src/pose/camera-grab-options.ts';

describe('cameraGrabOptions', () => {
  it('takes a frame up to MAX_FRAME_WIDTH at its size, with no colour-space conversion or premultiplied alpha', () => {
    expect(cameraGrabOptions(640, 480)).toEqual({
      colorSpaceConversion: 'none',
      premultiplyAlpha: 'none',
    });
    expect(cameraGrabOptions(MAX_FRAME_WIDTH, 540).resizeWidth).toBeUndefined();
  });

  it('scales a wider frame down to MAX_FRAME_WIDTH, aspect kept, the same raw pixels', () => {
    expect(cameraGrabOptions(1920, 1080)).toEqual({
      colorSpaceConversion: 'none',
      premultiplyAlpha: 'none',
      resizeWidth: 960,
      resizeHeight: 540,
      resizeQuality: 'medium',
    });
  });
});
