/**
 * Reading an export back: a valid file (the golden one) is accepted whole;
 * every kind of broken file is refused with the exact place and reason; the
 * same file twice adds nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../src/session/export-data.ts';
import { MAX_IMPORT_BYTES, parseExportText, planImport } from '../../src/session/import-data.ts';
import { emptyData } from '../../src/session/storage-schema.ts';
import { sampleData, sampleDataFromV1 } from './sample-data.ts';

/** Written by version 1 of the app (sessions as holds, cues and samples): still importable. */
const GOLDEN = readFileSync(new URL('./golden/export-v1.json', import.meta.url), 'utf8');
/** Written now (sessions as SessionReports). */
const GOLDEN_V2 = readFileSync(new URL('./golden/export-v2.json', import.meta.url), 'utf8');

/** The golden file with one change made by `edit`. */
// biome-ignore lint/suspicious/noExplicitAny: the edits reach anywhere into parsed JSON
function broken(edit: (file: Record<string, any>) => void, golden = GOLDEN): string {
  const file = JSON.parse(golden);
  edit(file);
  return JSON.stringify(file);
}

describe('parseExportText', () => {
  it('accepts the golden file and returns every record and the settings', () => {
    const parsed = parseExportText(GOLDEN_V2);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toEqual(sampleData());
    expect(parsed.settings?.holdTargetS).toBe(25);
  });

  it('accepts a file version 1 wrote, its sessions migrated to reports (pain before linked)', () => {
    const parsed = parseExportText(GOLDEN);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // sample-data.ts spells out by hand what each migrated session must be.
    expect(parsed.data).toEqual(sampleDataFromV1());
    expect(parsed.settings?.holdTargetS).toBe(25);
  });

  it('accepts a file without settings and with nothing in it', () => {
    const parsed = parseExportText(JSON.stringify(buildExport(emptyData(), 0)));
    expect(parsed).toEqual({ ok: true, data: emptyData(), settings: undefined });
  });

  it.each<[string, string, { path: string; reason: RegExp }[]]>([
    ['not JSON', '{"format": "spinewise-export",', [{ path: '', reason: /not readable JSON/ }]],
    ['a JSON array', '[]', [{ path: '', reason: /not a Spinewise export/ }]],
    [
      'another format',
      broken((f) => {
        f.format = 'other-app';
      }),
      [{ path: 'format', reason: /"other-app", not "spinewise-export"/ }],
    ],
    [
      'a newer version',
      broken((f) => {
        f.version = 3;
      }),
      [{ path: 'version', reason: /newer Spinewise.*reads version 2/ }],
    ],
    [
      'a version that is text',
      broken((f) => {
        f.version = '1';
      }, GOLDEN_V2),
      [{ path: 'version', reason: /should be 2, but is "1"/ }],
    ],
    [
      'a store missing',
      broken((f) => {
        delete f.pain;
      }),
      [{ path: 'pain', reason: /^is missing$/ }],
    ],
    [
      'a record missing its id',
      broken((f) => {
        delete f.sessions[1].id;
      }),
      [{ path: 'sessions[1].id', reason: /^is missing$/ }],
    ],
    [
      'an empty id',
      broken((f) => {
        f.pain[0].id = '';
      }),
      [{ path: 'pain[0].id', reason: /is empty/ }],
    ],
    [
      'a pain level of 11',
      broken((f) => {
        f.pain[0].level = 11;
      }),
      [{ path: 'pain[0].level', reason: /is above 10/ }],
    ],
    [
      'a pain level of 2.5',
      broken((f) => {
        f.pain[0].level = 2.5;
      }),
      [{ path: 'pain[0].level', reason: /not a whole number/ }],
    ],
    [
      'an unknown pain place',
      broken((f) => {
        f.pain[0].locations = ['knee'];
      }),
      [{ path: 'pain[0].locations[0]', reason: /should be one of .*"neck".*but is "knee"/ }],
    ],
    [
      'a date that does not exist',
      broken((f) => {
        f['daily-checks'][0].day = '2026-02-30';
      }),
      [{ path: 'daily-checks[0].day', reason: /not a real date/ }],
    ],
    [
      'a yes/no as text',
      broken((f) => {
        f['daily-checks'][0].anythingNew = 'no';
      }),
      [{ path: 'daily-checks[0].anythingNew', reason: /should be boolean, but is "no"/ }],
    ],
    [
      'a screening answer missing',
      broken((f) => {
        delete f.screenings[0].answers.fever;
      }),
      [{ path: 'screenings[0].answers.fever', reason: /^is missing$/ }],
    ],
    [
      'an unknown decision',
      broken((f) => {
        f.screenings[0].decision = 'fine';
      }),
      [{ path: 'screenings[0].decision', reason: /should be one of "ok", "not-today"/ }],
    ],
    [
      'an unknown rule in a clearance',
      broken((f) => {
        f.clearances[0].covers = ['anything'];
      }),
      [{ path: 'clearances[0].covers[0]', reason: /but is "anything"/ }],
    ],
    [
      'an unknown exercise',
      broken((f) => {
        f.sessions[0].exercise = 'yoga';
      }),
      [{ path: 'sessions[0].exercise', reason: /but is "yoga"/ }],
    ],
    [
      'a hold ending before it starts',
      broken((f) => {
        f.sessions[0].holds[1].endMs = f.sessions[0].holds[1].startMs - 1;
      }),
      [{ path: 'sessions[0].holds[1].endMs', reason: /ends before the hold starts/ }],
    ],
    [
      'a session ending before it starts',
      broken((f) => {
        f.sessions[0].endedMs = 5;
      }),
      [{ path: 'sessions[0].endedMs', reason: /ends before the session starts/ }],
    ],
    [
      'a time as text',
      broken((f) => {
        f.sessions[2].startedMs = 'yesterday';
      }),
      [{ path: 'sessions[2].startedMs', reason: /should be number, but is "yesterday"/ }],
    ],
    [
      'a negative time',
      broken((f) => {
        f.pain[0].atMs = -1;
      }),
      [{ path: 'pain[0].atMs', reason: /before 1970/ }],
    ],
    [
      'a wrong side',
      broken((f) => {
        f.sessions[0].holds[0].side = 'middle';
      }),
      [{ path: 'sessions[0].holds[0].side', reason: /but is "middle"/ }],
    ],
    [
      'a negative forcing count',
      broken((f) => {
        f.sessions[0].forcingCount = -2;
      }),
      [{ path: 'sessions[0].forcingCount', reason: /is negative/ }],
    ],
    [
      'a hold target out of range',
      broken((f) => {
        f.settings.holdTargetS = 90;
      }),
      [{ path: 'settings.holdTargetS', reason: /above 30 s/ }],
    ],
    [
      'a bad export time',
      broken((f) => {
        f.exportedAt = 'Tuesday';
      }),
      [{ path: 'exportedAt', reason: /not an ISO date-time/ }],
    ],
    [
      'a huge note',
      broken((f) => {
        f.pain[0].note = 'x'.repeat(2001);
      }),
      [{ path: 'pain[0].note', reason: /longer than 2000/ }],
    ],
    [
      'two sessions with one id',
      broken((f) => {
        f.sessions[2].id = f.sessions[0].id;
      }),
      [{ path: 'sessions[2].id', reason: /same as sessions\[0\]\.id/ }],
    ],
    [
      'several problems at once',
      broken((f) => {
        f.pain[0].level = -1;
        f.sessions[1].holds[0].startMs = null;
      }),
      [
        { path: 'pain[0].level', reason: /below 0/ },
        { path: 'sessions[1].holds[0].startMs', reason: /should be number, but is null/ },
      ],
    ],
    [
      'a version-2 hold ending before it starts',
      broken((f) => {
        f.sessions[3].report.holds[0].endMs = 100;
      }, GOLDEN_V2),
      [{ path: 'sessions[3].report.holds[0].endMs', reason: /ends before the hold starts/ }],
    ],
    [
      'a report of another stretch than its session',
      broken((f) => {
        f.sessions[3].report.exercise = 'childs-pose';
      }, GOLDEN_V2),
      [{ path: 'sessions[3].report.exercise', reason: /not the session's exercise/ }],
    ],
    [
      'a version-2 session without its report, and a measure that is text',
      broken((f) => {
        delete f.sessions[0].report;
        f.sessions[3].report.perSecond[0].metrics.torsoRotationDeg = 'x';
        f.sessions[3].report.cues[0].code = 'shout';
      }, GOLDEN_V2),
      [
        { path: 'sessions[0].report', reason: /^is missing$/ },
        {
          path: 'sessions[3].report.cues[0].code',
          reason: /but is "shout"/,
        },
        {
          path: 'sessions[3].report.perSecond[0].metrics.torsoRotationDeg',
          reason: /should be number, but is "x"/,
        },
      ],
    ],
    [
      'version-1 sessions in a version-2 file',
      broken((f) => {
        f.version = 2;
      }),
      [
        { path: 'sessions[0].report', reason: /^is missing$/ },
        { path: 'sessions[1].report', reason: /^is missing$/ },
        { path: 'sessions[2].report', reason: /^is missing$/ },
      ],
    ],
  ])('refuses %s, saying where and why', (_name, text, want) => {
    const parsed = parseExportText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual(want.map((w) => w.path));
    for (const [i, p] of parsed.problems.entries()) expect(p.reason).toMatch(want[i]!.reason);
  });

  it('drops fields it does not know (they are never stored)', () => {
    const parsed = parseExportText(
      broken((f) => {
        f.pain[0].extra = 'x';
        f.fromTheFuture = true;
      }),
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.data.pain[0]).not.toHaveProperty('extra');
  });

  it('has a size limit with room for years of use', () => {
    expect(MAX_IMPORT_BYTES).toBeGreaterThanOrEqual(10 * GOLDEN.length * 1000);
  });
});

describe('planImport', () => {
  it('adds what is new, and nothing the second time (ids are kept)', () => {
    const here = emptyData();
    const first = planImport(sampleData(), here);
    expect(first.counts.sessions).toEqual({ added: 4, alreadyHere: 0 });
    expect(first.add).toEqual(sampleData());
    const second = planImport(sampleData(), first.add);
    for (const c of Object.values(second.counts)) expect(c.added).toBe(0);
    expect(second.counts.pain).toEqual({ added: 0, alreadyHere: 2 });
    expect(second.add).toEqual(emptyData());
  });

  it('keeps the copy already here when an id matches', () => {
    const here = emptyData();
    here.pain.push({ ...sampleData().pain[0]!, level: 7 });
    const plan = planImport(sampleData(), here);
    expect(plan.add.pain.map((p) => p.id)).toEqual(['pain-2']);
    expect(plan.counts.pain).toEqual({ added: 1, alreadyHere: 1 });
  });
});
