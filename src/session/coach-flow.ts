/**
 * The live coach's stages as a pure reducer `(state, event, tMs) → state`:
 * choose → loading (camera, then the pose model) → setup → live → summary,
 * or the safety advice. No DOM, no clock: the time is an argument, and what
 * a transition asks the outside world to do (open the camera, load the
 * model, speak, end the session) comes back as `effects` on the new state,
 * for controllers to carry out.
 *
 * Cancellation is built in: every start, stop and restart begins a new
 * `run`, and the camera and engine results carry the run they belong to. A
 * result from an earlier run is stale and changes nothing, so Stop and
 * Sharp pain always win over a model that finishes loading afterwards.
 */

export type CoachStage = 'choose' | 'loading' | 'setup' | 'live' | 'summary' | 'safety';
/** The step under way from Start to the first checked frame. */
export type StartStep = 'camera' | 'model' | 'first-frame';
/** Why a session ended: Stop (or the camera screen's End), or Sharp pain. */
export type CoachStopReason = 'done' | 'sharp-pain';

/** Setup must look right this long before the coach starts by itself, ms. */
export const SETUP_STEADY_MS = 1500;

export const FLOW_WORDS = {
  openingCamera: 'Opening the camera…',
  loadingModel: 'Loading the pose model…',
  firstFrame: 'Waiting for the model to check the first camera frame…',
  paused: 'Paused',
  resumed: 'Resumed',
  cameraLost: 'The camera stopped. Your session is paused.',
  sharpPain: 'Stopping now. Rest, and read the advice on screen.',
} as const;

export interface CoachFlowState {
  stage: CoachStage;
  /** Bumped by every start, stop and restart; results of an earlier run are ignored. */
  run: number;
  /** Loading and setup: the step under way, and what it is doing in words. */
  step: StartStep;
  progress: string;
  /** The model would not load: the message (loading stays on screen, with a way back). */
  error: string | undefined;
  /** Which engine was chosen and why, once loaded. */
  engineNote: string;
  /** The camera would not open, or stopped sending pictures. */
  cameraProblem: boolean;
  /** Setup: since when every check has been right, ms; undefined while one is not. */
  readySinceMs: number | undefined;
  paused: boolean;
  /** The pause came from the pose itself (sat up out of the stretch): going back into it resumes. */
  pausedByPose: boolean;
  /** When coaching started, ms. */
  liveSinceMs: number | undefined;
  /** Summary and safety: why the session ended, and how long it coached, ms (0: it never went live). */
  stoppedFor: CoachStopReason | undefined;
  durationMs: number;
  /** What the transition into this state asks for, in order (empty: nothing). */
  effects: readonly FlowEffect[];
}

export type FlowEvent =
  /**
   * "Start the camera", "Try again" when the camera would not open, or a
   * routine's next stretch when the camera is off.
   */
  | { type: 'start' }
  /** A routine's next stretch with the camera and model still on: straight to setup. */
  | { type: 'next-stretch' }
  | { type: 'camera-opened'; run: number }
  | { type: 'camera-failed'; run: number }
  /** What the engine loading is doing now ("Timing MediaPipe full…"). */
  | { type: 'progress'; run: number; text: string }
  | { type: 'engine-ready'; run: number; note: string }
  | { type: 'engine-failed'; run: number; message: string }
  /** A frame checked in setup: whether every setup check passed. */
  | { type: 'setup-frame'; ready: boolean }
  /** Enter or "Start now" in setup. */
  | { type: 'start-now' }
  | { type: 'toggle-pause' }
  /**
   * Pause or resume for a reason of its own (a gesture, a question on
   * screen), saying its own words; `keepWatching`: frames still go to the
   * gestures while paused.
   */
  | { type: 'pause'; keepWatching: boolean }
  | { type: 'resume' }
  /** The open camera stopped by itself (unplugged, taken by another app). */
  | { type: 'camera-lost' }
  /** A lost camera opened again. */
  | { type: 'camera-back' }
  | { type: 'stop'; reason: CoachStopReason }
  /**
   * Sharp pain after a stretch ended, in a routine's rest: the routine ends
   * with the advice, and the stretch just stored counts as a sharp-pain stop.
   */
  | { type: 'sharp-pain-after' }
  /** Back to choosing (Back, "I have read this", "Start another"). */
  | { type: 'restart' };

