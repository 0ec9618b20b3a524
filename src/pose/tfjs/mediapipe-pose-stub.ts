/**
 * Stands in for `@mediapipe/pose` in the app bundle. pose-detection imports
 * it for its "mediapipe" runtime, which Spinewise never uses (it loads
 * scripts and weights from a CDN); we use the "tfjs" runtime only.
 */
export class Pose {
  constructor() {
    throw new Error('The legacy @mediapipe/pose runtime is not bundled; use runtime "tfjs".');
  }
}
