/**
 * The report for a clinician in Chromium: three days of sessions (the twist
 * on both sides, one twist from a video, one stopped for sharp pain, the
 * roller), pain entries, two screenings and a go-ahead, saved through the
 * app's storage service, plus a session from before the period. Opened
 * from History's data panel ("Report for a clinician"), it shows the
 * figures worked out by hand, Print calls window.print(), the print
 * rendering (page.pdf, A4) is one page with no app header or navigation,
 * and axe finds nothing serious. Screenshot and PDF in test-results/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage } from '../support/app-page.ts';
import { seriousAxeFindings } from '../support/axe.ts';
import type { OfflineBrowser } from '../support/offline-browser.ts';
import { type RunningServer, startDevServer } from '../support/vite-server.ts';
import { SCREENSHOTS } from './live-coach-page.ts';

const NOW = '2026-03-10T18:00:00';
const at = (iso: string) => new Date(iso).getTime();
const d1 = at('2026-03-08T08:00:00');
const d2 = at('2026-03-09T08:00:00');
const d3 = at('2026-03-10T08:00:00');

type Hold = [atS: number, goodS: number, side?: 'left' | 'right'];

/** A stored session (storage v2: the report with what storage adds), holds as [start s, good-form s, side]. */
function session(
  id: string,
  exercise: string,
  startedMs: number,
  holds: Hold[],
  extra: Record<string, unknown> = {},
) {
  const durationMs = 120_000;
  return {
    id,
    exercise,
    startedMs,
    endedMs: startedMs + durationMs,
    forcingCount: 0,
    ...extra,
    report: {
      format: 'spinewise-session-report/1',
      exercise,
      holdTargetS: 20,
      configVersion: 'test',
      appVersion: 'test',
      durationMs,
      frames: 1200,
      phases: [],
      holds: holds.map(([atS, goodS, side]) => ({
        startMs: atS * 1000,
        endMs: (atS + goodS + 1) * 1000,
        goodMs: goodS * 1000,
        targetReached: goodS >= 20,
        ...(side ? { side } : {}),
      })),
      cues: [],
      sideSwitches: [],
      perSecond: [],
    },
  };
}

const SESSIONS = [
  session('old', 'seated-twist', at('2026-02-01T08:00:00'), [[5, 40, 'left']]), // before the period
  session('t1', 'seated-twist', d1, [
    [5, 21, 'left'],
    [50, 18, 'right'],
  ]),
  session('t2', 'seated-twist', d2, [
    [5, 25, 'left'],
    [45, 20, 'right'],
  ]),
  session('t2-stop', 'seated-twist', d2 + 3_600_000, [], { stoppedFor: 'sharp-pain' }),
  session('v3', 'seated-twist', d3 + 1_800_000, [[3, 12, 'left']], { source: 'video' }),
  session('r3', 'foam-roller', d3, [
    [2, 8],
    [20, 10],
    [40, 6],
  ]),
];