export type FlowEffect =
  | { type: 'open-camera'; run: number }
  | { type: 'load-engine'; run: number }
  /** Abort whatever the current run's camera and engine tasks are doing. */
  | { type: 'cancel-start' }
  /** Frames now go to the setup checks. */
  | { type: 'watch-setup' }
  | { type: 'start-session'; atMs: number }
  /** Pause or resume the session; `keepWatching`: the pose loop goes on (for gestures). */
  | { type: 'set-paused'; paused: boolean; keepWatching?: boolean }
  | { type: 'say'; text: string; safety: boolean }
  | { type: 'hush' }
  /** Release the camera and the worker and finish the session (stored, summarised). */
  | { type: 'end-session'; reason: CoachStopReason; atMs: number }
  /** The session already ended is stored as stopped for sharp pain; the routine ends, the camera and worker go. */
  | { type: 'mark-sharp-pain' }
  /** Release the camera and the worker and drop the session and summary. */
  | { type: 'release' };

export const INITIAL_FLOW: CoachFlowState = {
  stage: 'choose',
  run: 0,
  step: 'camera',
  progress: '',
  error: undefined,
  engineNote: '',
  cameraProblem: false,
  readySinceMs: undefined,
  paused: false,
  pausedByPose: false,
  liveSinceMs: undefined,
  stoppedFor: undefined,
  durationMs: 0,
  effects: [],
};

const say = (text: string, safety = false): FlowEffect => ({ type: 'say', text, safety });

/** A new run from the camera on. */
function start(s: CoachFlowState): CoachFlowState {
  const run = s.run + 1;
  return {
    ...INITIAL_FLOW,
    stage: 'loading',
    run,
    progress: FLOW_WORDS.openingCamera,
    effects: [{ type: 'cancel-start' }, { type: 'open-camera', run }],
  };
}

function goLive(s: CoachFlowState, tMs: number): CoachFlowState {
  return {
    ...s,
    stage: 'live',
    paused: false,
    readySinceMs: undefined,
    liveSinceMs: tMs,
    effects: [{ type: 'start-session', atMs: tMs }],
  };
}

function stop(s: CoachFlowState, reason: CoachStopReason, tMs: number): CoachFlowState {
  const live = s.stage === 'live' && s.liveSinceMs !== undefined;
  // The end of a stretch is worded by whoever ends it (a routine rests, a session sums up);
  // the safety line is the flow's own and cuts everything else off.
  const words: FlowEffect[] =
    reason === 'sharp-pain' ? [{ type: 'hush' }, say(FLOW_WORDS.sharpPain, true)] : [];
  return {
    ...s,
    stage: reason === 'sharp-pain' ? 'safety' : 'summary',
    run: s.run + 1,
    paused: false,
    readySinceMs: undefined,
    stoppedFor: reason,
    durationMs: live ? tMs - s.liveSinceMs! : 0,
    effects: [{ type: 'cancel-start' }, { type: 'end-session', reason, atMs: tMs }, ...words],
  };
}

/** Whether an event from a camera or engine task belongs to the run on screen. */
function current(s: CoachFlowState, run: number): boolean {
  return s.stage === 'loading' && run === s.run;
}

/** The coach flow: the next state for this event at time `tMs`. Stale or out-of-place events change nothing. */
export function coachFlow(s: CoachFlowState, e: FlowEvent, tMs: number): CoachFlowState {
  const next = step({ ...s, effects: [] }, e, tMs);
  // Whatever ended a pause, or made it another kind, it is no longer the pose's own.
  return next.pausedByPose && (!next.paused || e.type !== 'pause')
    ? { ...next, pausedByPose: false }
    : next;
}

