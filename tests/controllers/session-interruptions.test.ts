/**
 * SessionInterruptions with the real coach-flow reducer and the real
 * PausedTime: it pauses only a running live session, lifts only its own
 * pause, backdates the paused span, and pauses the loop itself in setup.
 */
import { describe, expect, it } from 'vitest';
import {
  INTERRUPTION_WORDS,
  SessionInterruptions,
} from '../../src/controllers/session-interruptions.ts';
import {
  type CoachFlowState,
  coachFlow,
  type FlowEvent,
  INITIAL_FLOW,
} from '../../src/session/coach-flow.ts';
import { PausedTime } from '../../src/session/paused-time.ts';

function rig(stage: 'live' | 'setup') {
  let state: CoachFlowState = INITIAL_FLOW;
  let now = 0;
  const run = (e: FlowEvent) => {
    state = coachFlow(state, e, now);
  };
  run({ type: 'start' });
  run({ type: 'camera-opened', run: state.run });
  run({ type: 'engine-ready', run: state.run, note: '' });
  if (stage === 'live') run({ type: 'start-now' });
  const time = new PausedTime();
  const said: string[] = [];
  const log = { cleared: 0, loopPaused: false };
  const dispatch = (e: FlowEvent) => {
    run(e);
    // What the element does for the flow's set-paused effect.
    for (const fx of state.effects) if (fx.type === 'set-paused') time.set(fx.paused, now);
  };
  const it = new SessionInterruptions({
    flow: () => state,
    dispatch,
    clearCue: () => log.cleared++,
    say: (t) => said.push(t),
    pausedTime: () => time,
    setLoopPaused: (p) => {
      log.loopPaused = p;
    },
    requestUpdate: () => {},
  });
  return {
    it,
    time,
    said,
    log,
    state: () => state,
    dispatch,
    at: (ms: number) => {
      now = ms;
    },
  };
}

describe('SessionInterruptions', () => {
  it('pauses a live session, backdated to the last frame, and resumes it', () => {
    const r = rig('live');
    r.at(10_000);
    r.it.interrupt('model', 'stopped', 7000);
    expect(r.state().paused).toBe(true);
    expect(r.log.cleared).toBe(1);
    expect(r.said).toEqual(['stopped']);
    expect(r.it.alert).toBe(true);
    r.at(15_000);
    r.it.end('model', 'back');
    expect(r.state().paused).toBe(false);
    expect(r.time.totalMs(20_000)).toBe(8000); // from the last frame at 7 s, not from 10 s
    expect(r.it.note).toBe('back');
  });

  it('leaves a pause the person made alone, and waits for every interruption to end', () => {
    const r = rig('live');
    r.dispatch({ type: 'toggle-pause' });
    r.it.interrupt('hidden', INTERRUPTION_WORDS.hidden, 0, false);
    r.it.end('hidden', INTERRUPTION_WORDS.back);
    expect(r.state().paused).toBe(true);
    expect(r.said).toEqual([INTERRUPTION_WORDS.back]);

    const s = rig('live');
    s.it.interrupt('hidden', INTERRUPTION_WORDS.hidden, 0, false);
    s.it.interrupt('model', 'stopped', 0);
    s.it.end('hidden', INTERRUPTION_WORDS.back);
    expect(s.state().paused).toBe(true); // the model is still restarting
    s.it.end('model', 'back');
    expect(s.state().paused).toBe(false);
    // An end without its interruption changes nothing.
    s.it.end('model', 'again');
    expect(s.said.at(-1)).toBe('back');
  });

  it('in setup pauses the pose loop itself (the flow has no pause there)', () => {
    const r = rig('setup');
    r.it.interrupt('hidden', INTERRUPTION_WORDS.hidden, 0, false);
    expect(r.log.loopPaused).toBe(true);
    expect(r.state().stage).toBe('setup');
    r.it.end('hidden', INTERRUPTION_WORDS.back);
    expect(r.log.loopPaused).toBe(false);
  });

  it('a hidden tab pauses silently (nobody is looking); shown again it says welcome back', () => {
    const r = rig('live');
    r.at(4000);
    r.it.tabHidden(true, 4000);
    expect(r.state().paused).toBe(true);
    expect(r.said).toEqual([]);
    expect(r.it.note).toBe(INTERRUPTION_WORDS.hidden);
    r.at(9000);
    r.it.tabHidden(false, 9000);
    expect(r.state().paused).toBe(false);
    expect(r.said).toEqual([INTERRUPTION_WORDS.back]);
    expect(r.time.totalMs(9000)).toBe(5000);
  });
});
