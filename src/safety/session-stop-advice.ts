/**
 * What to tell someone whose session just stopped for a safety reason. The
 * live coach stops at once and shows this advice (`<sw-safety-advice>`).
 * Screening language only: it routes to a clinician, it never diagnoses.
 */
import { OVERSTRETCH_NOTE, POP_EXPLAINER } from './pop-explainer.ts';

/** Why a session was stopped. */
export const SESSION_STOP_REASONS = ['sharp-pain', 'new-symptoms', 'repeated-forcing'] as const;
export type SessionStopReason = (typeof SESSION_STOP_REASONS)[number];

export interface SessionStopAdvice {
  /** Short heading, read first by screen readers. */
  title: string;
  /** What to do right now. */
  now: string;
  /** Numbered next steps, most important first. */
  steps: readonly string[];
  /** Extra explainer shown below the steps, if any. */
  explainer?: string;
}

/** When to look for help, shared by every stop reason; the most urgent first. */
const WHEN_TO_GET_HELP = [
  'If back pain comes with fever, weight loss you cannot explain, or changes in bladder or bowel control, get medical help straight away.',
  'If pain travels down an arm or into a hand, or comes with numbness, tingling or weakness, have it checked soon by a physiotherapist or a chiropractor.',
  'If the pain is no better despite several days of rest and easy movement, is severe, or keeps getting worse, book a visit with a physical therapist, chiropractor or doctor.',
] as const;

export const SESSION_STOP_ADVICE: Record<SessionStopReason, SessionStopAdvice> = {
  'sharp-pain': {
    title: 'Session stopped: sharp pain',
    now: 'Come out of the stretch slowly and rest in a comfortable position. Do not stretch through sharp pain.',
    steps: [
      'Note how strong the pain is (0 to 10) and where, in the pain log.',
      'Skip the stretches for the rest of today.',
      ...WHEN_TO_GET_HELP,
    ],
  },
  'new-symptoms': {
    title: 'Session stopped: something new',
    now: 'Stop and rest. New symptoms are a reason to pause, not to push on.',
    steps: ['Answer the safety questions again before your next session.', ...WHEN_TO_GET_HELP],
  },
  'repeated-forcing': {
    title: 'Session stopped: too much force',
    now: 'Let the stretch go and breathe. Gentle, slow movement does the work.',
    steps: [OVERSTRETCH_NOTE, 'Next time, ease into each position and stop well before any pain.'],
    explainer: POP_EXPLAINER,
  },
};
