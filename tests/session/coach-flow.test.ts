/**
 * The coach flow reducer, table-driven: each case is a list of events at
 * given times from the start, then the stage, fields and effects expected.
 * The cancellation cases are the point: a camera or model that finishes
 * after Stop, Sharp pain or Back must change nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  type CoachFlowState,
  coachFlow,
  FLOW_WORDS,
  type FlowEffect,
  type FlowEvent,
  INITIAL_FLOW,
  SETUP_STEADY_MS,
} from '../../src/session/coach-flow.ts';

type Timed = [tMs: number, event: FlowEvent];

/** Runs the events from the initial state; returns every state (the last is the result). */
function play(events: Timed[], from = INITIAL_FLOW): CoachFlowState[] {
  const states: CoachFlowState[] = [];
  let s = from;
  for (const [t, e] of events) {
    s = coachFlow(s, e, t);
    states.push(s);
  }
  return states;
}
const last = (events: Timed[]) => play(events).at(-1)!;
const types = (effects: readonly FlowEffect[]) => effects.map((f) => f.type);

// Run 1 is the first start; the camera and engine events of run 1.
const START: Timed[] = [[0, { type: 'start' }]];
const OPENED: Timed[] = [...START, [100, { type: 'camera-opened', run: 1 }]];
const READY: Timed[] = [...OPENED, [3000, { type: 'engine-ready', run: 1, note: 'Chose lite' }]];
const LIVE: Timed[] = [...READY, [4000, { type: 'start-now' }]];

describe('coach flow: the way through', () => {
  it.each<[string, Timed[], Partial<CoachFlowState>, FlowEffect['type'][]]>([
    [
      'start opens the camera',
      START,
      { stage: 'loading', step: 'camera', run: 1, progress: FLOW_WORDS.openingCamera },
      ['cancel-start', 'open-camera'],
    ],
    [
      'the camera open loads the model',
      OPENED,
      { stage: 'loading', step: 'model' },
      ['load-engine'],
    ],
    [
      'engine progress is shown',
      [...OPENED, [500, { type: 'progress', run: 1, text: 'Timing MediaPipe lite (1 of 3)…' }]],
      { stage: 'loading', progress: 'Timing MediaPipe lite (1 of 3)…' },
      [],
    ],
    [
      'the engine ready starts setup',
      READY,
      { stage: 'setup', step: 'first-frame' },
      ['watch-setup'],
    ],
    [
      'Start now goes live',
      LIVE,
      { stage: 'live', liveSinceMs: 4000, paused: false },
      ['start-session'],
    ],
    [
      'the camera would not open: its problem shows, loading stays',
      [...START, [50, { type: 'camera-failed', run: 1 }]],
      { stage: 'loading', cameraProblem: true, step: 'camera' },
      [],
    ],
    [
      'Try again after the camera failed is a new run',
      [...START, [50, { type: 'camera-failed', run: 1 }], [900, { type: 'start' }]],
      { stage: 'loading', cameraProblem: false, run: 2 },
      ['cancel-start', 'open-camera'],
    ],
    [
      'the model would not load: the message, loading stays',
      [...OPENED, [900, { type: 'engine-failed', run: 1, message: 'models/x is missing' }]],
      { stage: 'loading', error: 'models/x is missing' },
      [],
    ],
    [
      'Stop in a live session: the summary, with the time coached',
      [...LIVE, [9000, { type: 'stop', reason: 'done' }]],
      { stage: 'summary', stoppedFor: 'done', durationMs: 5000 },
      ['cancel-start', 'end-session'],
    ],
    [
      'Sharp pain: the advice, the voice cut to the safety line',
      [...LIVE, [9000, { type: 'stop', reason: 'sharp-pain' }]],
      { stage: 'safety', stoppedFor: 'sharp-pain', durationMs: 5000 },
      ['cancel-start', 'end-session', 'hush', 'say'],
    ],
    [
      'Stop in setup: a summary of nothing coached',
      [...READY, [3500, { type: 'stop', reason: 'done' }]],
      { stage: 'summary', durationMs: 0 },
      ['cancel-start', 'end-session'],
    ],
    [
      'the engine note is kept for the status line',
      READY,
      { engineNote: 'Chose lite' },
      ['watch-setup'],
    ],
    [
      "a routine's next stretch, camera on: straight to setup",
      [...LIVE, [9000, { type: 'stop', reason: 'done' }], [20_000, { type: 'next-stretch' }]],
      { stage: 'setup', step: 'first-frame', durationMs: 0, stoppedFor: undefined },
      ['set-paused', 'watch-setup'],
    ],
    [
      "a routine's next stretch, camera off: a new run from the camera",
      [...LIVE, [9000, { type: 'stop', reason: 'done' }], [20_000, { type: 'start' }]],
      { stage: 'loading', step: 'camera', run: 3 },
      ['cancel-start', 'open-camera'],
    ],
    [
      'Back to choosing releases everything',
      [...LIVE, [5000, { type: 'restart' }]],
      { stage: 'choose', run: 2, liveSinceMs: undefined },
      ['cancel-start', 'release'],
    ],
  ])('%s', (_name, events, fields, effects) => {
    const s = last(events);
    expect(s).toMatchObject(fields);
    expect(types(s.effects)).toEqual(effects);
  });

  it('the sharp-pain line is spoken as safety (never cut off), after the queue is hushed', () => {
    const s = last([...LIVE, [9000, { type: 'stop', reason: 'sharp-pain' }]]);
    expect(s.effects.slice(2)).toEqual([
      { type: 'hush' },
      { type: 'say', text: FLOW_WORDS.sharpPain, safety: true },
    ]);
  });
});

