import { describe, expect, it } from 'vitest';
import type { Features } from '../../src/core/features.ts';
import { ExerciseRecognizer, voteExercise } from '../../src/exercises/recognize-exercise.ts';
import { featuresOf } from '../support/features.ts';

const shape = featuresOf;

describe('voteExercise', () => {
  it.each<[string, Partial<Features>, string | undefined]>([
    [
      'sitting up, hips on the floor, turned 25°',
      { trunkLeanDeg: 5, hipHeightThighs: 0.3, torsoRotationDeg: 25 },
      'seated-twist',
    ],
    [
      'sitting up square (issue 14: sitting upright is none of the three)',
      { trunkLeanDeg: 5, hipHeightThighs: 0.3, torsoRotationDeg: 4 },
      undefined,
    ],
    [
      'sitting up, feet unseen, knees level with the hips, turned the other way',
      { trunkLeanDeg: 5, kneeDropTorso: 0.2, torsoRotationDeg: -22 },
      'seated-twist',
    ],
    [
      'a standing forward fold: folded on straight legs is not child’s pose',
      { trunkLeanDeg: 120, hipHeightThighs: 1.8, kneeAngleDeg: { left: 176, right: 174 } },
      undefined,
    ],
    [
      'folded on sharply bent knees',
      { trunkLeanDeg: 105, hipHeightThighs: 0.7, kneeAngleDeg: { left: 35 } },
      'childs-pose',
    ],
    [
      'folded with the arms reaching past the head',
      { trunkLeanDeg: 100, kneeAngleDeg: { left: 40 }, shoulderAngleDeg: { left: 165 } },
      'childs-pose',
    ],
    [
      'folded, the arms held down from the trunk (a rounded all fours, issue 14 negative)',
      { trunkLeanDeg: 100, kneeAngleDeg: { left: 90 }, shoulderAngleDeg: { left: 85 } },
      undefined,
    ],
    [
      'on all fours, hips high, arms forward (child’s pose, hips left up)',
      {
        trunkLeanDeg: 80,
        hipHeightThighs: 1.2,
        kneeAngleDeg: { left: 60 },
        shoulderAngleDeg: { right: 150 },
      },
      'childs-pose',
    ],
    [
      'on all fours, arms straight down (cat–cow, a negative)',
      {
        trunkLeanDeg: 80,
        hipHeightThighs: 1.2,
        kneeAngleDeg: { left: 92 },
        shoulderAngleDeg: { left: 88, right: 86 },
      },
      undefined,
    ],
    [
      'read as on all fours with straight knees (lying flat, arms overhead)',
      {
        trunkLeanDeg: 80,
        hipHeightThighs: 0.9,
        kneeAngleDeg: { left: 165 },
        shoulderAngleDeg: { left: 150 },
      },
      undefined,
    ],
    [
      'read as folded, but the chest faces up with a knee bent (a roller seen from its head end)',
      {
        trunkLeanDeg: 101,
        kneeAngleDeg: { left: 77 },
        shoulderAngleDeg: { left: 150 },
        chestUpWorld: 0.87,
      },
      'foam-roller',
    ],
    [
      'read as upright at a high angle, but the chest faces up with the knees bent',
      { trunkLeanDeg: 47, hipHeightThighs: 1.07, kneeAngleDeg: { left: 81 }, chestUpWorld: 0.8 },
      'foam-roller',
    ],
    [
      'chest up on straight legs (lying flat)',
      { trunkLeanDeg: 80, hipHeightThighs: 0.1, kneeAngleDeg: { left: 170 }, chestUpWorld: 0.95 },
      undefined,
    ],
    ['standing', { trunkLeanDeg: 3, hipHeightThighs: 2, kneeDropTorso: 0.8 }, undefined],
    [
      'lying back over a roller, knees up',
      { trunkLeanDeg: 75, hipHeightThighs: 0.4, kneeAngleDeg: { left: 85 } },
      'foam-roller',
    ],
    [
      'lying flat, legs straight',
      { trunkLeanDeg: 85, hipHeightThighs: 0.3, kneeAngleDeg: { left: 175 } },
      undefined,
    ],
    [
      'on all fours',
      { trunkLeanDeg: 88, hipHeightThighs: 1.1, kneeAngleDeg: { left: 90 } },
      'childs-pose',
    ],
    [
      'forehead down, hips on the heels',
      { trunkLeanDeg: 100, hipHeightThighs: 0.6 },
      'childs-pose',
    ],
    ['leaning halfway', { trunkLeanDeg: 45, hipHeightThighs: 0.5 }, undefined],
    [
      'sitting up, legs unclear (knees 0.6 below the hips, feet unseen), torso turned 30°',
      { trunkLeanDeg: 4, kneeDropTorso: 0.6, torsoRotationDeg: -30 },
      'seated-twist',
    ],
    [
      'the same, square to the camera',
      { trunkLeanDeg: 4, kneeDropTorso: 0.6, torsoRotationDeg: 5 },
      undefined,
    ],
    [
      'standing and turned is not the twist',
      { trunkLeanDeg: 4, hipHeightThighs: 2, kneeDropTorso: 0.85, torsoRotationDeg: 30 },
      undefined,
    ],
    ['trunk not seen', { usable: false, trunkLeanDeg: 5, hipHeightThighs: 0.3 }, undefined],
  ])('%s', (_, f, expected) => {
    expect(voteExercise(shape(f))).toBe(expected);
  });
});

describe('ExerciseRecognizer', () => {
  const twist = shape({ trunkLeanDeg: 5, hipHeightThighs: 0.3, torsoRotationDeg: 30 });
  const unclear = shape({ trunkLeanDeg: 45 });

  it('answers after a second of clear majority, not before', () => {
    const r = new ExerciseRecognizer();
    const answers = Array.from({ length: 15 }, (_, i) => r.update(twist, i * 100));
    expect(answers.slice(0, 10)).toEqual(new Array(10).fill(undefined));
    expect(answers[10]).toBe('seated-twist');
  });

  it('a mixed window gives no answer', () => {
    const r = new ExerciseRecognizer();
    let answer: string | undefined;
    for (let i = 0; i < 40; i++) answer = r.update(i % 2 ? twist : unclear, i * 100);
    expect(answer).toBeUndefined();
  });

  it('old votes leave the window', () => {
    const r = new ExerciseRecognizer();
    for (let i = 0; i < 30; i++) r.update(unclear, i * 100);
    let answer: string | undefined;
    for (let i = 30; i < 45; i++) answer = r.update(twist, i * 100);
    expect(answer).toBe('seated-twist');
  });
});
