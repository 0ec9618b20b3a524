import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS } from '../../src/exercises/exercise-ids.ts';
import type { Clearance } from '../../src/safety/clearance.ts';
import type { Decision } from '../../src/safety/decision.ts';
import { evaluateSafety } from '../../src/safety/evaluate-safety.ts';
import type { PainEntry } from '../../src/safety/pain-entry.ts';
import { PAIN_FINDING_IDS, type RuleId, SAFETY_RULES } from '../../src/safety/safety-rules.ts';
import { allNo, QUESTION_IDS, type QuestionId } from '../../src/safety/screening-questions.ts';

const TODAY = '2026-03-10';
const ALL = [...EXERCISE_IDS];
const GENTLE = ['seated-twist', 'childs-pose'];

/** The decision each "yes" must give on its own: written out by hand from the issue. */
const EXPECTED: Record<QuestionId, Decision> = {
  'unexplained-weight-loss': 'urgent',
  fever: 'urgent',
  'bladder-bowel-changes': 'urgent',
  'pain-into-arms': 'see-professional',
  numbness: 'see-professional',
  tingling: 'see-professional',
  weakness: 'see-professional',
  'severe-osteoporosis': 'see-professional',
  'spinal-cancer': 'see-professional',
  'disc-problems': 'see-professional',
  'sharp-pain-now': 'not-today',
  'significant-swelling': 'not-today',
  'recent-injury': 'not-today',
  'pain-not-improving': 'see-professional',
  'pain-severe': 'see-professional',
  'pain-getting-worse': 'see-professional',
};
const RANK: Decision[] = ['ok', 'not-today', 'see-professional', 'urgent'];

function yes(...ids: QuestionId[]) {
  const a = allNo();
  for (const id of ids) a[id] = true;
  return a;
}

function screened(ids: QuestionId[], day = TODAY) {
  return { answers: yes(...ids), day };
}

function clearance(covers: RuleId[], visitDay = TODAY, recordedMs = 0): Clearance {
  return { id: 'c', recordedMs, visitDay, clinician: 'physical-therapist', covers };
}

describe('evaluateSafety: one answer at a time', () => {
  it('all "no" is ok with every exercise open', () => {
    const v = evaluateSafety({ screening: screened([]), today: TODAY });
    expect(v).toEqual({ decision: 'ok', fired: [], open: ALL, awaitingClearance: [] });
  });

  it('covers every question', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...QUESTION_IDS].sort());
  });

  it.each(QUESTION_IDS)('"%s" alone', (id) => {
    const v = evaluateSafety({ screening: screened([id]), today: TODAY });
    expect(v.decision).toBe(EXPECTED[id]);
    expect(v.fired.map((f) => f.id)).toEqual([id]);
    expect(v.open).toEqual([]);
    expect(v.awaitingClearance).toEqual(EXPECTED[id] === 'see-professional' ? [id] : []);
    expect(v.reopensOn).toBe(EXPECTED[id] === 'not-today' ? '2026-03-11' : undefined);
  });
});

describe('evaluateSafety: combinations, the most serious wins', () => {
  const pairs: [QuestionId, QuestionId][] = [];
  for (const [i, a] of QUESTION_IDS.entries())
    for (const b of QUESTION_IDS.slice(i + 1)) pairs.push([a, b]);

  it.each(pairs)('"%s" + "%s"', (a, b) => {
    const want = RANK[Math.max(RANK.indexOf(EXPECTED[a]), RANK.indexOf(EXPECTED[b]))];
    const v = evaluateSafety({ screening: screened([a, b]), today: TODAY });
    expect(v.decision).toBe(want);
    expect(v.open).toEqual([]);
    // Most serious listed first.
    expect(RANK.indexOf(v.fired[0]!.rule.decision)).toBeGreaterThanOrEqual(
      RANK.indexOf(v.fired[1]!.rule.decision),
    );
  });

  it.each<[string, QuestionId[], Decision]>([
    ['every item', [...QUESTION_IDS], 'urgent'],
    ['fever + disc + sharp pain', ['fever', 'disc-problems', 'sharp-pain-now'], 'urgent'],
    ['tingling + swelling', ['tingling', 'significant-swelling'], 'see-professional'],
    ['recent injury + sharp pain', ['recent-injury', 'sharp-pain-now'], 'not-today'],
  ])('%s → %s', (_, ids, want) => {
    expect(evaluateSafety({ screening: screened(ids), today: TODAY }).decision).toBe(want);
  });
});

