/**
 * Counts live resources by kind so tests can prove that create/close cycles
 * leak nothing. Each holder calls `hold(kind)` when it acquires and the
 * returned release function exactly once when it frees.
 */
export type ResourceKind = 'mediapipe-task' | 'tfjs-detector' | 'image-bitmap';

const live = new Map<ResourceKind, number>();

export function hold(kind: ResourceKind): () => void {
  live.set(kind, (live.get(kind) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    live.set(kind, (live.get(kind) ?? 1) - 1);
  };
}

export function liveResources(): Record<ResourceKind, number> {
  return {
    'mediapipe-task': live.get('mediapipe-task') ?? 0,
    'tfjs-detector': live.get('tfjs-detector') ?? 0,
    'image-bitmap': live.get('image-bitmap') ?? 0,
  };
}
