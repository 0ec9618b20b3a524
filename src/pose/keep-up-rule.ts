/**
 * Keeping up with the camera while coaching: when the device falls behind
 * the analysis rate the coach needs for a sustained window, step down to a
 * lighter model; when there is sustained room for the heavier one again,
 * step back up, never above the model the session started with. Pure:
 * the pose loop feeds it each analysed frame's time and its own clock
 * reading (`tMs`) and carries out the switch it asks for.
 *
 * Hysteresis, so it never flaps:
 * - down only when the median frame time over `downWindowMs` is above the
 *   target frame interval (fewer than `targetFps` frames analysed a second);
 * - up only when the heavier model's time, estimated from how much dearer
 *   it measured on this device than the one running (`ratio`), fits well
 *   inside the budget (`upShare` of the frame budget) over `upWindowMs`,
 *   and at least `upCooldownMs` after the last switch;
 * - a step down soon after a step up (`flapWindowMs`) doubles that cooldown.
 * The first `settleMs` on a fresh model are not counted (cold-start frames).
 *
 * The ladder is the start model, then what `lighterEngine` offers after it
 * (lighter models of the same engine, then the other engine's lite). The
 * other engine's lite is not always lighter: a rung that measures slower
 * than the rung above it did is ruled out and left for the one above.
 */
import type { EngineSpec } from './create-pose-engine.ts';
import { lighterEngine, specKey } from './lighter-engine.ts';

export interface KeepUpOptions {
  /** Frames the coach wants analysed a second; a median frame time above 1000/targetFps is behind. Default 10. */
  targetFps: number;
  /** Share of the frame interval a heavier model's estimated time must fit in to step up, 0–1. Default 0.68 (80 % budget × 0.85 margin). */
  upShare: number;
  /** How long the device must be behind before stepping down, ms. Default 5000. */
  downWindowMs: number;
  /** How long there must be room before stepping up, ms. Default 15000. */
  upWindowMs: number;
  /** Frames of a freshly switched model not counted (warm-up), ms. Default 2000. */
  settleMs: number;
  /** Least time from any switch to a step up, ms; doubled after each flap. Default 20000. */
  upCooldownMs: number;
  /** Most the step-up cooldown grows to, ms. Default 600000 (10 min). */
  maxUpCooldownMs: number;
  /** A step down within this long after a step up counts as a flap, ms. Default 60000. */
  flapWindowMs: number;
  /** A rung counts as lighter than another only below this share of its time. Default 0.9. */
  lighterShare: number;
}

export const DEFAULT_KEEP_UP: KeepUpOptions = {
  targetFps: 10,
  upShare: 0.68,
  downWindowMs: 5000,
  upWindowMs: 15_000,
  settleMs: 2000,
  upCooldownMs: 20_000,
  maxUpCooldownMs: 600_000,
  flapWindowMs: 60_000,
  lighterShare: 0.9,
};

/** Most samples kept (a 15 s window at 30 fps is 450). */
const MAX_SAMPLES = 1000;

export type KeepUpDecision =
  | { kind: 'stay' }
  | {
      kind: 'switch';
      direction: 'down' | 'up';
      /** The ladder rung to switch to; hand it back to `switched` once loaded. */
      index: number;
      spec: EngineSpec;
      /** Why, in a short clause for logs and tests. */
      reason: 'behind' | 'room' | 'no-lighter';
    };

