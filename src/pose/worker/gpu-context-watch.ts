/**
 * Watches the WebGL contexts the engines make in the pose worker (the
 * MediaPipe GPU delegate and tfjs's WebGL backend each draw on an
 * OffscreenCanvas of their own) and reports when one is lost: the GPU
 * process crashed or was reset, the driver took the context back, or
 * `WEBGL_lose_context.loseContext()` was called. A lost context does not
 * always make the engine throw (tfjs may read back zeros, so nobody is
 * found on every frame), so the event is the sign to act on.
 *
 * Only contexts lost once `arm()` was called count: loading may make and
 * drop a context of its own (the software-WebGL probe loses its canvas on
 * purpose). The contexts are kept on the worker's global as
 * `__spinewiseWebGl` so a fault test can lose them through DevTools, as a
 * GPU reset would.
 */
/// <reference lib="webworker" />

const WEBGL_KINDS = new Set(['webgl', 'webgl2', 'experimental-webgl']);

export interface GpuContextWatch {
  /** Contexts lost from now on are reported. */
  arm(): void;
  /** The WebGL contexts made so far in this worker. */
  readonly contexts: readonly WebGLRenderingContextBase[];
}

export function watchGpuContexts(
  scope: object,
  onLost: (message: string) => void,
): GpuContextWatch {
  const global = scope as { OffscreenCanvas?: typeof OffscreenCanvas; __spinewiseWebGl?: unknown };
  const contexts: WebGLRenderingContextBase[] = [];
  let armed = false;
  let told = false;
  const Canvas = global.OffscreenCanvas;
  if (Canvas) {
    const getContext = Canvas.prototype.getContext as (
      this: OffscreenCanvas,
      kind: string,
      options?: unknown,
    ) => OffscreenRenderingContext | null;
    Canvas.prototype.getContext = function (
      this: OffscreenCanvas,
      kind: string,
      options?: unknown,
    ) {
      const context = getContext.call(this, kind, options);
      if (
        context &&
        WEBGL_KINDS.has(kind) &&
        !contexts.includes(context as WebGLRenderingContextBase)
      ) {
        contexts.push(context as WebGLRenderingContextBase);
        this.addEventListener('webglcontextlost', () => {
          if (!armed || told) return;
          told = true;
          onLost('the graphics context was lost');
        });
      }
      return context;
    } as typeof Canvas.prototype.getContext;
  }
  global.__spinewiseWebGl = contexts;
  return {
    arm: () => {
      armed = true;
    },
    contexts,
  };
}
