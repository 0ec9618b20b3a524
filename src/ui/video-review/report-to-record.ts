/**
 * A reviewed video's SessionReport as a stored session (storage v2: the
 * report itself, with what storage adds around it), dated from `startedMs`
 * (epoch ms on the app's clock: the report's time 0) and marked
 * `source: 'video'`. Pure.
 */
import type { SessionReport } from '../../session/session-report.ts';
import type { SessionRecord } from '../../session/storage-schema.ts';

export function reportToRecord(
  report: SessionReport,
  startedMs: number,
  suffix: string = Math.random().toString(36).slice(2, 8),
): SessionRecord {
  const started = Math.round(startedMs);
  return {
    id: `video-${started}-${suffix}`,
    exercise: report.exercise,
    startedMs: started,
    endedMs: started + Math.round(report.durationMs),
    forcingCount: report.cues.filter((c) => c.code === 'ease-off').length,
    source: 'video',
    report,
  };
}
