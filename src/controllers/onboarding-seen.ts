/**
 * Whether this browser has seen the first-run guide (localStorage). A
 * browser that refuses storage (some private windows) simply shows the guide
 * again next time; nothing else depends on it.
 */
const KEY = 'spinewise.onboarding-seen';

export function onboardingSeen(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function markOnboardingSeen(): void {
  try {
    globalThis.localStorage?.setItem(KEY, '1');
  } catch {
    // Storage refused: the guide shows again on the next visit, which is harmless.
  }
}
