/**
 * The app's clock for everything dated (screenings, pain log, "tomorrow").
 * In development builds a `?now=` URL parameter (ISO date-time, or ms since
 * the epoch) starts the clock at that moment and lets it run on from there,
 * so browser tests can live through several days. Production builds ignore
 * the parameter and use the device clock.
 */

/**
 * The moments `?now=` may name: from 1970 to the end of year 9999. Later ones
 * are still numbers, but a Date that far out cannot be written as an ISO day,
 * and every dated view would throw on it.
 */
const NOW_PARAM_RANGE_MS = [0, Date.UTC(9999, 11, 31, 23, 59, 59)] as const;

/** Reads `?now=`; undefined when absent, unreadable or out of range. */
export function parseNowParam(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('now');
  if (!raw) return undefined;
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  return Number.isFinite(ms) && ms >= NOW_PARAM_RANGE_MS[0] && ms <= NOW_PARAM_RANGE_MS[1]
    ? ms
    : undefined;
}

const startMs = import.meta.env.DEV ? parseNowParam(globalThis.location?.search ?? '') : undefined;
const startPerf = performance.now();

/** Now, in ms since the epoch. */
export function appNow(): number {
  return startMs === undefined ? Date.now() : startMs + (performance.now() - startPerf);
}

/**
 * The app-clock time of a `performance.now()` stamp (a pose frame's time).
 * Under `?now=` it is exact: no second clock is read, so two stamps 1000 ms
 * apart stay 1000 ms apart however busy the machine is between the reads.
 */
export function appTimeOf(perfMs: number): number {
  return startMs === undefined
    ? Date.now() - (performance.now() - perfMs)
    : startMs + (perfMs - startPerf);
}
