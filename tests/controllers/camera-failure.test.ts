import { describe, expect, it } from 'vitest';
import { classifyCameraError } from '../../src/controllers/camera-failure.ts';

/** getUserMedia rejections as browsers name them (Media Capture and Streams, plus old Chrome names). */
const CASES: [string, string][] = [
  ['NotAllowedError', 'refused'],
  ['PermissionDeniedError', 'refused'],
  ['SecurityError', 'insecure'],
  ['NotFoundError', 'no-camera'],
  ['DevicesNotFoundError', 'no-camera'],
  ['OverconstrainedError', 'no-camera'],
  ['NotReadableError', 'in-use'],
  ['TrackStartError', 'in-use'],
  ['AbortError', 'in-use'],
  ['TypeError', 'other'],
];

describe('classifyCameraError', () => {
  it.each(CASES)('%s → %s', (name, kind) => {
    const e = new Error(`the browser's words for ${name}`);
    e.name = name;
    expect(classifyCameraError(e)).toEqual({ kind, detail: e.message });
  });

  it('a thrown non-error is "other" with its text', () => {
    expect(classifyCameraError('weird')).toEqual({ kind: 'other', detail: 'weird' });
  });
});
