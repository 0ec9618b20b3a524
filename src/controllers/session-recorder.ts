/**
 * Writes the live session to this device as it happens: a thin adapter
 * from the live per-frame steps to the pure SessionReporter (the same one a
 * recording is analysed with), whose report IS the stored session
 * (`sessions` store, storage v2), saved through the page's one
 * StorageService. The report so far is written when coaching starts, once
 * per FLUSH_EVERY_MS of pose time, when a hold ends, when the page is
 * hidden or closed (`pagehide`), and at the end; so a tab closed or crashed
 * mid-session loses at most about the last second, and the half session
 * (no end) is shown as unfinished. The service keeps the newest state in
 * memory at once (views and the export see it) and, when a write fails,
 * keeps it pending and retries it: a storage failure loses nothing and
 * never stops the coaching; it is reported through `onError`. Record times
 * are epoch ms on the app's clock, converted from the page's performance
 * clock; report times are ms from the start.
 * Lifetime: one session.
 */
import type { Side } from '../core/body-points.ts';
import type { Hold } from '../core/hold-timer.ts';
import type { ExerciseId } from '../exercises/exercise-ids.ts';
import type { SidedHold } from '../exercises/exercise-pipeline.ts';
import type { SessionStopReason } from '../safety/session-stop-advice.ts';
import { painAround } from '../session/session-pain.ts';
import {
  type ReportedStep,
  type SessionReport,
  SessionReporter,
} from '../session/session-report.ts';
import type { SessionRecord } from '../session/storage-schema.ts';
import { appTimeOf } from './storage-clock.ts';
import { type StorageService, sharedStorage } from './storage-service.ts';

/** performance.now() ms → epoch ms on the app's clock (storage-clock.ts), as the safety log dates days. */
export function epochMs(perfMs: number): number {
  return Math.round(appTimeOf(perfMs));
}

/**
 * How often the report so far is written, ms of pose time: a tab that
 * crashes mid-session (no `pagehide`) loses at most about this much. One
 * write a second is nothing for IndexedDB.
 */
export const FLUSH_EVERY_MS = 1000;

/** The hold target when the caller names none, s (the app's default). */
const DEFAULT_TARGET_S = 20;

