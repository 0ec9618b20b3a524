/**
 * Why the camera is not giving frames, in terms a person can act on. Each
 * kind has its own screen (src/ui/camera-problem/).
 */
export type CameraFailureKind = 'refused' | 'no-camera' | 'in-use' | 'ended' | 'insecure' | 'other';

export interface CameraFailure {
  kind: CameraFailureKind;
  /** The browser's own words, for the curious and for bug reports. */
  detail?: string;
}

/** Sorts a `getUserMedia` rejection into a failure kind (DOMException names per the Media Capture spec). */
export function classifyCameraError(error: unknown): CameraFailure {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const detail =
    error instanceof Error || error instanceof DOMException ? error.message : String(error);
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return { kind: 'refused', detail };
    case 'SecurityError':
      return { kind: 'insecure', detail };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return { kind: 'no-camera', detail };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return { kind: 'in-use', detail };
    default:
      return { kind: 'other', detail };
  }
}

/** Whether this page may use the camera at all (https or localhost, API present). */
export function cameraAvailability(): CameraFailure | undefined {
  if (typeof window !== 'undefined' && !window.isSecureContext) {
    return { kind: 'insecure', detail: `${location.protocol}//${location.host} is not secure` };
  }
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
    return { kind: 'insecure', detail: 'navigator.mediaDevices.getUserMedia is missing' };
  }
  return undefined;
}
