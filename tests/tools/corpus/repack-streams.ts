/**
 * `npx tsx tests/tools/corpus/repack-streams.ts`: rewrites every committed
 * corpus stream in the current layout and steps (stream-codec.ts): an old
 * `*.swl.gz` (SWL1) becomes `*.swl.br` (SWL2, DEFAULT_QUANTUM), and a
 * `.swl.br` written with other steps is re-quantised. Prints the sizes
 * before and after. Run it after changing the codec, with the renderer
 * stopped (it would otherwise skip nothing it wrote the old way).
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_STREAMS_DIR } from './corpus-files.ts';
import { DEFAULT_QUANTUM, decodeStream, encodeStream } from './stream-codec.ts';

function main() {
  let before = 0;
  let after = 0;
  let files = 0;
  for (const clip of readdirSync(CORPUS_STREAMS_DIR).sort()) {
    const dir = join(CORPUS_STREAMS_DIR, clip);
    for (const name of readdirSync(dir).sort()) {
      if (!/\.swl\.(gz|br)$/.test(name)) continue;
      const file = join(dir, name);
      const stream = decodeStream(readFileSync(file), file);
      const packed = encodeStream(stream);
      before += statSync(file).size;
      after += packed.length;
      files++;
      const out = file.replace(/\.swl\.gz$/, '.swl.br');
      writeFileSync(`${out}.part`, packed);
      renameSync(`${out}.part`, out);
      if (out !== file) rmSync(file);
    }
  }
  console.log(
    `${files} streams repacked with steps ${JSON.stringify(DEFAULT_QUANTUM)}: ${before} → ${after} bytes`,
  );
}

main();