function step(s: CoachFlowState, e: FlowEvent, tMs: number): CoachFlowState {
  switch (e.type) {
    case 'start':
      if (s.stage === 'choose' || s.stage === 'summary') return start(s);
      // Try again after the camera would not open: a fresh run from the camera.
      if (s.stage === 'loading' && s.cameraProblem && s.step === 'camera') return start(s);
      return s;
    case 'next-stretch':
      if (s.stage !== 'choose' && s.stage !== 'summary') return s;
      return {
        ...s,
        stage: 'setup',
        step: 'first-frame',
        progress: FLOW_WORDS.firstFrame,
        readySinceMs: undefined,
        liveSinceMs: undefined,
        stoppedFor: undefined,
        durationMs: 0,
        paused: false,
        effects: [{ type: 'set-paused', paused: false }, { type: 'watch-setup' }],
      };
    case 'camera-opened':
      if (!current(s, e.run) || s.step !== 'camera') return s;
      return {
        ...s,
        step: 'model',
        cameraProblem: false,
        progress: FLOW_WORDS.loadingModel,
        effects: [{ type: 'load-engine', run: e.run }],
      };
    case 'camera-failed':
      return current(s, e.run) ? { ...s, cameraProblem: true } : s;
    case 'progress':
      return current(s, e.run) && !s.error ? { ...s, progress: e.text } : s;
    case 'engine-ready':
      if (!current(s, e.run) || s.step !== 'model') return s;
      return {
        ...s,
        stage: 'setup',
        step: 'first-frame',
        progress: FLOW_WORDS.firstFrame,
        engineNote: e.note,
        readySinceMs: undefined,
        effects: [{ type: 'watch-setup' }],
      };
    case 'engine-failed':
      return current(s, e.run) ? { ...s, error: e.message } : s;
    case 'setup-frame': {
      if (s.stage !== 'setup' || s.cameraProblem) return s;
      if (!e.ready) return { ...s, readySinceMs: undefined };
      const since = s.readySinceMs ?? tMs;
      return tMs - since >= SETUP_STEADY_MS ? goLive(s, tMs) : { ...s, readySinceMs: since };
    }
    case 'start-now':
      return s.stage === 'setup' ? goLive(s, tMs) : s;
    case 'toggle-pause': {
      if (s.stage !== 'live' || s.cameraProblem) return s;
      const paused = !s.paused;
      return {
        ...s,
        paused,
        effects: [
          { type: 'set-paused', paused },
          ...(paused ? [{ type: 'hush' } as const] : []),
          say(paused ? FLOW_WORDS.paused : FLOW_WORDS.resumed),
        ],
      };
    }
    case 'pause':
      if (s.stage !== 'live' || s.paused) return s;
      return {
        ...s,
        paused: true,
        pausedByPose: e.keepWatching,
        effects: [{ type: 'set-paused', paused: true, keepWatching: e.keepWatching }],
      };
    case 'resume':
      if (s.stage !== 'live' || !s.paused || s.cameraProblem) return s;
      return { ...s, paused: false, effects: [{ type: 'set-paused', paused: false }] };
    case 'camera-lost':
      if (s.stage === 'live') {
        return {
          ...s,
          cameraProblem: true,
          paused: true,
          effects: [{ type: 'set-paused', paused: true }, say(FLOW_WORDS.cameraLost)],
        };
      }
      return s.stage === 'setup' || s.stage === 'loading' ? { ...s, cameraProblem: true } : s;
    case 'camera-back':
      if (!s.cameraProblem) return s;
      if (s.stage === 'live') {
        return {
          ...s,
          cameraProblem: false,
          paused: false,
          effects: [{ type: 'set-paused', paused: false }],
        };
      }
      return { ...s, cameraProblem: false };
    case 'stop':
      return s.stage === 'loading' || s.stage === 'setup' || s.stage === 'live'
        ? stop(s, e.reason, tMs)
        : s;
    case 'sharp-pain-after':
      if (s.stage !== 'summary') return s;
      return {
        ...s,
        stage: 'safety',
        run: s.run + 1,
        stoppedFor: 'sharp-pain',
        effects: [
          { type: 'cancel-start' },
          { type: 'mark-sharp-pain' },
          { type: 'hush' },
          say(FLOW_WORDS.sharpPain, true),
        ],
      };
    case 'restart':
      return {
        ...INITIAL_FLOW,
        run: s.run + 1,
        effects: [{ type: 'cancel-start' }, { type: 'release' }],
      };
  }
}
