// mannequin-js ships no types; only what the scene page uses.
declare module 'mannequin-js/src/bodies/Male.js' {
  import type { Group, Object3D } from 'three';
  export class Male extends Group {
    constructor(height?: number);
    stepOnGround(): void;
    [joint: string]: unknown;
  }
  export type Joint = Object3D & Record<string, number>;
}
declare module 'mannequin-js/src/bodies/Female.js' {
  import type { Group } from 'three';
  export class Female extends Group {
    constructor(height?: number);
    stepOnGround(): void;
    [joint: string]: unknown;
  }
}
declare module 'mannequin-js/src/scene.js' {
  import type { Camera, Scene, WebGLRenderer } from 'three';
  export function getStage(): { renderer: WebGLRenderer; scene: Scene; camera: Camera };
}
