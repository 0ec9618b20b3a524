/**
 * CoachPoseRouter sends each pose where the flow's stage says: setup
 * frames to the setup checks (with the picked stretch), live frames to the
 * gestures first and to the session only when they let it through (in
 * session time, timed for the measures, then the countdown), loading
 * frames only to the skeleton. A frame error shows until a frame comes
 * back; a lost worker clears it and pauses through the interruptions.
 */
import { describe, expect, it } from 'vitest';
import { CoachPoseRouter, FRAME_ERROR_PREFIX } from '../../src/controllers/coach-pose-router.ts';
import type { PoseResult } from '../../src/pose/worker/pose-worker-client.ts';
import {
  type CoachFlowState,
  type CoachStage,
  INITIAL_FLOW,
} from '../../src/session/coach-flow.ts';

const pose = (tMs: number) => ({ tMs, frame: { tMs } }) as unknown as PoseResult;

function rig(stage: CoachStage, opts: { letThrough?: boolean; cue?: boolean } = {}) {
  const log: string[] = [];
  const flow: CoachFlowState = { ...INITIAL_FLOW, stage };
  let now = 0;
  let rendered: () => void = () => {};
  const session = {
    poses: 0,
    onPose(p: PoseResult) {
      this.poses++;
      log.push(`session:${p.tMs}`);
      now += 4; // the step's main-thread time
      return { smoothed: p.frame, cue: opts.cue ? {} : undefined } as never;
    },
  };
  const router = new CoachPoseRouter({
    flow: () => flow,
    exercise: () => 'seated-twist',
    setup: { onPose: (p: PoseResult, e: string) => log.push(`setup:${p.tMs}/${e}`) } as never,
    gestures: {
      watch: (p: PoseResult) => {
        log.push(`watch:${p.tMs}`);
        return opts.letThrough ?? true;
      },
      offerRecognized: (t: number) => log.push(`offer:${t}`),
    } as never,
    session: () => session,
    sessionMs: (t) => t - 100,
    draw: (frame, step) => log.push(`draw:${frame ? 'frame' : 'none'}/${step ? 'step' : '-'}`),
    meter: {
      step: (ms, poses) => log.push(`meter:${ms}/${poses}`),
      cueShown: (ms) => log.push(`cue-shown:${ms}`),
    },
    interruptions: {
      interrupt: (reason, message, since) => log.push(`interrupt:${reason}/${message}/${since}`),
      end: (reason, message) => log.push(`end:${reason}/${message}`),
      fail: (message) => log.push(`fail:${message}`),
    },
    requestUpdate: () => log.push('update'),
    rendered: () =>
      new Promise<void>((resolve) => {
        rendered = resolve;
      }),
    now: () => now,
  });
  return { router, log, flow, setNow: (t: number) => (now = t), render: () => rendered() };
}

describe('CoachPoseRouter', () => {
  it('setup frames go to the setup checks with the picked stretch', () => {
    const r = rig('setup');
    r.router.onPose(pose(40));
    expect(r.log).toEqual(['setup:40/seated-twist']);
  });

  it('loading frames only draw the skeleton', () => {
    const r = rig('loading');
    r.router.onPose(pose(40));
    expect(r.log).toEqual(['draw:frame/-']);
  });

  it('summary frames go nowhere', () => {
    const r = rig('summary');
    r.router.onPose(pose(40));
    expect(r.log).toEqual([]);
  });

  it('live frames: gestures, then the session in session time, then the countdown', () => {
    const r = rig('live');
    r.router.onPose(pose(400));
    expect(r.log).toEqual([
      'watch:400',
      'session:300',
      'draw:frame/step',
      'meter:4/1',
      'update',
      'offer:400',
    ]);
  });

  it('a live frame the gestures keep (paused, question up) reaches neither session nor countdown', () => {
    const r = rig('live', { letThrough: false });
    r.router.onPose(pose(400));
    expect(r.log).toEqual(['watch:400']);
  });

  it('a cue is timed from the frame grab to the render that shows it', async () => {
    const r = rig('live', { cue: true });
    r.setNow(1000);
    r.router.onPose(pose(900));
    r.setNow(1250);
    r.render();
    await Promise.resolve();
    expect(r.log.at(-1)).toBe('cue-shown:350');
  });

  it('a frame error shows until the next frame; a lost worker clears it and interrupts', () => {
    const r = rig('setup');
    r.router.onError('out of memory');
    expect(r.router.engineError).toBe(`${FRAME_ERROR_PREFIX}out of memory`);
    r.router.onPose(pose(40));
    expect(r.router.engineError).toBe('');
    r.router.onError('again');
    r.log.length = 0;
    r.router.onTrouble({ kind: 'lost', why: 'stopped', message: 'Stopped', sinceMs: 30 });
    expect(r.router.engineError).toBe('');
    r.router.onTrouble({ kind: 'back', message: 'Back' });
    r.router.onTrouble({ kind: 'gave-up', message: 'Gave up' });
    expect(r.log).toEqual([
      'update',
      'interrupt:model/Stopped/30',
      'end:model/Back',
      'fail:Gave up',
    ]);
  });
});
