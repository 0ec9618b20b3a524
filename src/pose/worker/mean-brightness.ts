/**
 * Mean brightness of a frame, 0–255 (Rec. 601 luma), from a tiny copy of
 * it: enough to tell a dim room, and cheap (a 32×18 canvas reused across
 * frames, ~0.1 ms).
 */
const SAMPLE_W = 32;
const SAMPLE_H = 18;

let sample: OffscreenCanvasRenderingContext2D | null | undefined;

export function meanBrightness(image: CanvasImageSource): number | undefined {
  if (typeof OffscreenCanvas === 'undefined') return undefined;
  sample ??= new OffscreenCanvas(SAMPLE_W, SAMPLE_H).getContext('2d', { willReadFrequently: true });
  if (!sample) return undefined;
  sample.drawImage(image, 0, 0, SAMPLE_W, SAMPLE_H);
  const data = sample.getImageData(0, 0, SAMPLE_W, SAMPLE_H).data;
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
  }
  return sum / (data.length / 4);
}
