import { describe, expect, it } from 'vitest';
import { FORM_FAULTS } from '../../src/exercises/form-faults.ts';
import { CUES, type CueCode, cueDefinition, cueFor } from '../../src/feedback/cue-vocabulary.ts';

const codes = Object.keys(CUES) as CueCode[];

describe('cue vocabulary', () => {
  it('every form fault has exactly one cue that corrects it', () => {
    for (const fault of FORM_FAULTS) {
      expect(
        codes.filter((c) => cueDefinition(c).corrects === fault),
        fault,
      ).toHaveLength(1);
      expect(cueDefinition(cueFor(fault)).corrects).toBe(fault);
    }
  });

  // About 2.5 words a second when spoken: 7 words stay under 3 s.
  it.each(codes)('"%s" reads at a glance and speaks in under 3 s', (code) => {
    const { text } = cueDefinition(code);
    expect(text.split(/\s+/).length).toBeLessThanOrEqual(7);
    expect(text.length).toBeLessThanOrEqual(42);
  });

  it('no cue tells anyone to push, force or go into pain', () => {
    for (const code of codes) {
      const text = cueDefinition(code).text.toLowerCase();
      expect(text).not.toMatch(/\b(push|force|harder|through the pain|into the pain)\b/);
    }
  });
});
