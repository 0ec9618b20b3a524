/**
 * The words the "Your data" panel shows after an import, and that a refused
 * file changes nothing (fake-indexeddb in Node; the panel itself is tested
 * in Chromium, tests/browser/data-safety.test.ts).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteEverything, importFile } from '../../src/controllers/data-transfer.ts';
import { StorageService } from '../../src/controllers/storage-service.ts';
import { MAX_IMPORT_BYTES } from '../../src/session/import-data.ts';
import { emptyData } from '../../src/session/storage-schema.ts';
import { sampleDataFromV1 } from '../session/sample-data.ts';

const GOLDEN = readFileSync(new URL('../session/golden/export-v1.json', import.meta.url), 'utf8');
const services: StorageService[] = [];
let n = 0;
async function fresh(): Promise<StorageService> {
  const s = new StorageService({ name: `transfer-${++n}`, retryDelaysMs: [] });
  services.push(s);
  await s.whenReady();
  return s;
}
const file = (text: string, name = 'spinewise-2026-03-10.json') =>
  Object.assign(new Blob([text], { type: 'application/json' }), { name });

afterEach(() => {
  for (const s of services.splice(0)) s.close();
});

describe('importFile', () => {
  it('says what was added, then that nothing is new the second time', async () => {
    const service = await fresh();
    const first = await importFile(file(GOLDEN), service);
    expect(first).toMatchObject({ ok: true, added: 7, alreadyHere: 0 });
    expect(first.summary).toBe(
      'Imported 1 safety check, 1 daily check, 1 clinician’s go-ahead, 1 pain-log entry, 3 sessions. Its settings (hold target, voice, engine) now apply here.',
    );
    const second = await importFile(file(GOLDEN), service);
    expect(second).toMatchObject({ ok: true, added: 0, alreadyHere: 7 });
    expect(second.summary).toMatch(/^Nothing new: all 7 records in it are already here\./);
    // A version-1 file: its sessions migrated, as sample-data.ts spells out.
    expect(service.data).toEqual(sampleDataFromV1());
  });

  it('names the file and counts the problems, and changes nothing', async () => {
    const service = await fresh();
    const bad = JSON.parse(GOLDEN);
    bad.pain[0].level = 12;
    bad.sessions[0].exercise = 'yoga';
    const out = await importFile(file(JSON.stringify(bad), 'mine.json'), service);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.summary).toBe(
      'Nothing was imported. “mine.json” has 2 problems; fix them or choose another file.',
    );
    expect(out.problems.map((p) => p.path)).toEqual(['pain[0].level', 'sessions[0].exercise']);
    expect(service.data).toEqual(emptyData());
  });

  it('refuses a file far too large to be an export, unread', async () => {
    const service = await fresh();
    const huge = {
      size: MAX_IMPORT_BYTES + 1,
      name: 'video.mp4',
      text: () => Promise.reject(new Error('read')),
    };
    const out = await importFile(huge as unknown as Blob & { name: string }, service);
    expect(out).toMatchObject({ ok: false });
    expect(out.summary).toMatch(/^Nothing was imported\. “video\.mp4” is \d+ MB/);
  });

  it('deleteEverything empties the service', async () => {
    const service = await fresh();
    await importFile(file(GOLDEN), service);
    await deleteEverything(service);
    expect(service.data).toEqual(emptyData());
  });
});
