/**
 * Scenarios the Chromium safety flow used to walk once per answer, kept
 * here as the pure rules they are (tests/browser/safety-flow.test.ts keeps
 * one walk through the screens for each decision): every urgent answer
 * outranks a contraindication beside it, offers no clearance and still
 * holds on a later day; a clearance covers only the rules it was given for,
 * so a nerve sign that comes later needs its own.
 */
import { describe, expect, it } from 'vitest';
import type { Clearance } from '../../src/safety/clearance.ts';
import { evaluateSafety } from '../../src/safety/evaluate-safety.ts';
import type { RuleId } from '../../src/safety/safety-rules.ts';
import { allNo, type QuestionId } from '../../src/safety/screening-questions.ts';

function screened(ids: QuestionId[], day: string) {
  const answers = allNo();
  for (const id of ids) answers[id] = true;
  return { answers, day };
}

function clearance(covers: RuleId[], visitDay: string): Clearance {
  return { id: 'c', recordedMs: 0, visitDay, clinician: 'physical-therapist', covers };
}

describe('urgent answers', () => {
  it.each<QuestionId>(['fever', 'unexplained-weight-loss', 'bladder-bowel-changes'])(
    '"%s" with a disc problem: urgent, nothing open, no clearance offered, still so the next day',
    (item) => {
      const screening = screened([item, 'disc-problems'], '2026-03-10');
      for (const today of ['2026-03-10', '2026-03-11']) {
        const v = evaluateSafety({ screening, today });
        expect(v.decision).toBe('urgent');
        expect(v.open).toEqual([]);
        expect(v.fired[0]?.id).toBe(item); // the most serious first
        // A clearance form is shown only for rules awaiting one; urgent is never among them.
        expect(v.awaitingClearance).not.toContain(item);
      }
    },
  );

  it('a clearance recorded for the contraindication beside it opens nothing', () => {
    const v = evaluateSafety({
      screening: screened(['bladder-bowel-changes', 'disc-problems'], '2026-03-10'),
      clearances: [clearance(['disc-problems'], '2026-03-10')],
      today: '2026-03-10',
    });
    expect(v.decision).toBe('urgent');
    expect(v.open).toEqual([]);
  });
});

describe('a clearance is never implied', () => {
  it('numbness cleared, then weakness as well: only weakness waits for a clearance', () => {
    const clearances = [clearance(['numbness'], '2026-03-10')];
    const first = evaluateSafety({
      screening: screened(['numbness'], '2026-03-10'),
      clearances,
      today: '2026-03-10',
    });
    expect(first.decision).toBe('ok');
    const later = evaluateSafety({
      screening: screened(['numbness', 'weakness'], '2026-03-11'),
      clearances,
      today: '2026-03-11',
    });
    expect(later.decision).toBe('see-professional');
    expect(later.awaitingClearance).toEqual(['weakness']);
    expect(later.open).toEqual([]);
  });
});
