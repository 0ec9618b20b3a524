/**
 * Builds a scene's timeline step by step: each step moves the figure to a
 * new state over some seconds (or holds it), and says which phase that time
 * is in. Faults are added as intervals by the exercise's generator, which
 * knows where each fault crosses its line.
 */
import type { Easing, Fault, Interval, Keyframe, Phase } from '../scenes/scene-format.ts';

/** Times in the scene are kept to hundredths of a second. */
const r2 = (v: number) => Math.round(v * 100) / 100;

export interface Target {
  pose?: string;
  set?: Record<string, number>;
  x?: number;
  z?: number;
  rollerAt?: number;
}

export class ClipScript {
  t = 0;
  readonly keyframes: Keyframe[] = [];
  readonly phases: Interval<Phase>[] = [];
  readonly faults: Interval<Fault>[] = [];

  constructor(start: Target) {
    this.keyframes.push({ t: 0, ...start });
  }

  /** Moves to `target` over `seconds` (the time counts as `phase`); `ease` is how it gets there. */
  move(seconds: number, target: Target, phase: Phase, ease: Easing = 'smooth') {
    const prev = this.keyframes.at(-1)!;
    if (ease === 'linear') prev.ease = 'linear';
    else delete prev.ease;
    const t = r2(this.t + Math.max(0.1, seconds));
    this.keyframes.push({ t, ...target });
    this.phaseUntil(t, phase);
    this.t = t;
  }

  /** Stays where it is for `seconds`. */
  hold(seconds: number, phase: Phase) {
    this.move(seconds, {}, phase);
  }

  fault(name: Fault, from: number, to: number) {
    const a = r2(Math.max(0, from));
    const b = r2(to);
    if (b > a) this.faults.push({ from: a, to: b, name });
  }

  private phaseUntil(t: number, name: Phase) {
    const last = this.phases.at(-1);
    if (last?.name === name) last.to = t;
    else this.phases.push({ from: last?.to ?? 0, to: t, name });
  }

  get duration() {
    return this.t;
  }
}

/** Where on a smooth (smoothstep) move from 0 to `size` the value first reaches `line`, as a fraction of the move. */
export function smoothCrossing(size: number, line: number): number | undefined {
  if (Math.abs(size) < Math.abs(line) || line === 0) return undefined;
  const target = line / size;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 40; i++) {
    const u = (lo + hi) / 2;
    if (u * u * (3 - 2 * u) < target) lo = u;
    else hi = u;
  }
  return (lo + hi) / 2;
}
