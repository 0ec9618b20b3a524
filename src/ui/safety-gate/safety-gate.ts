import { html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { appNow } from '../../controllers/storage-clock.ts';
import { StorageController } from '../../controllers/storage-controller.ts';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import { type ClosedExercises, closedExercises } from '../../safety/closed-exercises.ts';
import { toDayKey } from '../../safety/day-key.ts';
import { evaluateSafety, type SafetyVerdict } from '../../safety/evaluate-safety.ts';
import { evaluateOveruse } from '../../safety/overuse.ts';
import { rescreenReason } from '../../safety/rescreen.ts';
import { safetyInputFrom } from '../../session/safety-input.ts';
import type { ScreeningRecord } from '../../session/storage-schema.ts';
import type { ClearanceSubmitDetail } from '../clearance/clearance-form.ts';
import { safetyStyles } from '../safety-styles.ts';
import type { ScreeningSubmitDetail } from '../screening/screening-form.ts';
import '../daily-check/daily-check.ts';
import '../safety-decision/safety-decision.ts';
import '../screening/screening-form.ts';
import '../storage-status/storage-status.ts';

/**
 * The way in to the exercises: the screening questions the first time and
 * when they are due again, the decision with its advice, and the one-tap
 * daily check before each session. Only an `ok` (possibly with a recorded
 * clearance) lets the person through, by `sw-safety-pass` with the
 * exercises open today. Answers are saved locally as they are given.
 */
@customElement('sw-safety-gate')
export class SafetyGate extends LitElement {
  static override styles = safetyStyles;

  private readonly storage = new StorageController(this);
  /** The person asked to answer again, or said something is new. */
  @state() private rescreenAsked: 'new-symptoms' | 'again' | undefined;
  /** Answered just now: show the decision, skip the daily check. */
  @state() private justScreened = false;

  override connectedCallback() {
    super.connectedCallback();
    // Sessions are written by the live coach through its own connection: read them afresh
    // so the overuse guard counts the one just finished.
    void this.storage.service.refresh();
  }

  override render() {
    const service = this.storage.service;
    if (service.status === 'opening') {
      // The status banner too: "blocked" (an older tab holds the database) arrives while opening.
      return html`<sw-storage-status></sw-storage-status>
        <p role="status" class="card">Loading your saved answers…</p>`;
    }
    const today = toDayKey(appNow());
    const data = service.data;
    const latest = data.screenings.at(-1);
    const reason = this.rescreenAsked ?? rescreenReason(latest?.day, today, false);
    if (reason) {
      return html`<sw-storage-status></sw-storage-status>
        <sw-screening reason=${reason} @sw-screening-submit=${this.onScreening}></sw-screening>`;
    }
    const verdict = this.verdict(today);
    const decisionView = html`<sw-storage-status></sw-storage-status>
      <sw-safety-decision .verdict=${verdict} today=${today}
        @sw-continue=${() => this.pass(verdict)}
        @sw-rescreen=${() => {
          this.rescreenAsked = 'again';
        }}
        @sw-clearance-submit=${this.onClearance}></sw-safety-decision>`;
    if (verdict.decision !== 'ok' || this.justScreened) return decisionView;
    const notes = evaluateOveruse(
      data.sessions.map((s) => ({
        day: toDayKey(s.startedMs),
        forcingCount: s.forcingCount,
        startedMs: s.startedMs,
        endedMs: s.endedMs,
        exercise: s.exercise,
      })),
      today,
    );
    return html`<sw-storage-status></sw-storage-status>
      <sw-daily-check .notes=${notes} .open=${verdict.open} @sw-daily-check=${this.onDailyCheck}></sw-daily-check>`;
  }

  private verdict(today: string): SafetyVerdict {
    return evaluateSafety(safetyInputFrom(this.storage.service.data, today));
  }

  private onScreening = async (e: CustomEvent<ScreeningSubmitDetail>) => {
    const atMs = appNow();
    const today = toDayKey(atMs);
    const verdict = evaluateSafety(
      safetyInputFrom(this.storage.service.data, today, e.detail.answers),
    );
    const record: ScreeningRecord = {
      id: crypto.randomUUID(),
      atMs,
      day: today,
      answers: e.detail.answers,
      decision: verdict.decision,
      fired: verdict.fired.map((f) => f.id),
    };
    this.rescreenAsked = undefined;
    this.justScreened = true;
    // Kept in memory at once; a failed write shows in <sw-storage-status>.
    await this.storage.service.save('screenings', record);
  };

  private onClearance = async (e: CustomEvent<ClearanceSubmitDetail>) => {
    await this.storage.service.save('clearances', {
      id: crypto.randomUUID(),
      recordedMs: appNow(),
      ...e.detail,
    });
  };

  private onDailyCheck = async (e: CustomEvent<{ anythingNew: boolean }>) => {
    const atMs = appNow();
    const { anythingNew } = e.detail;
    if (anythingNew) this.rescreenAsked = 'new-symptoms';
    else this.pass(this.verdict(toDayKey(atMs)));
    await this.storage.service.save('daily-checks', {
      id: crypto.randomUUID(),
      atMs,
      day: toDayKey(atMs),
      anythingNew,
    });
  };

  private pass(verdict: SafetyVerdict) {
    if (verdict.decision !== 'ok') return;
    this.justScreened = false;
    this.dispatchEvent(
      new CustomEvent<SafetyPassDetail>('sw-safety-pass', {
        detail: { open: verdict.open, closed: closedExercises(verdict) },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

export interface SafetyPassDetail {
  /** The exercises that may be started today. */
  open: ExerciseId[];
  /** Why each of the others stays closed, and for how long. */
  closed: ClosedExercises;
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-safety-gate': SafetyGate;
  }
  interface GlobalEventHandlersEventMap {
    'sw-safety-pass': CustomEvent<SafetyPassDetail>;
  }
}