describe('evaluateSafety: not today allows tomorrow', () => {
  it.each<QuestionId>(['sharp-pain-now', 'significant-swelling', 'recent-injury'])(
    '"%s" closes today and lifts the next day',
    (id) => {
      const s = screened([id], '2026-03-10');
      expect(evaluateSafety({ screening: s, today: '2026-03-10' }).decision).toBe('not-today');
      const tomorrow = evaluateSafety({ screening: s, today: '2026-03-11' });
      expect(tomorrow.decision).toBe('ok');
      expect(tomorrow.open).toEqual(ALL);
    },
  );

  it('lasting answers do not expire with the day', () => {
    const s = screened(['fever', 'disc-problems'], '2026-03-01');
    expect(evaluateSafety({ screening: s, today: '2026-03-11' }).decision).toBe('urgent');
  });
});

describe('evaluateSafety: clearances', () => {
  it.each<[string, QuestionId[], RuleId[], Decision, string[]]>([
    ['disc problem cleared: no roller', ['disc-problems'], ['disc-problems'], 'ok', GENTLE],
    [
      'osteoporosis cleared: no roller',
      ['severe-osteoporosis'],
      ['severe-osteoporosis'],
      'ok',
      GENTLE,
    ],
    ['spinal cancer cleared: no roller', ['spinal-cancer'], ['spinal-cancer'], 'ok', GENTLE],
    ['numbness cleared: all', ['numbness'], ['numbness'], 'ok', ALL],
    ['pain not improving cleared: all', ['pain-not-improving'], ['pain-not-improving'], 'ok', ALL],
    [
      'disc + numbness both cleared: the narrower',
      ['disc-problems', 'numbness'],
      ['disc-problems', 'numbness'],
      'ok',
      GENTLE,
    ],
    [
      'disc cleared, numbness not: still waiting',
      ['disc-problems', 'numbness'],
      ['disc-problems'],
      'see-professional',
      [],
    ],
    [
      'a clearance for another rule lifts nothing',
      ['tingling'],
      ['numbness'],
      'see-professional',
      [],
    ],
    ['urgent is never lifted by a clearance', ['fever'], ['fever'], 'urgent', []],
    [
      'a clearance does not lift not-today',
      ['sharp-pain-now'],
      ['sharp-pain-now'],
      'not-today',
      [],
    ],
    [
      'cleared see-professional + not-today',
      ['disc-problems', 'sharp-pain-now'],
      ['disc-problems'],
      'not-today',
      [],
    ],
  ])('%s', (_, ids, covers, decision, open) => {
    const v = evaluateSafety({
      screening: screened(ids),
      clearances: [clearance(covers)],
      today: TODAY,
    });
    expect(v.decision).toBe(decision);
    expect(v.open).toEqual(open);
  });

  it('lists the rules still waiting for a clearance', () => {
    const v = evaluateSafety({
      screening: screened(['disc-problems', 'numbness', 'pain-severe']),
      clearances: [clearance(['numbness'])],
      today: TODAY,
    });
    expect(v.awaitingClearance).toEqual(['disc-problems', 'pain-severe']);
    expect(v.fired.find((f) => f.id === 'numbness')?.cleared).toBe(true);
  });

  it('a clearance expires after 180 days and never holds before the visit', () => {
    const s = screened(['numbness'], '2025-01-01');
    const c = [clearance(['numbness'], '2026-01-01')];
    expect(evaluateSafety({ screening: s, clearances: c, today: '2026-06-30' }).decision).toBe(
      'ok',
    ); // day 180
    expect(evaluateSafety({ screening: s, clearances: c, today: '2026-07-01' }).decision).toBe(
      'see-professional',
    );
    expect(evaluateSafety({ screening: s, clearances: c, today: '2025-12-31' }).decision).toBe(
      'see-professional',
    );
  });
});

