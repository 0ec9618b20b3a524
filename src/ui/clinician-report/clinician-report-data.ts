/**
 * What the one-page report for a clinician says, from everything stored,
 * over a chosen period of local days: per stretch, the holds (count, best,
 * total good-form time, how many reached the target, by side for the
 * twist) and the twist's left/right balance; the pain log's worst level per
 * day and its trend; each safety screening's decision with the rules that
 * fired; sessions stopped for sharp pain; the clinician go-aheads on
 * record. Pure: the period is an argument. Days are the device's local
 * calendar days; a hold counts on the day its session started.
 */
import type { Side } from '../../core/body-points.ts';
import { EXERCISE_IDS, type ExerciseId } from '../../exercises/exercise-ids.ts';
import type { Clearance } from '../../safety/clearance.ts';
import { addDays, type DayKey, toDayKey } from '../../safety/day-key.ts';
import type { Decision } from '../../safety/decision.ts';
import type { RuleId } from '../../safety/safety-rules.ts';
import type { StoredData } from '../../session/storage-schema.ts';

export interface ReportPeriod {
  /** First and last local day, inclusive. */
  fromDay: DayKey;
  toDay: DayKey;
}

/** The `days` local days ending on the day of `nowMs`. */
export function lastDays(nowMs: number, days: number): ReportPeriod {
  const toDay = toDayKey(nowMs);
  return { fromDay: addDays(toDay, -(days - 1)), toDay };
}

export interface HoldFigures {
  holds: number;
  /** Longest good-form time of one hold, ms (0: none). */
  bestMs: number;
  /** Good-form time of all holds together, ms. */
  totalMs: number;
  /** Holds whose good-form time reached their session's target. */
  reached: number;
}

export interface StretchFigures extends HoldFigures {
  exercise: ExerciseId;
  sessions: number;
  /** Of those, analysed from a recorded video. */
  fromVideo: number;
  /** Days with at least one session. */
  days: number;
  /** The twist's sides; absent for stretches without sides. */
  sides?: Record<Side, HoldFigures>;
  /** Left's share of the twist's good-form time, 0–1; undefined when neither side has any. */
  leftShare?: number;
}

export interface PainDay {
  day: DayKey;
  /** The worst level logged that day, 0–10. */
  worst: number;
  entries: number;
}

export interface PainTrend {
  days: PainDay[];
  /** Worst level on the first and last day with an entry. */
  first?: number;
  last?: number;
  /** `last - first`, rounded: negative is less pain. */
  change?: number;
}

export interface SafetyEvent {
  atMs: number;
  day: DayKey;
  kind: 'screening' | 'sharp-pain-stop';
  decision?: Decision;
  fired: RuleId[];
  exercise?: ExerciseId;
}

export interface ClinicianReportData {
  period: ReportPeriod;
  stretches: StretchFigures[];
  pain: PainTrend;
  safety: SafetyEvent[];
  /** Go-aheads recorded on or before the period's last day, newest first. */
  clearances: Clearance[];
}

const empty = (): HoldFigures => ({ holds: 0, bestMs: 0, totalMs: 0, reached: 0 });

function add(f: HoldFigures, goodMs: number, reached: boolean) {
  f.holds++;
  f.totalMs += goodMs;
  f.bestMs = Math.max(f.bestMs, goodMs);
  if (reached) f.reached++;
}

export function clinicianReport(data: StoredData, period: ReportPeriod): ClinicianReportData {
  const inPeriod = (ms: number) => {
    const day = toDayKey(ms);
    return day >= period.fromDay && day <= period.toDay;
  };
  const sessions = data.sessions.filter((s) => inPeriod(s.startedMs));
  const stretches: StretchFigures[] = [];
  for (const exercise of EXERCISE_IDS) {
    const own = sessions.filter((s) => s.exercise === exercise);
    if (own.length === 0) continue;
    const figures: StretchFigures = {
      exercise,
      sessions: own.length,
      fromVideo: own.filter((s) => s.source === 'video').length,
      days: new Set(own.map((s) => toDayKey(s.startedMs))).size,
      ...empty(),
    };
    const sides = { left: empty(), right: empty() };
    for (const s of own)
      for (const h of s.report.holds) {
        add(figures, h.goodMs, h.targetReached);
        if (h.side) add(sides[h.side], h.goodMs, h.targetReached);
      }
    if (exercise === 'seated-twist') {
      figures.sides = sides;
      const both = sides.left.totalMs + sides.right.totalMs;
      if (both > 0) figures.leftShare = sides.left.totalMs / both;
    }
    stretches.push(figures);
  }

  const byDay = new Map<DayKey, PainDay>();
  for (const p of data.pain) {
    if (p.day < period.fromDay || p.day > period.toDay) continue;
    const d = byDay.get(p.day) ?? { day: p.day, worst: 0, entries: 0 };
    d.worst = Math.max(d.worst, p.level);
    d.entries++;
    byDay.set(p.day, d);
  }
  const days = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  const pain: PainTrend = { days };
  if (days.length) {
    pain.first = days[0]!.worst;
    pain.last = days.at(-1)!.worst;
    pain.change = pain.last - pain.first;
  }

  const safety: SafetyEvent[] = [
    ...data.screenings
      .filter((s) => inPeriod(s.atMs))
      .map(
        (s): SafetyEvent => ({
          atMs: s.atMs,
          day: s.day,
          kind: 'screening',
          decision: s.decision,
          fired: s.fired,
        }),
      ),
    ...sessions
      .filter((s) => s.stoppedFor === 'sharp-pain')
      .map(
        (s): SafetyEvent => ({
          atMs: s.startedMs,
          day: toDayKey(s.startedMs),
          kind: 'sharp-pain-stop',
          fired: ['stopped-for-sharp-pain'],
          exercise: s.exercise,
        }),
      ),
  ].sort((a, b) => a.atMs - b.atMs);

  const clearances = data.clearances
    .filter((c) => c.visitDay <= period.toDay)
    .sort((a, b) => b.recordedMs - a.recordedMs);
  return { period, stretches, pain, safety, clearances };
}
