/**
 * Writes the live session to this device (`sessions` store) as it happens,
 * through the page's one StorageService: when coaching starts, each second
 * of a hold in progress (`progress`), when each hold ends, when the page is
 * hidden or closed (`pagehide`), and when the session ends. The service
 * keeps the newest state in memory at once (views and the export see it),
 * and when a write fails keeps it pending and retries it, so a storage
 * failure loses nothing and never stops the coaching: it is reported
 * through `onError`. A tab closed or crashed mid-session leaves the session
 * with its holds up to about the last second and no end: shown as
 * unfinished. Times are epoch ms on the app's clock, converted from the
 * page's performance clock.
 * Lifetime: one session.
 */
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { CueCode } from '../feedback/cue-vocabulary.ts';
import type { SessionStopReason } from '../safety/session-stop-advice.ts';
import type { CoachHold } from '../session/coach-pipeline.ts';
import type { HoldRecord, MetricSample, SessionRecord } from '../session/storage-schema.ts';
import { appTimeOf } from './storage-clock.ts';
import { type StorageService, sharedStorage } from './storage-service.ts';

/** performance.now() ms → epoch ms on the app's clock (storage-clock.ts), as the safety log dates days. */
export function epochMs(perfMs: number): number {
  return Math.round(appTimeOf(perfMs));
}

/**
 * How often a hold in progress is written, ms of pose time: a tab that
 * crashes mid-hold (no `pagehide`) loses at most about this much of it. One
 * small write a second is nothing for IndexedDB.
 */
export const CHECKPOINT_MS = 1000;

/** One measure sample kept per this much pose time: enough for the timeline's curves, small on disk. */
export const SAMPLE_EVERY_MS = 1000;