let server: RunningServer;
let browser: OfflineBrowser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await startDevServer();
  ({ browser, page, errors } = await openAppPage(server.url));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Report for a clinician (Chromium)', { timeout: 300_000 }, () => {
  it('shows three days of figures from History, prints on one A4 page, axe finds nothing serious', async () => {
    await page.goto(`${server.url}/?now=${NOW}`);
    await page.getByRole('button', { name: 'Pain log and history' }).click();
    // Through the app's own storage service (the page's one instance), as the app saves.
    // A string: Vitest would rewrite a dynamic import inside a function.
    const saved = (await page.evaluate(`(async ({ sessions, d1, d2, d3 }) => {
        const { sharedStorage } = await import('/src/controllers/storage-service.ts');
        const { QUESTION_IDS } = await import('/src/safety/screening-questions.ts');
        const storage = sharedStorage();
        await storage.whenReady();
        const answers = Object.fromEntries(QUESTION_IDS.map((q) => [q, false]));
        const results = [];
        const pain = (id, atMs, day, level) =>
          storage.save('pain', {
            id,
            atMs,
            day,
            level,
            locations: level ? ['upper-back'] : [],
            context: 'after-session',
          });
        results.push(
          await storage.save('screenings', {
            id: 's1',
            atMs: d1 - 600_000,
            day: '2026-03-08',
            answers,
            decision: 'ok',
            fired: [],
          }),
          await storage.save('screenings', {
            id: 's2',
            atMs: d2 - 600_000,
            day: '2026-03-09',
            answers: { ...answers, 'pain-into-arms': true },
            decision: 'see-professional',
            fired: ['pain-into-arms'],
          }),
          await storage.save('clearances', {
            id: 'c1',
            recordedMs: d2 + 14_400_000,
            visitDay: '2026-03-09',
            clinician: 'physical-therapist',
            clinicianName: 'Ana Ruiz',
            covers: ['pain-into-arms'],
            note: 'Gentle stretches are fine.',
          }),
          await pain('p1', d1 + 600_000, '2026-03-08', 3),
          await pain('p1b', d1 + 7_200_000, '2026-03-08', 5),
          await pain('p3', d3 + 600_000, '2026-03-10', 1),
        );
        for (const s of sessions) results.push(await storage.save('sessions', s));
        return results;
})(${JSON.stringify({ sessions: SESSIONS, d1, d2, d3 })})`)) as boolean[];
    expect(saved.every(Boolean)).toBe(true);

    // From History's data panel.
    await page.getByRole('button', { name: 'Report for a clinician' }).click();
    const sheet = page.getByTestId('clinician-report');
    await sheet.waitFor();
    const rows = await page
      .getByTestId('report-stretches')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()),
        ),
      );
    // Worked by hand: twist left 21+25+12 = 58 s (2 reached 20 s), right 18+20 = 38 s (1);
    // 96 s in all, best 25 s; left's share 58/96 = 60 %. Roller 8+10+6 = 24 s, best 10 s.
    expect(rows).toEqual([
      ['Foam-roller extension', '3', '10.0 s', '24.0 s', '0', '1 on 1 day'],
      ['Seated twist', '5', '25.0 s', '96.0 s', '3', '4 on 3 days (1 from a video)'],
      ['left side', '3', '25.0 s', '58.0 s', '2', ''],
      ['right side', '2', '20.0 s', '38.0 s', '1', ''],
      ['balance', "left 60 % · right 40 % of the twist's good-form time"],
    ]);
    expect(await page.getByTestId('report-pain').textContent()).toMatch(
      /worst per day from 5\/10 to 1\/10 \(4 lower\) over 2 days logged/,
    );
    const safety = await page
      .getByTestId('report-safety')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr.textContent ?? '').replace(/\s+/g, ' ').trim()));
    expect(safety).toHaveLength(3);
    expect(safety[0]).toMatch(/Sun 8 Mar Screening: You are good to go nothing stood in the way/);
    expect(safety[1]).toMatch(
      /Mon 9 Mar Screening: Please see a professional first Pain that travels into an arm/,
    );
    expect(safety[2]).toMatch(
      /Mon 9 Mar Stopped for sharp pain \(Seated twist\) A session today stopped because of sharp pain\./,
    );
    expect(await page.getByTestId('report-clearances').textContent()).toMatch(
      /Physical therapist \/ physiotherapist \(Ana Ruiz\),\s+for: Pain that travels into an arm.*Gentle stretches are fine\./s,
    );

    // Print calls the browser's print.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByTestId('report-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.screenshot({ path: join(SCREENSHOTS, 'clinician-report.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Views' }).isVisible()).toBe(false);
    expect(await page.getByTestId('report-print').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(SCREENSHOTS, 'clinician-report.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });

    const serious = await seriousAxeFindings(page, 'clinician report');
    expect(serious).toEqual([]);
    expect(browser.offOrigin).toEqual([]);
    expect(errors).toEqual([]);
  });
});
