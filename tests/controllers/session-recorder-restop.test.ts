/**
 * A session already finished can be stored as stopped for sharp pain after
 * all (sharp pain told in a routine's rest): on an IndexedDB (fake-indexeddb
 * in Node), a fresh service reads the record back with `stoppedFor` and its
 * holds and end unchanged; before `end` there is nothing to restate.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionRecorder } from '../../src/controllers/session-recorder.ts';
import { StorageService } from '../../src/controllers/storage-service.ts';
import { sessionHolds } from '../../src/session/stored-session.ts';

const opened: StorageService[] = [];
let n = 0;
function service(name = `restop-${++n}`): StorageService {
  const s = new StorageService({ name, retryDelaysMs: [20] });
  opened.push(s);
  return s;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

describe('restating why a finished session stopped', () => {
  it('stores sharp pain on the finished record, keeping its holds and end', async () => {
    const app = service();
    await app.whenReady();
    const rec = new SessionRecorder(app, new EventTarget());
    const t = performance.now();
    rec.start('foam-roller', t, 20);
    await rec.end(t + 4000, undefined, [{ startMs: t + 500, endMs: t + 3000, heldMs: 2500 }]).saved;
    expect(app.data.sessions[0]!.stoppedFor).toBeUndefined();

    await rec.restop('sharp-pain');
    expect(app.data.sessions[0]!.stoppedFor).toBe('sharp-pain');

    const later = service(`restop-${n}`);
    await later.whenReady();
    expect(later.data.sessions).toHaveLength(1);
    const s = later.data.sessions[0]!;
    expect(s.stoppedFor).toBe('sharp-pain');
    expect(sessionHolds(s).map((h) => h.heldMs)).toEqual([2500]);
    expect(s.endedMs).toBe(app.data.sessions[0]!.endedMs);
  });

  it('does nothing for a session not finished', async () => {
    const app = service();
    await app.whenReady();
    const rec = new SessionRecorder(app, new EventTarget());
    rec.start('childs-pose', performance.now());
    await rec.restop('sharp-pain');
    expect(app.data.sessions[0]!.stoppedFor).toBeUndefined();
    rec.close();
  });
});