describe('coach flow: cancellation (Stop and Sharp pain always win)', () => {
  // Every stop or restart, pressed at every point of loading, then every late result of run 1.
  const lateResults: FlowEvent[] = [
    { type: 'camera-opened', run: 1 },
    { type: 'camera-failed', run: 1 },
    { type: 'progress', run: 1, text: 'Timing MediaPipe full (2 of 3)…' },
    { type: 'engine-ready', run: 1, note: 'Chose full' },
    { type: 'engine-failed', run: 1, message: 'cancelled' },
  ];
  const presses: [FlowEvent, CoachFlowState['stage']][] = [
    [{ type: 'stop', reason: 'done' }, 'summary'],
    [{ type: 'stop', reason: 'sharp-pain' }, 'safety'],
    [{ type: 'restart' }, 'choose'],
  ];
  const moments: [string, Timed[]][] = [
    ['opening the camera', START],
    ['loading the model', OPENED],
    ['after the model failed', [...OPENED, [900, { type: 'engine-failed', run: 1, message: 'x' }]]],
  ];

  for (const [moment, before] of moments) {
    for (const [press, stage] of presses) {
      it(`${press.type}${'reason' in press ? ` (${press.reason})` : ''} while ${moment} → ${stage}, and no late result of that run changes it`, () => {
        const stopped = last([...before, [1000, press]]);
        expect(stopped.stage).toBe(stage);
        expect(stopped.effects[0]).toEqual({ type: 'cancel-start' });
        for (const late of lateResults) {
          const after = coachFlow(stopped, late, 2000);
          expect(after.stage, late.type).toBe(stage);
          expect(after.effects, late.type).toEqual([]);
          expect({ ...after, effects: [] }).toEqual({ ...stopped, effects: [] });
        }
      });
    }
  }

  it('a stale run never reaches a newer one: run 1 ready after a restart and a new start', () => {
    const s = last([
      ...OPENED,
      [1000, { type: 'restart' }],
      [1100, { type: 'start' }],
      [1200, { type: 'engine-ready', run: 1, note: 'Chose lite' }],
    ]);
    expect(s).toMatchObject({ stage: 'loading', step: 'camera', run: 3 });
    expect(s.effects).toEqual([]);
  });

  it('the stop keys outside a session do nothing', () => {
    for (const reason of ['done', 'sharp-pain'] as const) {
      expect(coachFlow(INITIAL_FLOW, { type: 'stop', reason }, 0)).toEqual(INITIAL_FLOW);
      const summary = last([...LIVE, [5000, { type: 'stop', reason: 'done' }]]);
      const again = coachFlow(summary, { type: 'stop', reason }, 6000);
      expect(again.stage).toBe('summary');
      expect(again.effects).toEqual([]);
    }
  });
});

