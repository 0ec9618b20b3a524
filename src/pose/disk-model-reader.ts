/** Node only: reads model files from a `models/` folder on disk. Never bundled into the app. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelByteReader } from './model-files.ts';

export function diskModelReader(modelsDir: string): ModelByteReader {
  return async (path) => {
    try {
      return new Uint8Array(await readFile(join(modelsDir, path)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  };
}
