/**
 * What a page asks of the microphone and speech recognition: an init
 * script (run before any page script, on every navigation from now on)
 * wraps `navigator.mediaDevices.getUserMedia` to keep each call's
 * constraints, and counts every `SpeechRecognition` /
 * `webkitSpeechRecognition` constructed. The coach must never ask for
 * audio (issue 11: no microphone, no speech recognition).
 */
import type { Page } from 'playwright-core';

export interface MediaRequests {
  /** The constraints of each getUserMedia call, as JSON. */
  getUserMedia: string[];
  /** Speech recognisers constructed. */
  speechRecognizers: number;
}

/** Starts recording on `page`; it applies from the page's next navigation (reload or goto). */
export async function recordMediaRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: MediaRequests = { getUserMedia: [], speechRecognizers: 0 };
    (window as unknown as { __mediaRequests: MediaRequests }).__mediaRequests = seen;
    const media = navigator.mediaDevices;
    const open = media?.getUserMedia?.bind(media);
    if (open) {
      media.getUserMedia = (constraints?: MediaStreamConstraints) => {
        seen.getUserMedia.push(JSON.stringify(constraints ?? null));
        return open(constraints);
      };
    }
    for (const name of ['SpeechRecognition', 'webkitSpeechRecognition']) {
      const w = window as unknown as Record<string, unknown>;
      const Real = w[name];
      if (typeof Real !== 'function') continue;
      w[name] = new Proxy(Real, {
        construct(target, args, newTarget) {
          seen.speechRecognizers++;
          return Reflect.construct(target, args, newTarget);
        },
      });
    }
  });
}

/** What the page has asked since its last navigation (undefined: not recorded). */
export function mediaRequests(page: Page): Promise<MediaRequests | undefined> {
  return page.evaluate(
    () => (window as unknown as { __mediaRequests?: MediaRequests }).__mediaRequests,
  );
}

/** Whether any recorded getUserMedia call asked for audio in any form. */
export function asksForAudio(constraintsJson: string): boolean {
  const c = JSON.parse(constraintsJson) as { audio?: unknown } | null;
  return c !== null && c.audio !== undefined && c.audio !== false;
}
