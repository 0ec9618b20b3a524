/**
 * `npm run scenes:generate -- --seed S --count N --exercise ID`: writes the
 * corpus scenes for seeds S … S+N−1 of one exercise (`foam-roller`,
 * `seated-twist`, `childs-pose`, or `none` for the negatives) to
 * fixtures/corpus/scenes/. Same seed, same scene: re-running rewrites the
 * same bytes. `--exercise all` writes every kind.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_SCENES_DIR } from './corpus-files.ts';
import { CORPUS_KINDS, type CorpusKind } from './corpus-scene.ts';
import { generateClip } from './generate-clip.ts';

function parse(argv: string[]) {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]!.replace(/^--/, '');
    if (!['seed', 'count', 'exercise', 'out'].includes(name))
      throw new Error(`Unknown option ${argv[i]}`);
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    values.set(name, value);
  }
  const seed = Number(values.get('seed') ?? 1);
  const count = Number(values.get('count') ?? 1);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a whole number ≥ 0');
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a whole number ≥ 1');
  const exercise = values.get('exercise') ?? 'all';
  const kinds = exercise === 'all' ? [...CORPUS_KINDS] : [exercise as CorpusKind];
  if (!kinds.every((k) => CORPUS_KINDS.includes(k)))
    throw new Error(
      `--exercise must be one of ${CORPUS_KINDS.join(', ')} or all (got "${exercise}")`,
    );
  return { seed, count, kinds, out: values.get('out') ?? CORPUS_SCENES_DIR };
}

function main() {
  const { seed, count, kinds, out } = parse(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  let seconds = 0;
  for (const kind of kinds)
    for (let s = seed; s < seed + count; s++) {
      const scene = generateClip(kind, s);
      writeFileSync(join(out, `${scene.id}.json`), `${JSON.stringify(scene, null, 1)}\n`);
      seconds += scene.duration;
    }
  console.log(
    `${kinds.length * count} scenes, ${(seconds / 60).toFixed(1)} min of video, in ${out}`,
  );
}

if (process.argv[1]?.endsWith('generate-scenes.ts')) main();
