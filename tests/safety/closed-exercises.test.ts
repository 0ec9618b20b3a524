/** The picker's reasons: a cleared contraindication keeps the roller closed for good, in words. */
import { describe, expect, it } from 'vitest';
import { closedExercises } from '../../src/safety/closed-exercises.ts';
import { evaluateSafety } from '../../src/safety/evaluate-safety.ts';
import { allNo } from '../../src/safety/screening-questions.ts';

const TODAY = '2026-03-10';

describe('closedExercises', () => {
  it('a cleared disc problem: the roller closed for as long as the answer stands', () => {
    const answers = { ...allNo(), 'disc-problems': true };
    const v = evaluateSafety({
      screening: { answers, day: TODAY },
      clearances: [
        {
          id: 'c',
          recordedMs: 0,
          visitDay: TODAY,
          clinician: 'doctor',
          covers: ['disc-problems'],
        },
      ],
      today: TODAY,
    });
    expect(v.decision).toBe('ok');
    expect(v.open).toEqual(['seated-twist', 'childs-pose']);
    const closed = closedExercises(v);
    expect(Object.keys(closed)).toEqual(['foam-roller']);
    expect(closed['foam-roller']?.why).toContain('disc problem');
    expect(closed['foam-roller']?.why).toContain('gentler stretches only');
    expect(closed['foam-roller']?.lasts).toBe(
      'Closed for as long as your answers include a disc problem in your back or neck, not just today.',
    );
    expect(closed['foam-roller']?.lasts).not.toMatch(/^Not today/);
  });

  it('nothing closed when all is open; nothing said when the gate is shut anyway', () => {
    expect(
      closedExercises(
        evaluateSafety({ screening: { answers: allNo(), day: TODAY }, today: TODAY }),
      ),
    ).toEqual({});
    const urgent = evaluateSafety({
      screening: { answers: { ...allNo(), fever: true }, day: TODAY },
      today: TODAY,
    });
    expect(closedExercises(urgent)).toEqual({});
  });
});
