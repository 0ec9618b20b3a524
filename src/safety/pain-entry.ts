/**
 * One pain-log entry: how much it hurts (0–10) and where, before or after a
 * session or on a day without one. The persistence rule reads these.
 */
import type { DayKey } from './day-key.ts';

export const PAIN_LOCATIONS = [
  'between-shoulder-blades',
  'upper-back',
  'neck',
  'shoulders',
  'arms-or-hands',
  'lower-back',
  'chest',
  'other',
] as const;
export type PainLocation = (typeof PAIN_LOCATIONS)[number];

export const PAIN_LOCATION_LABELS: Record<PainLocation, string> = {
  'between-shoulder-blades': 'Between the shoulder blades',
  'upper-back': 'Upper back',
  neck: 'Neck',
  shoulders: 'Shoulders',
  'arms-or-hands': 'Arms or hands',
  'lower-back': 'Lower back',
  chest: 'Chest or ribs',
  other: 'Somewhere else',
};

export const PAIN_CONTEXTS = ['before-session', 'after-session', 'no-session'] as const;
export type PainContext = (typeof PAIN_CONTEXTS)[number];

export const PAIN_CONTEXT_LABELS: Record<PainContext, string> = {
  'before-session': 'Before a session',
  'after-session': 'After a session',
  'no-session': 'No session today',
};

/** Lowest and highest pain level on the 0–10 scale. */
export const PAIN_MIN = 0;
export const PAIN_MAX = 10;

export interface PainEntry {
  /** Unique id (a random UUID from the caller). */
  id: string;
  /** When it was logged, ms since the epoch. */
  atMs: number;
  /** The local day it describes. */
  day: DayKey;
  /** 0 = no pain, 10 = the worst imaginable; whole numbers. */
  level: number;
  /** Where it hurts; may be empty when the level is 0. */
  locations: PainLocation[];
  context: PainContext;
  /** The session it belongs to, for before/after entries. */
  sessionId?: string;
  /** Free text, optional. */
  note?: string;
}

/**
 * Checks an entry before it is stored; returns what is wrong in words the
 * person can act on, or an empty list.
 */
export function painEntryProblems(entry: Pick<PainEntry, 'level' | 'locations'>): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(entry.level) || entry.level < PAIN_MIN || entry.level > PAIN_MAX) {
    problems.push(`Choose a pain level from ${PAIN_MIN} to ${PAIN_MAX}.`);
  }
  if (entry.level > 0 && entry.locations.length === 0) {
    problems.push('Tick at least one place where it hurts.');
  }
  return problems;
}
