/**
 * Writes the live session to this device (`sessions` store) as it happens,
 * through the page's one StorageService: once when coaching starts, when
 * each hold ends, and when the session ends. The service keeps the newest
 * state in memory at once (views and the export see it), and when a write
 * fails keeps it pending and retries it (by itself, on "Try again", on
 * `pagehide`), so a storage failure loses nothing and never stops the
 * coaching: it is reported through `onError`. A tab closed mid-session
 * leaves the session with its finished holds and no end: shown as
 * unfinished. Times are epoch ms on the app's clock, converted from the
 * page's performance clock.
 * Lifetime: one session.
 */
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { SessionStopReason } from '../safety/session-stop-advice.ts';
import type { CoachHold } from '../session/coach-pipeline.ts';
import type { SessionRecord } from '../session/storage-schema.ts';
import { appNow } from './storage-clock.ts';
import { type StorageService, sharedStorage } from './storage-service.ts';

/** performance.now() ms → epoch ms on the app's clock (storage-clock.ts), as the safety log dates days. */
export function epochMs(perfMs: number): number {
  return Math.round(appNow() - (performance.now() - perfMs));
}

export class SessionRecorder {
  /** Called when a write fails (the message says what happened and that it is kept and retried). */
  onError: (message: string) => void = () => {};
  private record: SessionRecord | undefined;
  /** The newest save; each save carries the whole record, so the last one is the one that counts. */
  private saved: Promise<boolean> = Promise.resolve(true);

  constructor(private readonly storage: StorageService = sharedStorage()) {}

  /** The record being written (a copy), for tests and the screen. */
  get current(): SessionRecord | undefined {
    return this.record && structuredClone(this.record);
  }

  start(exercise: ExerciseId, startedPerfMs: number): void {
    this.record = {
      id: `session-${epochMs(startedPerfMs)}-${Math.random().toString(36).slice(2, 8)}`,
      exercise,
      startedMs: epochMs(startedPerfMs),
      holds: [],
      forcingCount: 0,
    };
    this.storage.recording.add(this.record.id);
    this.save();
  }

  /** The holds so far (all of them, oldest first) and the forcing cues given. */
  update(holds: readonly CoachHold[], forcingCount: number): void {
    if (!this.record) return;
    this.record.holds = holds.map((h) => ({
      startMs: epochMs(h.startMs),
      endMs: epochMs(h.endMs),
      ...(h.side ? { side: h.side } : {}),
    }));
    this.record.forcingCount = forcingCount;
    this.save();
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
    this.save();
    this.record = undefined;
    this.storage.recording.delete(record.id);
    await this.saved;
  }

  private save() {
    if (!this.record) return;
    const saving = this.storage.save('sessions', structuredClone(this.record));
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

  /** Nothing to release (the storage service lives as long as the page); kept for callers. */
  close(): void {
    if (this.record) this.storage.recording.delete(this.record.id);
  }
}
