/** The YUV4MPEG2 header line, read (no Node or DOM dependency). */

/** Frame size and rate from a YUV4MPEG2 header line. */
export function y4mHeader(header: string): { width: number; height: number; fps: number } {
  const width = Number(/ W(\d+)/.exec(header)?.[1]);
  const height = Number(/ H(\d+)/.exec(header)?.[1]);
  const [n, d] = (/ F(\d+):(\d+)/.exec(header) ?? []).slice(1).map(Number);
  if (!(width > 0 && height > 0 && n && d)) throw new Error(`not a y4m header: ${header}`);
  return { width, height, fps: n / d };
}
