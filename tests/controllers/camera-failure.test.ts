import { afterEach, describe, expect, it, vi } from 'vitest';
import { cameraAvailability, classifyCameraError } from '../../src/controllers/camera-failure.ts';

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

describe('cameraAvailability', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('an insecure page (plain http on another host) cannot have the camera', () => {
    vi.stubGlobal('window', { isSecureContext: false });
    vi.stubGlobal('location', { protocol: 'http:', host: '192.168.1.20:5173' });
    expect(cameraAvailability()).toEqual({
      kind: 'insecure',
      detail: 'http://192.168.1.20:5173 is not secure',
    });
  });

  it('a secure page without getUserMedia says so', () => {
    vi.stubGlobal('window', { isSecureContext: true });
    vi.stubGlobal('navigator', { mediaDevices: undefined });
    expect(cameraAvailability()?.kind).toBe('insecure');
  });

  it('a secure page with getUserMedia is fine', () => {
    vi.stubGlobal('window', { isSecureContext: true });
    vi.stubGlobal('navigator', { mediaDevices: { getUserMedia: () => {} } });
    expect(cameraAvailability()).toBeUndefined();
  });
});
