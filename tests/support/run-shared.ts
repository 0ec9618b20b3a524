/**
 * What the browser project's global setup (tests/browser/global-setup.ts)
 * shares with every test file of a run, through Vitest's `provide`/`inject`:
 * one dev server, one folder for the production build, one Chromium.
 * Outside a Vitest worker (a tool run with tsx, or the global setup itself)
 * nothing is shared and callers start their own.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the run's dev server. */
    spinewiseDevServerUrl: string;
    /** Folder for the run's one production build (built on first use). */
    spinewiseBuildRoot: string;
    /** WebSocket endpoint of the run's Chromium (launched with no extra flags). */
    spinewiseChromiumWs: string;
  }
}

export type SharedKey = 'spinewiseDevServerUrl' | 'spinewiseBuildRoot' | 'spinewiseChromiumWs';

/** The value the global setup provided for `key`, or undefined where there is none. */
export async function provided(key: SharedKey): Promise<string | undefined> {
  if (!process.env.VITEST_WORKER_ID) return undefined;
  try {
    const { inject } = await import('vitest');
    return inject(key) || undefined;
  } catch {
    return undefined;
  }
}
