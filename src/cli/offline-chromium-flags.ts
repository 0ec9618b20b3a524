/**
 * The flags Debian's Chromium is launched with, headless and offline, by
 * `spinewise analyze` (a webm or mp4 through the app in Chromium) and by
 * the tests and scene tools (tests/support/chromium.ts imports this list):
 * one list, so the command runs in the very browser set-up its equality
 * test compares it with. WebGL is SwiftShader's (software), so MediaPipe's
 * Automatic delegate takes the CPU in both.
 */
export const OFFLINE_CHROMIUM_FLAGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  // Offline: stop Chromium's own lookups of outside hosts, keep the local server reachable.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];
