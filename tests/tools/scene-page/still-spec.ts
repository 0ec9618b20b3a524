/** One still frame of the rendered figure. Lengths in metres (world units), angles in degrees. */
export interface StillSpec {
  width: number;
  height: number;
  figure: 'male' | 'female';
  /** Figure height, metres. */
  figureHeight?: number;
  camera: { position: [number, number, number]; target: [number, number, number]; fov: number };
  /** mannequin-js joint angles, applied in key order after the default posture. */
  posture: Record<string, number>;
}

export interface StillTruth {
  /** PNG as a data URL. */
  png: string;
  /** Joint positions projected into the image (normalised) plus world position. */
  joints: Record<string, { x: number; y: number; world: { x: number; y: number; z: number } }>;
}