/** The start model and every lighter one, in the order the rule steps down. */
export function keepUpLadder(start: EngineSpec): EngineSpec[] {
  const ladder = [start];
  const seen = new Set([specKey(start)]);
  for (let next = lighterEngine(start, seen); next; next = lighterEngine(next, seen)) {
    ladder.push(next);
    seen.add(specKey(next));
  }
  return ladder;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export class KeepUpRule {
  readonly options: KeepUpOptions;
  /** The rung running now (0: the start model, the ceiling). */
  at = 0;
  /** Per rung: its latest median frame time on this device, ms. */
  readonly refMs: (number | undefined)[];
  /** Per rung i > 0: how much dearer rung i − 1 is than rung i, measured here. */
  readonly ratio: (number | undefined)[];
  /** Rungs that would not load or proved no lighter than the rung above. */
  readonly ruledOut: boolean[];
  private samples: { tMs: number; ms: number }[] = [];
  /** When counting starts on the rung now running (its first sample + settleMs). */
  private countFromMs: number | undefined;
  private lastSwitchMs = Number.NEGATIVE_INFINITY;
  private lastUpMs = Number.NEGATIVE_INFINITY;
  private cooldownMs: number;

  constructor(
    readonly ladder: readonly EngineSpec[],
    options: Partial<KeepUpOptions> = {},
  ) {
    if (!ladder.length) throw new Error('KeepUpRule needs at least one model in its ladder.');
    this.options = { ...DEFAULT_KEEP_UP, ...options };
    this.cooldownMs = this.options.upCooldownMs;
    this.refMs = ladder.map(() => undefined);
    this.ratio = ladder.map(() => undefined);
    this.ruledOut = ladder.map(() => false);
  }

  /** The model running now. */
  get spec(): EngineSpec {
    return this.ladder[this.at]!;
  }

  /** The present step-up cooldown, ms (grows after flaps). */
  get upCooldownMs(): number {
    return this.cooldownMs;
  }

  /**
   * One analysed frame: `frameMs` is what the frame cost from grab to
   * result (one model run), `tMs` the loop's clock when it came. Returns
   * whether to switch; the loop then loads the model and calls `switched`
   * (or `failed`), feeding no samples meanwhile.
   */
  sample(frameMs: number, tMs: number): KeepUpDecision {
    const stay: KeepUpDecision = { kind: 'stay' };
    if (!Number.isFinite(frameMs) || frameMs < 0) return stay;
    const o = this.options;
    if (this.countFromMs === undefined) this.countFromMs = tMs + o.settleMs;
    if (tMs < this.countFromMs) return stay;
    const last = this.samples.at(-1);
    // No frames for a whole window (the loop was paused or starved): what came before is stale.
    if (last && tMs - last.tMs > o.downWindowMs) {
      this.restart();
      return this.sample(frameMs, tMs);
    }
    this.samples.push({ tMs, ms: frameMs });
    const oldest = tMs - Math.max(o.downWindowMs, o.upWindowMs);
    while (this.samples.length > MAX_SAMPLES || this.samples[0]!.tMs < oldest) this.samples.shift();
    const counted = tMs - this.countFromMs;
    if (counted < o.downWindowMs) return stay;
    const recent = median(
      this.samples.filter((s) => s.tMs >= tMs - o.downWindowMs).map((s) => s.ms),
    );
    this.refMs[this.at] = recent;
    const above = this.refMs[this.at - 1];
    // The first full window after arriving: how much dearer the rung above was, both measured here.
    if (this.at > 0 && above !== undefined && this.ratio[this.at] === undefined) {
      this.ratio[this.at] = above / recent;
    }
    const targetMs = 1000 / o.targetFps;
    if (recent > targetMs) return this.stepDown(recent);
    if (this.at === 0 || counted < o.upWindowMs || tMs - this.lastSwitchMs < this.cooldownMs) {
      return stay;
    }
    const ratio = this.ratio[this.at];
    if (ratio === undefined || this.ruledOut[this.at - 1]) return stay;
    const estimate = ratio * median(this.samples.map((s) => s.ms));
    if (estimate > targetMs * o.upShare) return stay;
    return {
      kind: 'switch',
      direction: 'up',
      index: this.at - 1,
      spec: this.ladder[this.at - 1]!,
      reason: 'room',
    };
  }

  private stepDown(recentMs: number): KeepUpDecision {
    const o = this.options;
    const above = this.refMs[this.at - 1];
    // The other engine's rung measures slower than the rung above did: it is no lighter here.
    // (A lighter model of the same engine always is; its times only say the load grew.)
    const otherEngine = this.at > 0 && this.ladder[this.at - 1]!.engine !== this.spec.engine;
    if (otherEngine && above !== undefined && above < recentMs * o.lighterShare) {
      this.ruledOut[this.at] = true;
      return {
        kind: 'switch',
        direction: 'up',
        index: this.at - 1,
        spec: this.ladder[this.at - 1]!,
        reason: 'no-lighter',
      };
    }
    for (let i = this.at + 1; i < this.ladder.length; i++) {
      if (this.ruledOut[i]) continue;
      const known = this.refMs[i];
      if (known !== undefined && known >= recentMs * o.lighterShare) continue;
      return {
        kind: 'switch',
        direction: 'down',
        index: i,
        spec: this.ladder[i]!,
        reason: 'behind',
      };
    }
    return { kind: 'stay' };
  }

  /** The loop switched to rung `index` at `tMs`; counting starts afresh there. */
  switched(index: number, tMs: number): void {
    const o = this.options;
    const down = index > this.at;
    if (down && tMs - this.lastUpMs < o.flapWindowMs) {
      this.cooldownMs = Math.min(o.maxUpCooldownMs, this.cooldownMs * 2);
    }
    if (down)
      this.ratio[index] = undefined; // re-learnt on arrival, against the rung just left
    else this.lastUpMs = tMs;
    this.at = index;
    this.lastSwitchMs = tMs;
    this.restart();
  }

  /** Rung `index` would not load: never tried again. The rung running goes on, counted afresh. */
  failed(index: number): void {
    this.ruledOut[index] = true;
    this.restart();
  }

  /** The same model started again (a worker restart, a pause): counting starts afresh. */
  restart(): void {
    this.samples = [];
    this.countFromMs = undefined;
  }
}
