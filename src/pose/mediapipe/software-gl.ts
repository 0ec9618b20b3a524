/**
 * Whether WebGL here is a software rasteriser (SwiftShader, llvmpipe): the
 * MediaPipe GPU delegate then "works" but runs ~50× slower than the CPU
 * delegate (measured: ~2.5 s vs ~55 ms per frame), so it counts as a failure.
 * Returns the renderer name when it is software, else undefined.
 */
export function softwareGlRenderer(): string | undefined {
  if (typeof OffscreenCanvas === 'undefined') return undefined;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return 'no WebGL2';
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return /swiftshader|llvmpipe|software|softpipe/i.test(renderer) ? renderer : undefined;
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