describe('coach flow: sharp pain after a stretch ended (a routine’s rest)', () => {
  const DONE: Timed[] = [...LIVE, [9000, { type: 'stop', reason: 'done' }]];

  it('from the summary: the advice, the stored stretch marked, the safety line after a hush', () => {
    const s = last([...DONE, [12_000, { type: 'sharp-pain-after' }]]);
    expect(s).toMatchObject({ stage: 'safety', stoppedFor: 'sharp-pain', durationMs: 5000 });
    expect(s.effects).toEqual([
      { type: 'cancel-start' },
      { type: 'mark-sharp-pain' },
      { type: 'hush' },
      { type: 'say', text: FLOW_WORDS.sharpPain, safety: true },
    ]);
    expect(s.run).toBeGreaterThan(last(DONE).run);
  });

  it.each<[string, Timed[]]>([
    ['choosing', []],
    ['loading', OPENED],
    ['setup', READY],
    ['live (Sharp pain stops the session itself there)', LIVE],
    ['the safety advice already', [...LIVE, [9000, { type: 'stop', reason: 'sharp-pain' }]]],
  ])('does nothing while %s', (_name, before) => {
    const from = before.length ? last(before) : INITIAL_FLOW;
    const after = coachFlow({ ...from, effects: [] }, { type: 'sharp-pain-after' }, 12_000);
    expect(after).toEqual({ ...from, effects: [] });
  });
});

describe('coach flow: setup starts by itself once all is right for SETUP_STEADY_MS', () => {
  const frames = (ready: boolean[], everyMs: number, from = 3000): Timed[] =>
    ready.map((r, i) => [from + (i + 1) * everyMs, { type: 'setup-frame', ready: r }]);

  it.each<[string, boolean[], number, CoachFlowState['stage']]>([
    // 4 ready frames 500 ms apart span 1500 ms: the 4th goes live.
    ['ready for 1.5 s', [true, true, true, true], 500, 'live'],
    ['ready for 1 s only', [true, true, true], 500, 'setup'],
    // A bad frame restarts the wait: 3 ready after it span only 1 s.
    ['interrupted', [true, true, true, false, true, true, true], 500, 'setup'],
    ['interrupted, then 1.5 s again', [true, true, false, true, true, true, true], 500, 'live'],
    // At 1 frame a second: two ready frames span 1 s, the third 2 s.
    ['slow device', [true, true, true], 1000, 'live'],
  ])('%s → %s', (_name, ready, everyMs, stage) => {
    const states = play([...READY, ...frames(ready, everyMs)]);
    expect(states.at(-1)!.stage).toBe(stage);
    // Going live happens once, on the frame that completes the wait.
    expect(states.filter((s) => types(s.effects).includes('start-session')).length).toBe(
      stage === 'live' ? 1 : 0,
    );
  });

  it('the steady time is measured from the first ready frame, in tMs', () => {
    const s = last([...READY, [5000, { type: 'setup-frame', ready: true }]]);
    expect(s.readySinceMs).toBe(5000);
    expect(
      last([
        ...READY,
        [5000, { type: 'setup-frame', ready: true }],
        [5000 + SETUP_STEADY_MS, { type: 'setup-frame', ready: true }],
      ]).stage,
    ).toBe('live');
  });

  it('frames before setup or while the camera is lost do not count', () => {
    expect(last([...OPENED, [500, { type: 'setup-frame', ready: true }]]).stage).toBe('loading');
    const lost = last([
      ...READY,
      [3100, { type: 'camera-lost' }],
      ...frames([true, true, true, true, true], 500, 3100),
    ]);
    expect(lost).toMatchObject({ stage: 'setup', cameraProblem: true, readySinceMs: undefined });
  });
});

