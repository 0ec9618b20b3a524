/**
 * Writes the live session to this device's IndexedDB (`sessions` store,
 * src/session/local-store.ts) as it happens: once when coaching starts, on
 * every finished hold, and when it ends, so a closed tab loses at most the
 * hold in progress. Times are epoch ms on the app's clock, converted from
 * the page's performance clock. A storage failure never stops the coaching: it
 * is reported through `onError` and the session goes on.
 * Lifetime: one session; `close()` releases the database connection.
 */
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { SessionStopReason } from '../safety/session-stop-advice.ts';
import type { CoachHold } from '../session/coach-pipeline.ts';
import { LocalStore } from '../session/local-store.ts';
import type { SessionRecord } from '../session/storage-schema.ts';
import { appNow } from './storage-clock.ts';

/** performance.now() ms → epoch ms on the app's clock (storage-clock.ts), as the safety log dates days. */
export function epochMs(perfMs: number): number {
  return Math.round(appNow() - (performance.now() - perfMs));
}

export class SessionRecorder {
  /** Called when a write fails (the message says what happened and what to do). */
  onError: (message: string) => void = () => {};
  private store: Promise<LocalStore> | undefined;
  private record: SessionRecord | undefined;
  /** Writes run one after another, so an older state never lands after a newer one. */
  private writes: Promise<void> = Promise.resolve();

  start(exercise: ExerciseId, startedPerfMs: number): void {
    this.record = {
      id: `session-${epochMs(startedPerfMs)}-${Math.random().toString(36).slice(2, 8)}`,
      exercise,
      startedMs: epochMs(startedPerfMs),
      holds: [],
      forcingCount: 0,
    };
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

  finish(endedPerfMs: number, stoppedFor?: SessionStopReason): Promise<void> {
    if (!this.record) return this.writes;
    this.record.endedMs = epochMs(endedPerfMs);
    if (stoppedFor) this.record.stoppedFor = stoppedFor;
    this.save();
    this.record = undefined;
    return this.writes;
  }

  private save() {
    const snapshot = structuredClone(this.record);
    if (!snapshot) return;
    this.store ??= LocalStore.open();
    const store = this.store;
    this.writes = this.writes
      .then(async () => (await store).put('sessions', snapshot))
      .catch((e: unknown) => {
        this.onError(
          `This session could not be saved on this device: ${e instanceof Error ? e.message : String(e)}`,
        );
      });
  }

  close(): void {
    const store = this.store;
    this.store = undefined;
    void this.writes.then(() => store?.then((s) => s.close()).catch(() => {}));
  }
}
