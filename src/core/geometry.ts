/** Small vector helpers for landmark geometry. Pure; degrees at the edges, radians inside. */

export interface Vec2 {
  x: number;
  y: number;
}
export interface Vec3 extends Vec2 {
  z: number;
}

export const RAD_TO_DEG = 180 / Math.PI;

export const sub2 = (a: Vec2, b: Vec2): Vec2 => ({ x: a.x - b.x, y: a.y - b.y });
export const mid2 = (a: Vec2, b: Vec2): Vec2 => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
export const len2 = (v: Vec2): number => Math.hypot(v.x, v.y);
export const dist2 = (a: Vec2, b: Vec2): number => len2(sub2(a, b));

export const sub3 = (a: Vec3, b: Vec3): Vec3 => ({ x: a.x - b.x, y: a.y - b.y, z: a.z - b.z });

/** Angle between two vectors, degrees in [0, 180]; undefined when either has no length. */
export function angleBetween(a: Vec2 | Vec3, b: Vec2 | Vec3): number | undefined {
  const az = 'z' in a ? a.z : 0;
  const bz = 'z' in b ? b.z : 0;
  const la = Math.hypot(a.x, a.y, az);
  const lb = Math.hypot(b.x, b.y, bz);
  if (la === 0 || lb === 0) return undefined;
  const cos = (a.x * b.x + a.y * b.y + az * bz) / (la * lb);
  return Math.acos(Math.max(-1, Math.min(1, cos))) * RAD_TO_DEG;
}

/** The angle at `b` in the chain a–b–c (e.g. the knee between hip and ankle), degrees: 180 = straight. */
export function angleAt<T extends Vec2 | Vec3>(a: T, b: T, c: T): number | undefined {
  const ba = 'z' in a && 'z' in b ? sub3(a as Vec3, b as Vec3) : sub2(a, b);
  const bc = 'z' in c && 'z' in b ? sub3(c as Vec3, b as Vec3) : sub2(c, b);
  return angleBetween(ba, bc);
}

/**
 * Direction of a 2D image vector (y down), degrees clockwise from straight
 * up, in (-180, 180]; undefined for a zero vector.
 */
export function imageDirection(v: Vec2): number | undefined {
  if (v.x === 0 && v.y === 0) return undefined;
  return Math.atan2(v.x, -v.y) * RAD_TO_DEG;
}

/** Signed smallest difference a − b between two angles, degrees in (-180, 180]. */
export function angleDiff(a: number, b: number): number {
  const d = (((a - b) % 360) + 360) % 360;
  return d > 180 ? d - 360 : d;
}
