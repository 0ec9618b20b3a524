/**
 * A stored session's report seen on the epoch clock, for the views that
 * draw sessions against days and other records (History, the timeline, the
 * holds CSV): the report keeps times from the session's start. Pure.
 */
import type { CueRecord, HoldRecord, MetricSample, SessionRecord } from './storage-schema.ts';

/** Every hold, oldest first, with epoch start and end and its good-form time as `heldMs`. */
export function sessionHolds(s: SessionRecord): HoldRecord[] {
  return s.report.holds.map((h) => ({
    startMs: s.startedMs + h.startMs,
    endMs: s.startedMs + h.endMs,
    ...(h.side ? { side: h.side } : {}),
    heldMs: h.goodMs,
  }));
}

/** Every cue, oldest first, at epoch ms. */
export function sessionCues(s: SessionRecord): CueRecord[] {
  return s.report.cues.map((c) => ({ atMs: s.startedMs + c.tMs, code: c.code }));
}

/** One sample per reported second, at epoch ms, with the twist's rotation and the roller's hip lift where known. */
export function sessionMetrics(s: SessionRecord): MetricSample[] {
  return s.report.perSecond.map((p) => {
    const sample: MetricSample = { atMs: s.startedMs + p.tMs };
    const rotation = p.metrics.torsoRotationDeg;
    const hip = p.metrics.hipHeightThighs;
    if (rotation !== undefined) sample.rotationDeg = rotation;
    if (hip !== undefined) sample.hipLiftThighs = hip;
    return sample;
  });
}

/** The hold target the session was coached to, seconds. */
export function sessionTargetS(s: SessionRecord): number {
  return s.report.holdTargetS;
}
