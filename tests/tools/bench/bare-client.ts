/**
 * The page side of the bench's BARE loop (bare-worker.ts): starts the worker
 * with one engine and hands it one frame at a time, waiting for each answer.
 */
import type { EngineSpec } from '../../../src/pose/create-pose-engine.ts';
import type { FromBare, Prep, ToBare } from './bare-worker.ts';

export class BareClient {
  private pending: ((m: FromBare) => void) | undefined;
  private nextId = 1;
  private constructor(
    private readonly worker: Worker,
    readonly ready: Extract<FromBare, { type: 'ready' }>,
  ) {
    worker.onmessage = (e: MessageEvent<FromBare>) => {
      const p = this.pending;
      this.pending = undefined;
      p?.(e.data);
    };
  }

  static async start(spec: EngineSpec): Promise<BareClient> {
    const worker = new Worker(new URL('./bare-worker.ts', import.meta.url), { type: 'module' });
    const ready = await new Promise<Extract<FromBare, { type: 'ready' }>>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<FromBare>) =>
        e.data.type === 'ready' ? resolve(e.data) : reject(new Error(JSON.stringify(e.data)));
      worker.onerror = (e) => reject(new Error(e.message));
      const start: ToBare = { type: 'start', spec };
      worker.postMessage(start);
    });
    return new BareClient(worker, ready);
  }

  get busy() {
    return this.pending !== undefined;
  }

  detect(frame: Extract<ToBare, { type: 'frame' }>['frame'], tMs: number, prep: Prep) {
    const message: ToBare = { type: 'frame', id: this.nextId++, tMs, prep, frame };
    const transfer: Transferable[] =
      frame instanceof ImageBitmap ||
      (typeof VideoFrame !== 'undefined' && frame instanceof VideoFrame)
        ? [frame]
        : [(frame as { data: ArrayBuffer }).data];
    return new Promise<Extract<FromBare, { type: 'pose' }>>((resolve, reject) => {
      this.pending = (m) => (m.type === 'pose' ? resolve(m) : reject(new Error(JSON.stringify(m))));
      this.worker.postMessage(message, transfer);
    });
  }

  close() {
    const m: ToBare = { type: 'close' };
    this.worker.postMessage(m);
    setTimeout(() => this.worker.terminate(), 1000);
  }
}
