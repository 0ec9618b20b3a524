/**
 * CoachEffects carries each flow effect to its owner: a session's start
 * (the choice, fresh paused time, measures, gestures, the mat view's wake
 * lock), a pause that keeps watching or not, a session's end (in a routine
 * the camera and model stay on for the rest; otherwise they are let go;
 * the words per case), and going back (everything let go and cleared).
 */
import { describe, expect, it } from 'vitest';
import { CoachEffects, END_WORDS } from '../../src/controllers/coach-effects.ts';
import { type CoachFlowState, INITIAL_FLOW } from '../../src/session/coach-flow.ts';

function rig(opts: { resting?: boolean } = {}) {
  const log: string[] = [];
  const flow: CoachFlowState = { ...INITIAL_FLOW, durationMs: 12_000, liveSinceMs: 500 };
  const loop = {
    paused: false,
    wantBrightness: false,
    stop: () => log.push('loop.stop'),
  };
  const trace: unknown[] = [];
  let now = 1000;
  const fx = new CoachEffects({
    flow: () => flow,
    choice: () => ({ exercise: 'childs-pose', twistSide: 'right', holdTargetS: 20 }),
    starter: {
      openCamera: async (run) => void log.push(`open-camera:${run}`),
      loadEngine: async (run) => void log.push(`load-engine:${run}`),
      cancel: () => log.push('cancel'),
    },
    camera: { stop: () => log.push('camera.stop') },
    loop,
    speech: {
      say: (text, safety) => log.push(`say${safety ? '!' : ''}:${text}`),
      hush: () => log.push('hush'),
    },
    coaching: {
      session: { clearCue: () => log.push('clear-cue') } as never,
      start: (s) => {
        log.push(`session.start:${s.exercise}/${s.twistSide}/${s.holdTargetS}/${s.atMs}`);
        return { trace } as never;
      },
      end: (reason, atMs, durationMs, holdTargetS) => {
        log.push(`session.end:${reason}/${atMs}/${durationMs}/${holdTargetS}`);
        return { holds: [{ heldMs: 21_000 }] } as never;
      },
      clear: () => log.push('session.clear'),
      markSharpPain: async () => void log.push('mark-sharp-pain'),
    },
    routine: {
      dispatch: (e) => log.push(`routine:${e.type}`),
      stretchEnded: (reason, holds, targetS) => {
        log.push(`routine.ended:${reason}/${holds.length}/${targetS}`);
        return opts.resting ?? false;
      },
      clear: () => log.push('routine.clear'),
    },
    gestures: {
      start: (e) => log.push(`gestures.start:${e}`),
      end: () => log.push('gestures.end'),
      resumed: () => log.push('gestures.resumed'),
    },
    mat: {
      setCoaching: async (on) => void log.push(`mat.coaching:${on}`),
      leave: async () => void log.push('mat.leave'),
    },
    freshStart: () => log.push('fresh'),
    interruptions: { clear: () => log.push('interruptions.clear') },
    longTasks: { start: () => log.push('tasks.start'), stop: () => log.push('tasks.stop') },
    meter: {
      sessionStarted: (t) => log.push(`meter.started:${t === trace}`),
      readTasks: (since) => log.push(`meter.read:${since}`),
    },
    now: () => now,
  });
  return {
    fx,
    log,
    loop,
    at: (ms: number) => {
      now = ms;
    },
  };
}

describe('CoachEffects', () => {
  it('open-camera starts afresh, counts long tasks and opens the camera for its run', () => {
    const r = rig();
    r.fx.perform({ type: 'open-camera', run: 3 });
    r.fx.perform({ type: 'load-engine', run: 3 });
    r.fx.perform({ type: 'cancel-start' });
    expect(r.log).toEqual(['fresh', 'tasks.start', 'open-camera:3', 'load-engine:3', 'cancel']);
  });

  it('watch-setup wants brightness and unpauses the loop left paused by a session', () => {
    const r = rig();
    r.loop.paused = true;
    r.fx.perform({ type: 'watch-setup' });
    expect(r.loop).toMatchObject({ paused: false, wantBrightness: true });
  });

  it('start-session coaches the choice with fresh paused time', () => {
    const r = rig();
    const before = r.fx.pausedTime;
    r.loop.wantBrightness = true;
    r.fx.perform({ type: 'start-session', atMs: 700 });
    expect(r.fx.pausedTime).not.toBe(before);
    expect(r.loop.wantBrightness).toBe(false);
    expect(r.log).toEqual([
      'session.start:childs-pose/right/20/700',
      'meter.started:true',
      'gestures.start:childs-pose',
      'mat.coaching:true',
    ]);
  });

  it('set-paused: the cue goes, the span is left out, the loop keeps running only to watch', () => {
    const r = rig();
    r.at(2000);
    r.fx.perform({ type: 'set-paused', paused: true, keepWatching: true });
    expect(r.loop.paused).toBe(false);
    r.fx.perform({ type: 'set-paused', paused: true });
    expect(r.loop.paused).toBe(true);
    r.at(5000);
    r.fx.perform({ type: 'set-paused', paused: false });
    expect(r.loop.paused).toBe(false);
    expect(r.fx.pausedTime.sessionMs(6000)).toBe(3000);
    expect(r.log).toEqual(['clear-cue', 'clear-cue', 'clear-cue', 'gestures.resumed']);
  });

  it('end-session outside a routine lets the camera and model go and sums up', () => {
    const r = rig();
    r.fx.perform({ type: 'end-session', reason: 'done', atMs: 9000 });
    expect(r.log).toEqual([
      'gestures.end',
      'mat.coaching:false',
      'mat.leave',
      'session.end:done/9000/12000/20',
      'routine.ended:done/1/20',
      'loop.stop',
      'camera.stop',
      'tasks.stop',
      'meter.read:500',
      `say:${END_WORDS.summary}`,
    ]);
  });

  it('end-session in a routine keeps the camera and model for the rest, paused', () => {
    const r = rig({ resting: true });
    r.fx.perform({ type: 'end-session', reason: 'done', atMs: 9000 });
    expect(r.loop.paused).toBe(true);
    expect(r.log).not.toContain('camera.stop');
    expect(r.log).not.toContain('loop.stop');
    expect(r.log.at(-1)).toBe(`say:${END_WORDS.rest}`);
  });

  it('end-session for sharp pain says nothing itself (the flow hushes and speaks)', () => {
    const r = rig();
    r.fx.perform({ type: 'end-session', reason: 'sharp-pain', atMs: 9000 });
    expect(r.log.filter((l) => l.startsWith('say'))).toEqual([]);
    expect(r.log).toContain('camera.stop');
  });

  it('release lets everything go and forgets the session and routine', () => {
    const r = rig();
    r.fx.perform({ type: 'release' });
    expect(r.log).toEqual([
      'interruptions.clear',
      'gestures.end',
      'mat.coaching:false',
      'mat.leave',
      'loop.stop',
      'camera.stop',
      'tasks.stop',
      'fresh',
      'session.clear',
      'routine.clear',
    ]);
  });

  it('mark-sharp-pain ends the routine, the camera and the model, and re-marks the session', () => {
    const r = rig();
    r.fx.perform({ type: 'mark-sharp-pain' });
    r.fx.perform({ type: 'hush' });
    r.fx.perform({ type: 'say', text: 'Stop', safety: true });
    expect(r.log).toEqual([
      'routine:end',
      'loop.stop',
      'camera.stop',
      'mark-sharp-pain',
      'hush',
      'say!:Stop',
    ]);
  });
});