/** Where `pagehide` comes from (the window; absent in Node). */
type PageEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export class SessionRecorder {
  /** Called when a write fails (the message says what happened and that it is kept and retried). */
  onError: (message: string) => void = () => {};
  /** The session while it runs: the newest state written. */
  private record: SessionRecord | undefined;
  private reporter: SessionReporter | undefined;
  /** The record as ended, kept for `restop` (sharp pain told in the rest after it). */
  private finished: SessionRecord | undefined;
  /** The newest save; each save carries the whole record, so the last one is the one that counts. */
  private saved: Promise<boolean> = Promise.resolve(true);
  /** Finished holds (all of them, oldest first) and the one in progress. */
  private holds: readonly SidedHold[] = [];
  private active: SidedHold | undefined;
  private flushedMs = Number.NEGATIVE_INFINITY;
  private readonly onPageHide = () => this.save();

  constructor(
    private readonly storage: StorageService = sharedStorage(),
    private readonly page: PageEvents | undefined = 'addEventListener' in globalThis
      ? globalThis
      : undefined,
  ) {}

  /**
   * Coaching started at `startedPerfMs` (performance.now() ms, the steps'
   * clock): the session is written at once, linked to the pain entry
   * logged just before it.
   */
  start(exercise: ExerciseId, startedPerfMs: number, holdTargetS?: number, startSide?: Side): void {
    this.reporter = new SessionReporter({
      exercise,
      holdTargetS: holdTargetS ?? DEFAULT_TARGET_S,
      startMs: startedPerfMs,
      ...(startSide ? { startSide } : {}),
    });
    const startedMs = epochMs(startedPerfMs);
    const id = `session-${startedMs}-${Math.random().toString(36).slice(2, 8)}`;
    this.record = { id, exercise, startedMs, forcingCount: 0, report: this.reporter.snapshot([]) };
    this.storage.recording.add(id);
    this.page?.addEventListener('pagehide', this.onPageHide);
    this.flushedMs = startedPerfMs;
    this.save();
  }

  /**
   * One analysed frame: the step goes to the reporter, with the finished
   * holds so far and the hold in progress (performance.now() ms, as the
   * steps). Written when a hold ended and otherwise once per FLUSH_EVERY_MS.
   */
  step(step: ReportedStep, holds: readonly SidedHold[], active?: Readonly<Hold>): void {
    if (!this.record || !this.reporter) return;
    this.reporter.add(step);
    const holdEnded = holds.length !== this.holds.length;
    this.holds = holds;
    this.active = active
      ? { ...active, ...(step.coachedSide ? { side: step.coachedSide } : {}) }
      : undefined;
    if (!holdEnded && step.tMs - this.flushedMs < FLUSH_EVERY_MS) return;
    this.flushedMs = step.tMs;
    this.save();
  }

  /**
   * Ends the session at `endedPerfMs` with every hold (the script's
   * `end()`; default: the holds passed so far): returns the finished report
   * (as the reporter made it, without storage's additions) and stores it
   * with its end. `saved` resolves once it is on disk or kept pending
   * (never rejects).
   */
  end(
    endedPerfMs: number,
    stoppedFor?: SessionStopReason,
    holds: readonly SidedHold[] = this.holds,
  ): { report: SessionReport | undefined; saved: Promise<void> } {
    const record = this.record;
    const reporter = this.reporter;
    if (!record || !reporter) return { report: undefined, saved: this.saved.then(() => {}) };
    const report = reporter.finish(holds);
    this.record = {
      ...record,
      endedMs: epochMs(endedPerfMs),
      ...(stoppedFor ? { stoppedFor } : {}),
    };
    this.holds = holds;
    this.active = undefined;
    this.reporter = undefined;
    this.writeRecord(report);
    this.finished = this.record;
    this.record = undefined;
    this.storage.recording.delete(record.id);
    this.page?.removeEventListener('pagehide', this.onPageHide);
    return { report, saved: this.saved.then(() => {}) };
  }

  /**
   * After `end`: the session is stored as stopped for `stoppedFor` after
   * all (sharp pain told in a routine's rest right after it, which closes
   * the day as a stop in the stretch would). Resolves once stored or kept
   * pending (never rejects); a failure is reported through `onError`.
   */
  async restop(stoppedFor: SessionStopReason): Promise<void> {
    const mine = this.finished;
    if (!mine) return;
    // The service's copy may know more by now (the pain logged after it).
    const current = this.storage.data.sessions.find((s) => s.id === mine.id) ?? mine;
    this.finished = { ...structuredClone(current), stoppedFor };
    const saving = this.storage.save('sessions', structuredClone(this.finished));
    this.saved = saving;
    if (!(await saving)) {
      const why = this.storage.error?.message ?? 'Saving failed.';
      this.onError(
        `The sharp-pain stop is not saved yet; it is kept on this page and saved as soon as storage works again. ${why}`,
      );
    }
  }

  /** The report so far, written with the record. */
  private save() {
    if (!this.record || !this.reporter) return;
    this.writeRecord(this.reporter.snapshot(this.holds, this.active));
  }

  private writeRecord(report: SessionReport) {
    const base = this.record;
    if (!base) return;
    const stored: SessionRecord = {
      ...base,
      forcingCount: report.cues.filter((c) => c.code === 'ease-off').length,
      report: structuredClone(report),
    };
    // The pain logged just before it (and, once it has ended, any logged just after).
    const pain = painAround(stored, this.storage.data.sessions, this.storage.data.pain);
    if (pain.before || pain.after) stored.report.pain = pain;
    this.record = stored;
    const saving = this.storage.save('sessions', structuredClone(stored));
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