describe('coach flow: pause and a lost camera', () => {
  it.each<[string, Timed[], Partial<CoachFlowState>, FlowEffect[]]>([
    [
      'Space pauses',
      [...LIVE, [5000, { type: 'toggle-pause' }]],
      { paused: true },
      [
        { type: 'set-paused', paused: true },
        { type: 'hush' },
        { type: 'say', text: 'Paused', safety: false },
      ],
    ],
    [
      'Space again resumes',
      [...LIVE, [5000, { type: 'toggle-pause' }], [6000, { type: 'toggle-pause' }]],
      { paused: false },
      [
        { type: 'set-paused', paused: false },
        { type: 'say', text: 'Resumed', safety: false },
      ],
    ],
    [
      'Space outside a session does nothing',
      [...READY, [5000, { type: 'toggle-pause' }]],
      { stage: 'setup', paused: false },
      [],
    ],
    [
      'the camera lost mid-session pauses it and says so',
      [...LIVE, [5000, { type: 'camera-lost' }]],
      { stage: 'live', paused: true, cameraProblem: true },
      [
        { type: 'set-paused', paused: true },
        { type: 'say', text: FLOW_WORDS.cameraLost, safety: false },
      ],
    ],
    [
      'Space with the camera lost does nothing (it cannot resume without pictures)',
      [...LIVE, [5000, { type: 'camera-lost' }], [5100, { type: 'toggle-pause' }]],
      { paused: true },
      [],
    ],
    [
      'the camera back resumes',
      [...LIVE, [5000, { type: 'camera-lost' }], [8000, { type: 'camera-back' }]],
      { paused: false, cameraProblem: false },
      [{ type: 'set-paused', paused: false }],
    ],
    [
      'Stop with the camera lost still ends the session',
      [...LIVE, [5000, { type: 'camera-lost' }], [8000, { type: 'stop', reason: 'done' }]],
      { stage: 'summary', durationMs: 4000 },
      [{ type: 'cancel-start' }, { type: 'end-session', reason: 'done', atMs: 8000 }],
    ],
    [
      'a gesture pauses, the pose loop goes on',
      [...LIVE, [5000, { type: 'pause', keepWatching: true }]],
      { paused: true, pausedByPose: true },
      [{ type: 'set-paused', paused: true, keepWatching: true }],
    ],
    [
      "a hand pause is not the pose's own",
      [...LIVE, [5000, { type: 'toggle-pause' }]],
      { paused: true, pausedByPose: false },
      [
        { type: 'set-paused', paused: true },
        { type: 'hush' },
        { type: 'say', text: FLOW_WORDS.paused, safety: false },
      ],
    ],
    [
      "the camera lost during a pose pause makes it the camera's",
      [...LIVE, [5000, { type: 'pause', keepWatching: true }], [6000, { type: 'camera-lost' }]],
      { paused: true, pausedByPose: false, cameraProblem: true },
      [
        { type: 'set-paused', paused: true },
        { type: 'say', text: FLOW_WORDS.cameraLost, safety: false },
      ],
    ],
    [
      'Space during a pose pause resumes',
      [...LIVE, [5000, { type: 'pause', keepWatching: true }], [6000, { type: 'toggle-pause' }]],
      { paused: false, pausedByPose: false },
      [
        { type: 'set-paused', paused: false },
        { type: 'say', text: FLOW_WORDS.resumed, safety: false },
      ],
    ],
    [
      'a second pause changes nothing',
      [
        ...LIVE,
        [5000, { type: 'pause', keepWatching: true }],
        [5100, { type: 'pause', keepWatching: false }],
      ],
      { paused: true, pausedByPose: true },
      [],
    ],
    [
      'a gesture resumes',
      [...LIVE, [5000, { type: 'pause', keepWatching: true }], [7000, { type: 'resume' }]],
      { paused: false, pausedByPose: false },
      [{ type: 'set-paused', paused: false }],
    ],
    [
      'no resume without the camera',
      [...LIVE, [5000, { type: 'camera-lost' }], [7000, { type: 'resume' }]],
      { paused: true },
      [],
    ],
  ])('%s', (_name, events, fields, effects) => {
    const s = last(events);
    expect(s).toMatchObject(fields);
    expect(s.effects).toEqual(effects);
  });
});