/** Where `pagehide` comes from (the window; absent in Node). */
type PageEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export class SessionRecorder {
  /** Called when a write fails (the message says what happened and that it is kept and retried). */
  onError: (message: string) => void = () => {};
  private record: SessionRecord | undefined;
  /** The record as finished, kept for `restop` (sharp pain told in the rest after it). */
  private finished: SessionRecord | undefined;
  /** The newest save; each save carries the whole record, so the last one is the one that counts. */
  private saved: Promise<boolean> = Promise.resolve(true);
  /** The hold in progress as far as it got, stored after the finished ones. */
  private openHold: HoldRecord | undefined;
  private checkpointMs = Number.NEGATIVE_INFINITY;
  private sampledMs = Number.NEGATIVE_INFINITY;
  private readonly onPageHide = () => this.save();

  constructor(
    private readonly storage: StorageService = sharedStorage(),
    private readonly page: PageEvents | undefined = 'addEventListener' in globalThis
      ? globalThis
      : undefined,
  ) {}

  start(exercise: ExerciseId, startedPerfMs: number, holdTargetS?: number): void {
    this.record = {
      id: `session-${epochMs(startedPerfMs)}-${Math.random().toString(36).slice(2, 8)}`,
      exercise,
      startedMs: epochMs(startedPerfMs),
      holds: [],
      forcingCount: 0,
      ...(holdTargetS !== undefined ? { holdTargetS } : {}),
      cues: [],
      metrics: [],
    };
    this.storage.recording.add(this.record.id);
    this.page?.addEventListener('pagehide', this.onPageHide);
    this.save();
  }

  /** The holds so far (all of them, oldest first) and the forcing cues given. */
  update(holds: readonly CoachHold[], forcingCount: number): void {
    if (!this.record) return;
    this.record.holds = holds.map((h) => ({
      startMs: epochMs(h.startMs),
      endMs: epochMs(h.endMs),
      ...(h.side ? { side: h.side } : {}),
      heldMs: Math.round(h.heldMs),
    }));
    this.record.forcingCount = forcingCount;
    this.openHold = undefined; // it is among the finished holds now
    this.save();
  }

  /**
   * The hold in progress after a pose (performance.now() ms, as the holds),
   * or undefined when none: written at most once per CHECKPOINT_MS.
   */
  progress(
    active: { startMs: number; endMs: number; heldMs?: number } | undefined,
    side?: 'left' | 'right',
  ): void {
    if (!this.record) return;
    if (!active) {
      this.openHold = undefined;
      return;
    }
    this.openHold = {
      startMs: epochMs(active.startMs),
      endMs: epochMs(active.endMs),
      ...(side ? { side } : {}),
      ...(active.heldMs !== undefined ? { heldMs: Math.round(active.heldMs) } : {}),
    };
    if (active.endMs - this.checkpointMs < CHECKPOINT_MS) return;
    this.checkpointMs = active.endMs;
    this.save();
  }

  /** A cue given at `perfMs`: stored at once (the timeline shows each). */
  cue(code: CueCode, perfMs: number): void {
    if (!this.record) return;
    this.record.cues?.push({ atMs: epochMs(perfMs), code });
    this.save();
  }

  /**
   * The measures after a pose (the checker's metrics), kept once per
   * SAMPLE_EVERY_MS; an unknown measure is left out of the sample. Written
   * with the next save (a hold checkpoint, a cue, a hold's end, the end).
   */
  sample(perfMs: number, metrics: Readonly<Record<string, number | undefined>> = {}): void {
    if (!this.record || perfMs - this.sampledMs < SAMPLE_EVERY_MS) return;
    this.sampledMs = perfMs;
    const known = (v: number | undefined) => v !== undefined && Number.isFinite(v);
    const rotation = metrics.torsoRotationDeg;
    const hip = metrics.hipHeightThighs;
    const sample: MetricSample = { atMs: epochMs(perfMs) };
    if (known(rotation)) sample.rotationDeg = Math.round(rotation! * 10) / 10;
    if (known(hip)) sample.hipLiftThighs = Math.round(hip! * 1000) / 1000;
    this.record.metrics?.push(sample);
  }

  /** Stores the end. Resolves once it is on disk or kept pending (never rejects). */
  async finish(endedPerfMs: number, stoppedFor?: SessionStopReason): Promise<void> {
    const record = this.record;
    if (!record) {
      await this.saved;
      return;
    }
    record.endedMs = epochMs(endedPerfMs);
    if (stoppedFor) record.stoppedFor = stoppedFor;
    this.openHold = undefined; // the caller's final update() holds every hold, ended
    this.save();
    this.finished = record;
    this.record = undefined;
    this.storage.recording.delete(record.id);
    this.page?.removeEventListener('pagehide', this.onPageHide);
    await this.saved;
  }

  /**
   * After `finish`: the session is stored as stopped for `stoppedFor` after
   * all (sharp pain told in a routine's rest right after it, which closes
   * the day as a stop in the stretch would). Resolves once stored or kept
   * pending (never rejects); a failure is reported through `onError`.
   */
  async restop(stoppedFor: SessionStopReason): Promise<void> {
    const record = this.finished;
    if (!record) return;
    record.stoppedFor = stoppedFor;
    const saving = this.storage.save('sessions', structuredClone(record));
    this.saved = saving;
    if (!(await saving)) {
      const why = this.storage.error?.message ?? 'Saving failed.';
      this.onError(
        `The sharp-pain stop is not saved yet; it is kept on this page and saved as soon as storage works again. ${why}`,
      );
    }
  }

  private save() {
    if (!this.record) return;
    const snapshot = structuredClone(this.record);
    if (this.openHold) snapshot.holds.push({ ...this.openHold });
    const saving = this.storage.save('sessions', snapshot);
    this.saved = saving;
    void saving.then((ok) => {
      // Only the newest save speaks: an older failure already retried does not matter.
      if (ok || saving !== this.saved) return;
      const why = this.storage.error?.message ?? 'Saving failed.';
      this.onError(
        `This session is not saved yet; it is kept on this page and saved as soon as storage works again. ${why}`,
      );
    });
  }

  /** Stops listening to the page (the storage service lives as long as the page). */
  close(): void {
    if (this.record) this.storage.recording.delete(this.record.id);
    this.page?.removeEventListener('pagehide', this.onPageHide);
  }
}
