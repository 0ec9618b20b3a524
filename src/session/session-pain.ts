/**
 * Which pain log entries belong to a session: the one logged just before
 * it ("Before a session", at most PAIN_LINK_WINDOW_MS before its start and
 * after the session before it started) and the one logged just after it
 * ("After a session", at most PAIN_LINK_WINDOW_MS after its end and before
 * the next session started). An entry that names its session (`sessionId`)
 * goes to that one only. Pure: the storage service links them when a
 * session starts or a pain entry is saved, the v1 upgrade when it migrates.
 */
import type { PainEntry } from '../safety/pain-entry.ts';
import type { PainLink, ReportPain } from './session-report.ts';

/** How far from a session a before/after entry may be logged and still belong to it, ms. */
export const PAIN_LINK_WINDOW_MS = 2 * 60 * 60 * 1000;

/** What the linker needs of a session. */
export interface SessionSpan {
  id: string;
  startedMs: number;
  endedMs?: number;
}

const link = (p: PainEntry): PainLink => ({ id: p.id, level: p.level, atMs: p.atMs });

/**
 * The pain before and after `session`, given every session (for its
 * neighbours) and the pain log. Empty object when none belongs to it.
 */
export function painAround(
  session: SessionSpan,
  sessions: readonly SessionSpan[],
  pain: readonly PainEntry[],
): ReportPain {
  const others = sessions.filter((s) => s.id !== session.id);
  const prevStart = Math.max(
    Number.NEGATIVE_INFINITY,
    ...others.filter((s) => s.startedMs < session.startedMs).map((s) => s.startedMs),
  );
  const nextStart = Math.min(
    Number.POSITIVE_INFINITY,
    ...others.filter((s) => s.startedMs > session.startedMs).map((s) => s.startedMs),
  );
  const end = session.endedMs ?? session.startedMs;
  const mine = (p: PainEntry) => p.sessionId === undefined || p.sessionId === session.id;
  const before = pain
    .filter(
      (p) =>
        p.context === 'before-session' &&
        mine(p) &&
        p.atMs <= session.startedMs &&
        p.atMs > prevStart &&
        (p.sessionId === session.id || session.startedMs - p.atMs <= PAIN_LINK_WINDOW_MS),
    )
    .sort((a, b) => b.atMs - a.atMs)[0];
  // Without an end the session is still running (or was cut off): nothing is "after" it yet.
  const after =
    session.endedMs === undefined
      ? undefined
      : pain
          .filter(
            (p) =>
              p.context === 'after-session' &&
              mine(p) &&
              p.atMs >= end &&
              p.atMs < nextStart &&
              (p.sessionId === session.id || p.atMs - end <= PAIN_LINK_WINDOW_MS),
          )
          .sort((a, b) => a.atMs - b.atMs)[0];
  return { ...(before ? { before: link(before) } : {}), ...(after ? { after: link(after) } : {}) };
}

/** Whether two pain links say the same (same entries, levels and times). */
export function samePain(a: ReportPain | undefined, b: ReportPain | undefined): boolean {
  const same = (x?: PainLink, y?: PainLink) =>
    x?.id === y?.id && x?.level === y?.level && x?.atMs === y?.atMs;
  return same(a?.before, b?.before) && same(a?.after, b?.after);
}
