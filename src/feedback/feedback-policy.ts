/**
 * Turns the conditions a checker raises frame by frame into the cues the
 * person sees and hears: a condition must hold for a while before its cue
 * fires (no flicker), a cue waits before it repeats (no nagging), only one
 * cue comes at a time with the most important first (safety > setup > form
 * > praise), and when a corrected fault clears the person hears that it is
 * fixed. Praise is given only on a frame the caller says deserves it (the
 * hold is counting): never over a fault, never while the ring stands
 * still. Pure: time is an argument.
 */
import { CUE_PRIORITIES, type CueCode, cueDefinition } from './cue-vocabulary.ts';

export interface FeedbackPolicyOptions {
  /** A condition must hold this long before its cue fires, ms. */
  minConditionMs?: number;
  /** The same cue waits this long before it fires again, ms. */
  repeatMs?: number;
  /** Least time between any two cues (a spoken cue needs room), ms. Safety cues skip the queue. */
  minGapMs?: number;
  /** The same praise waits this long before it is said again, ms: praise that repeats turns to noise. */
  praiseRepeatMs?: number;
  /** After praise, a correction waits only this long, ms: praise is short and must never delay one. */
  gapAfterPraiseMs?: number;
  /** "Better" is said only this soon after the fault cleared, ms; later it answers nothing. */
  fixedWithinMs?: number;
  /**
   * A correction is said at most this many times while its condition holds
   * without a break; it is said again only after the condition has cleared.
   */
  maxCorrectionsPerRun?: number;
}

export const DEFAULT_FEEDBACK_POLICY: Required<FeedbackPolicyOptions> = {
  /** EXERCISES.md start value: 0.7 s. */
  minConditionMs: 700,
  /** EXERCISES.md start value: 4 s. */
  repeatMs: 4000,
  /** A short cue takes up to ~2.5 s to say. */
  minGapMs: 2500,
  /** Once per ~20 s: a hold of 15–30 s hears its praise once or twice. */
  praiseRepeatMs: 20000,
  /** The praise lines take ~1.5 s to say. */
  gapAfterPraiseMs: 1500,
  /** Room for the 2.5 s gap after the correction and a moment of good form. */
  fixedWithinMs: 5000,
  /**
   * Issue 14 (dev set, 2026-12-02): a measure that reads a fault the person
   * does not have reads it for the whole stretch, and the 4 s repeat said it
   * up to 9 times in one clip (the roller's place at an angle, the hip height
   * side-on). Said twice and not fixed, a third time helps no one either way.
   * Pooled dev corrections right/all, unlimited → 2 (entry grace on):
   * 45/122 → 45/114 (MediaPipe lite), 40/114 → 40/107 (tfjs), faults caught
   * 20 → 21 and 24 → 24 of 87, false praise 8 → 8 and 8 → 8; 1 lost right
   * cues (32/92) and 3 kept more wrong ones (45/119).
   */
  maxCorrectionsPerRun: 2,
};

export interface CueEvent {
  code: CueCode;
  tMs: number;
}

export class FeedbackPolicy {
  private readonly opts: Required<FeedbackPolicyOptions>;
  /** Since when each raised condition has held without a break. */
  private readonly since = new Map<CueCode, number>();
  private readonly lastFired = new Map<CueCode, number>();
  /** How often each correction has been said in the current unbroken run of its condition. */
  private readonly saidInRun = new Map<CueCode, number>();
  private lastCueMs = Number.NEGATIVE_INFINITY;
  private lastWasPraise = false;
  private lastMs = Number.NEGATIVE_INFINITY;
  /** Corrections that fired and whose condition has not cleared yet. */
  private readonly awaitingFix = new Set<CueCode>();
  /** Corrections whose condition cleared, with when; "fixed" is due. */
  private readonly fixedPending = new Map<CueCode, number>();

  constructor(options: FeedbackPolicyOptions = {}) {
    this.opts = { ...DEFAULT_FEEDBACK_POLICY, ...options };
  }

  /**
   * Feeds the conditions raised for one frame (cue codes whose condition
   * holds now); returns the cue to give now, if any. `praiseAllowed`:
   * whether praise may be given on this frame (the form is good and the
   * hold counting); when false, praise waits.
   */
  update(raised: Iterable<CueCode>, tMs: number, praiseAllowed = true): CueEvent | undefined {
    if (!Number.isFinite(tMs) || tMs <= this.lastMs) return undefined;
    this.lastMs = tMs;
    const now = new Set(raised);
    for (const code of this.since.keys())
      if (!now.has(code)) {
        this.since.delete(code);
        this.saidInRun.delete(code);
      }
    for (const code of now) if (!this.since.has(code)) this.since.set(code, tMs);

    const candidates: CueCode[] = [];
    for (const [code, from] of this.since) {
      if (tMs - from < this.opts.minConditionMs) continue;
      const repeatMs =
        cueDefinition(code).priority === 'praise' ? this.opts.praiseRepeatMs : this.opts.repeatMs;
      if (tMs - (this.lastFired.get(code) ?? Number.NEGATIVE_INFINITY) < repeatMs) continue;
      if (
        cueDefinition(code).corrects &&
        cueDefinition(code).priority !== 'safety' &&
        (this.saidInRun.get(code) ?? 0) >= this.opts.maxCorrectionsPerRun
      )
        continue;
      candidates.push(code);
    }
    // A correction whose condition cleared (after it was cued) earns a "fixed",
    // said when there is room, unless the fault comes back first.
    for (const code of this.awaitingFix) {
      if (!now.has(code)) {
        this.awaitingFix.delete(code);
        this.fixedPending.set(code, tMs);
      }
    }
    for (const [code, clearedMs] of this.fixedPending) {
      if (now.has(code)) {
        // Back before "fixed" was said: the earlier cue still stands.
        this.fixedPending.delete(code);
        this.awaitingFix.add(code);
      } else if (tMs - clearedMs > this.opts.fixedWithinMs) this.fixedPending.delete(code);
    }
    if (this.fixedPending.size) candidates.push('fixed');
    const choices = praiseAllowed
      ? candidates
      : candidates.filter((c) => cueDefinition(c).priority !== 'praise');
    if (!choices.length) return undefined;

    const rank = (c: CueCode) => CUE_PRIORITIES.indexOf(cueDefinition(c).priority);
    choices.sort((a, b) => rank(a) - rank(b));
    const best = choices[0]!;
    const isSafety = cueDefinition(best).priority === 'safety';
    const gapMs = this.lastWasPraise ? this.opts.gapAfterPraiseMs : this.opts.minGapMs;
    if (!isSafety && tMs - this.lastCueMs < gapMs) return undefined;
    this.lastWasPraise = cueDefinition(best).priority === 'praise';
    this.lastFired.set(best, tMs);
    this.saidInRun.set(best, (this.saidInRun.get(best) ?? 0) + 1);
    this.lastCueMs = tMs;
    if (cueDefinition(best).corrects) this.awaitingFix.add(best);
    if (best === 'fixed') this.fixedPending.clear();
    return { code: best, tMs };
  }

  reset(): void {
    this.since.clear();
    this.lastFired.clear();
    this.saidInRun.clear();
    this.awaitingFix.clear();
    this.fixedPending.clear();
    this.lastCueMs = Number.NEGATIVE_INFINITY;
    this.lastWasPraise = false;
    this.lastMs = Number.NEGATIVE_INFINITY;
  }
}
