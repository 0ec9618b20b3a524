/**
 * Gets a test page past the safety gate the way a person would: every group
 * of the screening answered "None of these" (or the given items ticked),
 * then "Continue", or the one-tap daily check when already screened.
 * Browser tests that need the live coach call `passSafetyScreen(page)` after
 * `page.goto(...)`.
 */
import type { Page } from 'playwright-core';
import { QUESTION_GROUPS, SCREENING_QUESTIONS } from '../../src/safety/screening-questions.ts';

/** Answers the screening: ticks `yes` items, "None of these" in every other group, submits. */
export async function answerScreening(page: Page, yes: readonly string[] = []): Promise<void> {
  const form = page.locator('sw-screening');
  await form.waitFor();
  for (const group of QUESTION_GROUPS) {
    const ticked = SCREENING_QUESTIONS.filter((q) => q.group === group && yes.includes(q.id));
    if (ticked.length === 0) await form.locator(`input[data-none="${group}"]`).check();
    for (const q of ticked) await form.locator(`input[name="${q.id}"]`).check();
  }
  await form.getByRole('button', { name: 'See my result' }).click();
}

/** Passes the gate with nothing to report, from the screening or the daily check. */
export async function passSafetyScreen(page: Page): Promise<void> {
  const screening = page.locator('sw-screening');
  const daily = page.getByTestId('nothing-new');
  await screening.or(daily).first().waitFor();
  if (await daily.isVisible()) {
    await daily.click();
    return;
  }
  await answerScreening(page);
  await page.getByRole('button', { name: 'Continue' }).click();
}
