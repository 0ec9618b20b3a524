/**
 * One verdict per frame for everything the screen shows about the form:
 * the banner's text, whether the hold ring counts, and which parts of the
 * skeleton are drawn orange all come from it, so they cannot disagree.
 * Praise stays in the banner only while the hold is counting; a correction
 * only while its fault is still raised; when the form turns bad the banner
 * changes on that frame (the correction if it was already given, else a
 * neutral line while the condition builds up toward its cue).
 * Pure: time is an argument. Lifetime: one exercise pipeline.
 */
import type { Hold } from '../core/hold-timer.ts';
import type { Verdict } from '../exercises/checker.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import { type RateProblem, rateProblem, rateWarning } from './analysis-rate.ts';
import { type BodyPart, CUE_PARTS } from './cue-body-parts.ts';
import { CUE_PRIORITIES, type CueCode, cueDefinition } from './cue-vocabulary.ts';
import type { CueEvent } from './feedback-policy.ts';

export type ScreenState =
  /** The hold is counting: praise may show. */
  | 'good'
  /** A fault is raised and its cue has not been given yet. */
  | 'building'
  /** A fault is raised and its cue was given: the banner shows it. */
  | 'correction'
  /** In position and nothing wrong, but not a hold (rolling, not turned yet). */
  | 'ready'
  /** The measures the form depends on cannot be seen. */
  | 'unknown'
  /** Nothing to judge: no exercise, setting up, resting. */
  | 'not-judged';

export type BannerTone = 'safety' | 'correction' | 'praise' | 'quiet';

export interface ScreenVerdict {
  state: ScreenState;
  /** The cue in the banner, if the banner shows one. */
  cue?: CueCode;
  /** The banner's text. */
  text: string;
  tone: BannerTone;
  /** The hold ring counts on this frame. */
  ringCounting: boolean;
  /** The whole skeleton is judged (green where nothing is wrong) rather than only shown (light blue). */
  judged: boolean;
  /** Parts drawn orange: those a raised fault is about, judged or not. */
  offParts: BodyPart[];
  /** The device analyses too few frames a second for something the coach times: what to do. */
  rateWarning?: string;
}

/** Neutral banner lines (no cue): what the coach is doing, never a judgement it cannot make. */
export const SCREEN_LINES = {
  watching: 'Watching your form…',
  holding: 'Holding…',
  unknown: 'I can’t see enough to judge your form',
  setup: 'Get into position when you are ready',
  resting: 'Resting. Go again when you are ready',
  start: 'Start your stretch…',
} as const;

export interface ScreenInput {
  tMs: number;
  /** The checker's verdict; undefined when nothing is judged (no exercise chosen yet). */
  verdict: Verdict | undefined;
  /** The cue given on this frame, if any. */
  cue?: CueEvent | undefined;
  /** The hold in progress after this frame, if any. */
  hold?: Readonly<Hold> | undefined;
  /** Frames analysed a second (median interval) and how many intervals it rests on. */
  framesPerS?: number | undefined;
  intervals?: number;
}

const isPraise = (code: CueCode) => cueDefinition(code).priority === 'praise';
const rank = (code: CueCode) => CUE_PRIORITIES.indexOf(cueDefinition(code).priority);

/** The conditions on this frame that say something is wrong (everything raised but praise). */
export function faultsOf(verdict: Verdict | undefined): CueCode[] {
  return (verdict?.raised ?? []).filter((c) => !isPraise(c));
}

/** Whether a frame counts toward a hold: form good and nothing wrong raised. */
export function countsAsGood(verdict: Verdict): boolean | undefined {
  if (verdict.formGood === undefined) return undefined;
  return verdict.formGood && faultsOf(verdict).length === 0;
}

export class ScreenVerdictTracker {
  /** Since when each fault has been raised without a break, ms. */
  private readonly since = new Map<CueCode, number>();
  /** When each cue was last given, ms. */
  private readonly given = new Map<CueCode, number>();
  /** The praise given during the current good run, if any. */
  private praise: CueCode | undefined;
  private shownRate: RateProblem | undefined;

  constructor(private readonly exercise: ExerciseId | undefined) {}

  update(input: ScreenInput): ScreenVerdict {
    const { tMs, verdict, cue, hold } = input;
    const faults = faultsOf(verdict);
    for (const code of this.since.keys()) if (!faults.includes(code)) this.since.delete(code);
    for (const code of faults) if (!this.since.has(code)) this.since.set(code, tMs);
    if (cue) this.given.set(cue.code, cue.tMs);

    const judged =
      verdict !== undefined &&
      verdict.formGood !== undefined &&
      (verdict.phase === 'in-position' || verdict.phase === 'holding');
    // A raised fault rests on measures that were seen: its part is orange even where the rest
    // of the body is not judged (unknown measures, or the twist's "turn further" while square).
    const offParts = [...new Set(faults.flatMap((c) => CUE_PARTS[c] ?? []))];
    const good = verdict !== undefined && countsAsGood(verdict) === true && hold !== undefined;
    if (!good) this.praise = undefined;
    else if (cue && isPraise(cue.code)) this.praise = cue.code;

    const base = { judged, offParts, ringCounting: good, ...this.rate(input) };
    // A fault whose cue was given during this very run of it: the banner keeps that cue.
    const cued = faults
      .filter((c) => (this.given.get(c) ?? Number.NEGATIVE_INFINITY) >= this.since.get(c)!)
      .sort((a, b) => rank(a) - rank(b) || this.given.get(b)! - this.given.get(a)!);
    const shown = cued[0];
    if (shown) {
      const safety = cueDefinition(shown).priority === 'safety';
      const text = cueDefinition(shown).text;
      return {
        ...base,
        state: 'correction',
        cue: shown,
        text,
        tone: safety ? 'safety' : 'correction',
      };
    }
    if (!verdict) return { ...base, state: 'not-judged', text: SCREEN_LINES.start, tone: 'quiet' };
    // A fault seen is bad form even where other measures are unknown.
    if (faults.length)
      return { ...base, state: 'building', text: SCREEN_LINES.watching, tone: 'quiet' };
    if (verdict.formGood === undefined)
      return { ...base, state: 'unknown', text: SCREEN_LINES.unknown, tone: 'quiet' };
    if (!judged) {
      const text = verdict.phase === 'setup' ? SCREEN_LINES.setup : SCREEN_LINES.resting;
      return { ...base, state: 'not-judged', text, tone: 'quiet' };
    }
    if (good) {
      return this.praise
        ? {
            ...base,
            state: 'good',
            cue: this.praise,
            text: cueDefinition(this.praise).text,
            tone: 'praise',
          }
        : { ...base, state: 'good', text: SCREEN_LINES.holding, tone: 'quiet' };
    }
    return { ...base, state: 'ready', text: SCREEN_LINES.watching, tone: 'quiet' };
  }

  private rate(input: ScreenInput): { rateWarning?: string } {
    if (!this.exercise) return {};
    const { framesPerS } = input;
    this.shownRate = rateProblem(this.exercise, framesPerS, input.intervals ?? 0, this.shownRate);
    return this.shownRate && framesPerS !== undefined
      ? { rateWarning: rateWarning(this.shownRate, framesPerS) }
      : {};
  }
}
