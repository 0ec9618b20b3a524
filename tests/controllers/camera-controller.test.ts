/**
 * CameraController against a stand-in for the browser's camera API (Node):
 * the stream it opens is stopped on stop() and when the host leaves, a
 * camera that ends by itself pauses with the 'ended' screen, refusals get
 * their kind, and a stream that arrives after stop() is stopped at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CameraController } from '../../src/controllers/camera-controller.ts';

class FakeTrack extends EventTarget {
  readyState: 'live' | 'ended' = 'live';
  stop() {
    this.readyState = 'ended';
  }
  getSettings() {
    return { deviceId: 'cam-1', width: 640, height: 480 };
  }
}

function fakeStream() {
  const track = new FakeTrack();
  return {
    track,
    stream: {
      getTracks: () => [track],
      getVideoTracks: () => [track],
    } as unknown as MediaStream,
  };
}

const host = { addController: () => {}, requestUpdate: () => {} } as never;
let getUserMedia: ReturnType<typeof vi.fn>;

beforeEach(() => {
  getUserMedia = vi.fn();
  vi.stubGlobal('window', { isSecureContext: true });
  vi.stubGlobal('navigator', {
    mediaDevices: {
      getUserMedia,
      enumerateDevices: async () => [{ kind: 'videoinput', deviceId: 'cam-1', label: 'Cam' }],
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('CameraController', () => {
  it('opens the camera and stops its tracks on stop() and when the host leaves', async () => {
    const a = fakeStream();
    getUserMedia.mockResolvedValueOnce(a.stream);
    const camera = new CameraController(host);
    expect(await camera.start()).toBe(a.stream);
    expect(camera.status).toBe('live');
    expect(camera.deviceId).toBe('cam-1');
    camera.stop();
    expect(a.track.readyState).toBe('ended');
    expect(camera.stream).toBeUndefined();

    const b = fakeStream();
    getUserMedia.mockResolvedValueOnce(b.stream);
    await camera.start();
    camera.hostDisconnected();
    expect(b.track.readyState).toBe('ended');
    expect(camera.status).toBe('idle');
  });

  it('a camera that ends by itself: failure "ended", onEnded called, tracks released', async () => {
    const a = fakeStream();
    getUserMedia.mockResolvedValueOnce(a.stream);
    const camera = new CameraController(host);
    const ended = vi.fn();
    camera.onEnded = ended;
    await camera.start();
    a.track.dispatchEvent(new Event('ended'));
    expect(ended).toHaveBeenCalledOnce();
    expect(camera.status).toBe('failed');
    expect(camera.failure?.kind).toBe('ended');
    expect(camera.stream).toBeUndefined();
  });

  it('a refusal is "refused" with the browser’s words', async () => {
    getUserMedia.mockRejectedValueOnce(
      Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }),
    );
    const camera = new CameraController(host);
    expect(await camera.start()).toBeUndefined();
    expect(camera.failure).toEqual({ kind: 'refused', detail: 'Permission denied' });
  });

  it('a stream granted after stop() is stopped at once, never kept', async () => {
    const a = fakeStream();
    let grant: (s: MediaStream) => void = () => {};
    getUserMedia.mockReturnValueOnce(new Promise<MediaStream>((r) => (grant = r)));
    const camera = new CameraController(host);
    const starting = camera.start();
    camera.stop();
    grant(a.stream);
    expect(await starting).toBeUndefined();
    expect(a.track.readyState).toBe('ended');
    expect(camera.stream).toBeUndefined();
  });
});