describe('evaluateSafety: the pain log', () => {
  const entry = (day: string, level: number, atMs: number): PainEntry => ({
    id: day,
    atMs,
    day,
    level,
    locations: ['between-shoulder-blades'],
    context: 'no-session',
  });
  const rising = [
    entry('2026-03-07', 2, 1),
    entry('2026-03-08', 3, 2),
    entry('2026-03-09', 5, 3),
    entry('2026-03-10', 6, 4),
  ];

  it('every pain finding is a see-professional rule that a clearance may lift fully', () => {
    for (const id of PAIN_FINDING_IDS) {
      expect(SAFETY_RULES[id].decision).toBe('see-professional');
      expect(SAFETY_RULES[id].openWithClearance).toEqual(ALL);
    }
  });

  it('a rising log advises a professional even with all-"no" answers', () => {
    const v = evaluateSafety({ screening: screened([]), painEntries: rising, today: TODAY });
    expect(v.decision).toBe('see-professional');
    expect(v.awaitingClearance).toEqual(['log-pain-rising']);
  });

  it('a clearance restarts the log: old entries no longer count, new ones do', () => {
    const c = [clearance(['log-pain-rising'], TODAY, 10)];
    expect(
      evaluateSafety({ screening: screened([]), painEntries: rising, clearances: c, today: TODAY })
        .decision,
    ).toBe('ok');
    const later = [...rising, entry('2026-03-10', 8, 11)];
    const v = evaluateSafety({
      screening: screened([]),
      painEntries: later,
      clearances: c,
      today: TODAY,
    });
    expect(v.decision).toBe('see-professional');
    expect(v.awaitingClearance).toEqual(['log-pain-severe']);
  });

  it('an urgent answer still outranks the pain log', () => {
    const v = evaluateSafety({ screening: screened(['fever']), painEntries: rising, today: TODAY });
    expect(v.decision).toBe('urgent');
    expect(v.fired.map((f) => f.id)).toEqual(['fever', 'log-pain-rising']);
  });
});

describe('evaluateSafety: a session stopped for sharp pain', () => {
  it.each<
    [
      string,
      { day: string; stoppedFor?: 'sharp-pain' | 'new-symptoms' | 'repeated-forcing' }[],
      Decision,
    ]
  >([
    ['stopped today', [{ day: TODAY, stoppedFor: 'sharp-pain' }], 'not-today'],
    ['stopped yesterday', [{ day: '2026-03-09', stoppedFor: 'sharp-pain' }], 'ok'],
    ['ended normally today', [{ day: TODAY }], 'ok'],
    ['stopped for forcing today', [{ day: TODAY, stoppedFor: 'repeated-forcing' }], 'ok'],
  ])('%s → %s', (_, sessions, want) => {
    const v = evaluateSafety({ screening: screened([]), sessions, today: TODAY });
    expect(v.decision).toBe(want);
    if (want === 'not-today') {
      expect(v.fired.map((f) => f.id)).toEqual(['stopped-for-sharp-pain']);
      expect(v.reopensOn).toBe('2026-03-11');
    }
  });

  it('still loses to a see-professional answer', () => {
    const v = evaluateSafety({
      screening: screened(['numbness']),
      sessions: [{ day: TODAY, stoppedFor: 'sharp-pain' }],
      today: TODAY,
    });
    expect(v.decision).toBe('see-professional');
  });
});

describe('the rule table', () => {
  it.each(Object.entries(SAFETY_RULES))(
    '"%s" has a reason, a next step and its reasoning',
    (_, r) => {
      expect(r.reason.length).toBeGreaterThan(20);
      expect(r.nextStep.length).toBeGreaterThan(20);
      expect(r.why.length).toBeGreaterThan(10);
      // Only see-professional rules can be lifted by a clearance.
      if (r.decision !== 'see-professional') expect(r.openWithClearance).toEqual([]);
      // Screening, not diagnosis.
      expect(`${r.reason} ${r.nextStep}`).not.toMatch(/\byou have (a|an)\b|\bdiagnos/i);
    },
  );

  it('no rule tells anyone to push or stretch through pain', () => {
    for (const r of Object.values(SAFETY_RULES)) {
      expect(`${r.reason} ${r.nextStep}`).not.toMatch(
        /push through|stretch through|no pain,? no gain/i,
      );
    }
  });

  it('the roller never opens for a contraindication, the gentle stretches may', () => {
    for (const id of ['severe-osteoporosis', 'spinal-cancer', 'disc-problems'] as const) {
      expect(SAFETY_RULES[id].openWithClearance).not.toContain('foam-roller');
      expect(SAFETY_RULES[id].openWithClearance).toEqual(GENTLE);
    }
  });
});
