/**
 * The Engine check's picture is the app's own file (src/assets), not the
 * test fixture; it must stay the very picture the engine tests measure, so
 * what they prove about the fixture holds for what the app shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/vite-server.ts';

describe('Engine check picture', () => {
  it('is byte for byte the committed still fixture', () => {
    const app = readFileSync(join(PROJECT_ROOT, 'src/assets/engine-check/standing-arm-up.png'));
    const fixture = readFileSync(join(PROJECT_ROOT, 'fixtures/images/standing-arm-up.png'));
    expect(app.length).toBeGreaterThan(1000);
    expect(app.equals(fixture)).toBe(true);
  });

  it('no file under src imports from fixtures/ or tests/', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.ts$/.test(entry.name)) {
          const text = readFileSync(path, 'utf8');
          if (/from\s+['"](\.\.\/)+(fixtures|tests)\//.test(text)) offenders.push(path);
        }
      }
    };
    walk(join(PROJECT_ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});
