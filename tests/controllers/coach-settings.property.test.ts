/**
 * Whatever localStorage holds under the coach settings' key (any JSON, any
 * text, fields of any type), the coach reads settings it can use: never a
 * throw, every field in its range, an engine and backend this build offers,
 * and reading them back once more changes nothing.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COACH_SETTINGS,
  loadCoachSettings,
  parseCoachSettings,
} from '../../src/controllers/coach-settings.ts';
import { ENGINE_CHOICES, engineName } from '../../src/pose/engine-options.ts';
import { settingsSchema } from '../../src/session/export-schema.ts';

const ENGINES = ['auto', ...ENGINE_CHOICES.map((c) => engineName(c.spec))];

/** Objects shaped like settings, each field anything (a real name, a wrong type, NaN). */
const fieldish = fc.oneof(fc.anything(), fc.double(), fc.constantFrom(...ENGINES, 'GPU', 'wasm'));
const settingsLike = fc.record(
  {
    voice: fc.oneof(
      fc.record({ enabled: fieldish, voiceURI: fieldish, rate: fieldish }, { requiredKeys: [] }),
      fc.anything(),
    ),
    holdTargetS: fieldish,
    engine: fieldish,
    backend: fieldish,
    mirror: fieldish,
  },
  { requiredKeys: [] },
);

function expectUsable(s: ReturnType<typeof parseCoachSettings>): void {
  expect(v.safeParse(settingsSchema, s).success, JSON.stringify(s)).toBe(true);
  expect(ENGINES).toContain(s.engine);
  expect(parseCoachSettings(s)).toEqual(s);
}

function storageHolding(text: string | null): Storage {
  return { getItem: () => text } as unknown as Storage;
}

describe('coach settings from anything stored (property)', () => {
  it('any value parses to usable settings, and parsing is stable', () => {
    fc.assert(
      fc.property(fc.oneof(settingsLike, fc.jsonValue(), fc.anything()), (stored) =>
        expectUsable(parseCoachSettings(stored)),
      ),
      { seed: 20261202, numRuns: 1000 },
    );
  });

  it('any stored text (damaged JSON included) loads without a throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          settingsLike.map((s) => JSON.stringify(s) ?? 'null'),
        ),
        (text) => expectUsable(loadCoachSettings(storageHolding(text))),
      ),
      { seed: 20261202, numRuns: 500 },
    );
    expect(loadCoachSettings(storageHolding('null'))).toEqual(DEFAULT_COACH_SETTINGS);
  });
});
