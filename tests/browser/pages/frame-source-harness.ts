/**
 * The file FrameSource in a real page (tests only): records a small webm
 * with MediaRecorder from a canvas where a dark square crosses a white
 * field, then analyses it through FileFrameSource, finding the square on
 * each frame handed over. Driven by tests/browser/frame-source-file.test.ts.
 */
import { FileFrameSource } from '../../../src/pose/frame-source-file.ts';

const W = 320;
const H = 240;
const SIZE = 40;
let recording: Blob | undefined;

/** Records `ms` of the square moving left to right at a constant speed. */
async function record(ms: number): Promise<number> {
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  document.body.append(canvas);
  const g = canvas.getContext('2d')!;
  const draw = (t: number) => {
    g.fillStyle = '#fff';
    g.fillRect(0, 0, W, H);
    g.fillStyle = '#000';
    g.fillRect(Math.min(1, t / ms) * (W - SIZE), (H - SIZE) / 2, SIZE, SIZE);
  };
  draw(0);
  const recorder = new MediaRecorder(canvas.captureStream(30), {
    mimeType: 'video/webm;codecs=vp8',
  });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => chunks.push(e.data);
  const stopped = new Promise((r) => (recorder.onstop = r));
  recorder.start();
  const start = performance.now();
  await new Promise<void>((done) => {
    const tick = () => {
      const t = performance.now() - start;
      draw(t);
      if (t < ms) requestAnimationFrame(tick);
      else done();
    };
    requestAnimationFrame(tick);
  });
  recorder.stop();
  await stopped;
  canvas.remove();
  recording = new Blob(chunks, { type: 'video/webm' });
  return recording.size;
}

/** The square's left edge on a frame, px at the recording's width (−1: not found). */
function squareX(bitmap: ImageBitmap): number {
  const c = new OffscreenCanvas(bitmap.width, bitmap.height);
  const g = c.getContext('2d')!;
  g.drawImage(bitmap, 0, 0);
  const row = g.getImageData(0, Math.floor(bitmap.height / 2), bitmap.width, 1).data;
  for (let x = 0; x < bitmap.width; x++) if (row[x * 4]! < 100) return (x * W) / bitmap.width;
  return -1;
}

/** Analyses the recording with a consumer that takes `busyMs` per frame; stops after `abortAfter` frames if given. */
async function analyse(busyMs: number, abortAfter?: number) {
  const source = new FileFrameSource(recording!, { stepMs: 100, maxWidth: 160 });
  const abort = new AbortController();
  const times: number[] = [];
  const xs: number[] = [];
  const widths: number[] = [];
  const progress: number[] = [];
  const run = await source
    .run(async ({ bitmap, tMs }) => {
      times.push(tMs);
      xs.push(squareX(bitmap));
      widths.push(bitmap.width);
      bitmap.close();
      await new Promise((r) => setTimeout(r, busyMs));
      if (times.length === abortAfter) abort.abort();
    }, abort.signal)
    .finally(() => source.close());
  return { run, times, xs, widths, durationMs: source.durationMs, progress };
}

/** Opens bytes that are no video; resolves with the error's name, reason and message. */
async function openBroken() {
  const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
  const source = new FileFrameSource(new File([junk], 'holiday.webm', { type: 'video/webm' }));
  try {
    await source.open();
    return { name: 'none', reason: '', message: 'opened' };
  } catch (e) {
    const err = e as Error & { reason?: string };
    return { name: err.name, reason: err.reason ?? '', message: err.message };
  }
}

Object.assign(window, { frameSourceProbe: { record, analyse, openBroken } });
document.getElementById('ready')!.hidden = false;
