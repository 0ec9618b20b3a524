/**
 * How a camera frame is taken off the <video> for the pose worker: the
 * `createImageBitmap` options. No colour-space conversion and no
 * premultiplied alpha: the models want the camera's pixels as they are, and
 * measured on Chromium's fake camera (tests/tools/bench/camera-frames.ts,
 * README "Camera frames vs decoded frames") MediaPipe took 1.2–1.5× longer
 * on a bitmap grabbed with the default options than on the same pixels made
 * from RGBA bytes, and 0.77–0.87× of that time with these.
 */

/**
 * Frames wider than this are scaled down before they go to the model, px:
 * the models look at 256 px (BlazePose) anyway, and a smaller bitmap is
 * cheaper to copy and to turn. Default 960.
 */
export const MAX_FRAME_WIDTH = 960;

/** createImageBitmap options for a camera frame of this size (a large one scaled down, aspect kept). */
export function cameraGrabOptions(width: number, height: number): ImageBitmapOptions {
  const raw: ImageBitmapOptions = { colorSpaceConversion: 'none', premultiplyAlpha: 'none' };
  if (width <= MAX_FRAME_WIDTH) return raw;
  return {
    ...raw,
    resizeWidth: MAX_FRAME_WIDTH,
    resizeHeight: Math.round((height * MAX_FRAME_WIDTH) / width),
    resizeQuality: 'medium',
  };
}
