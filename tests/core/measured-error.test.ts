import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEASURED_ERROR } from '../../src/core/measured-error.ts';
import { PROJECT_ROOT } from '../support/vite-server.ts';
import { RECORDED_ENGINES } from '../tools/streams/record-clip.ts';

describe('measured error per engine (test set)', () => {
  it('has a figure for every recorded engine, and the README table says the same', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    for (const engine of RECORDED_ENGINES) {
      const m = MEASURED_ERROR[engine]!;
      expect(m.rotationMaeCiDeg[0]).toBeLessThanOrEqual(m.rotationMaeDeg);
      expect(m.rotationMaeCiDeg[1]).toBeGreaterThanOrEqual(m.rotationMaeDeg);
      const row = `${m.rotationMaeDeg.toFixed(1)} [${m.rotationMaeCiDeg[0].toFixed(1)}–${m.rotationMaeCiDeg[1].toFixed(1)}] / ${m.rotationP95Deg.toFixed(1)}`;
      expect(readme).toContain(row);
    }
  });
});
