/**
 * CoachCommands with the real coach-flow reducer: Sharp pain in a
 * routine's rest marks the stretch just stored, elsewhere it ends the
 * session; "Start another" goes back and tells the shell; C and the twist's
 * side switch act only live; a lost tab lock keeps a live session (stops it
 * into its summary) and abandons a start.
 */
import { describe, expect, it } from 'vitest';
import { CoachCommands } from '../../src/controllers/coach-commands.ts';
import {
  type CoachFlowState,
  coachFlow,
  type FlowEvent,
  INITIAL_FLOW,
} from '../../src/session/coach-flow.ts';

function rig(to: 'choose' | 'loading' | 'live', opts: { resting?: boolean } = {}) {
  let state: CoachFlowState = INITIAL_FLOW;
  const events: string[] = [];
  const run = (e: FlowEvent) => {
    state = coachFlow(state, e, 0);
  };
  if (to !== 'choose') {
    run({ type: 'start' });
    if (to === 'live') {
      run({ type: 'camera-opened', run: state.run });
      run({ type: 'engine-ready', run: state.run, note: '' });
      run({ type: 'start-now' });
    }
  }
  const host = new EventTarget();
  const heard: string[] = [];
  host.addEventListener('sw-session-again', (e) => heard.push(e.type));
  const session = {
    exercise: 'seated-twist' as const,
    accepted: 0,
    switched: 0,
    accept() {
      this.accepted++;
      return true;
    },
    switchSide() {
      this.switched++;
    },
  };
  const log: string[] = [];
  const act = new CoachCommands({
    host,
    flow: () => state,
    dispatch: (e) => {
      events.push(e.type === 'stop' ? `stop:${e.reason}` : e.type);
      run(e);
    },
    session: () => session,
    routine: {
      resting: opts.resting ?? false,
      dispatch: (e) => log.push(`routine:${e.type}`),
    },
    gestures: { decline: () => log.push('decline') },
    releaseCamera: () => log.push('release-camera'),
    hush: () => log.push('hush'),
    requestUpdate: () => {},
  });
  return { act, events, heard, session, log, state: () => state };
}

describe('CoachCommands', () => {
  it('Sharp pain ends the session for sharp pain, with the advice', () => {
    const r = rig('live');
    r.act.sharpPain();
    expect(r.events).toEqual(['stop:sharp-pain']);
    expect(r.state().stage).toBe('safety');
  });

  it("Sharp pain in a routine's rest marks the stretch just ended", () => {
    const r = rig('choose', { resting: true });
    r.act.sharpPain();
    expect(r.events).toEqual(['sharp-pain-after']);
    r.act.sharpPainNow();
    expect(r.events.at(-1)).toBe('stop:sharp-pain');
  });

  it('Start another goes back to choosing and tells the shell', () => {
    const r = rig('live');
    r.act.stop();
    r.act.startAnother();
    expect(r.events).toEqual(['stop:done', 'restart']);
    expect(r.heard).toEqual(['sw-session-again']);
    expect(r.state().stage).toBe('choose');
  });

  it('accept and switch side act only while live', () => {
    const r = rig('loading');
    r.act.accept();
    r.act.switchSide();
    expect([r.session.accepted, r.session.switched]).toEqual([0, 0]);
    const live = rig('live');
    live.act.accept();
    live.act.switchSide();
    expect([live.session.accepted, live.session.switched]).toEqual([1, 1]);
  });

  it('standing down for another tab: a live session is stopped (kept), a start abandoned', () => {
    const live = rig('live');
    live.act.standDown();
    expect(live.events).toEqual(['stop:done']);
    expect(live.log).toEqual(['hush']);
    const loading = rig('loading');
    loading.act.standDown();
    expect(loading.events).toEqual(['restart']);
    const choosing = rig('choose');
    choosing.act.standDown();
    expect(choosing.events).toEqual([]);
  });

  it('ending the routine in its rest lets the camera go; N declines', () => {
    const r = rig('choose', { resting: true });
    r.act.endRoutine();
    r.act.decline();
    expect(r.log).toEqual(['routine:end', 'release-camera', 'decline']);
  });
});
