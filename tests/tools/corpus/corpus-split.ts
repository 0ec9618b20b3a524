/**
 * The corpus split, by seed alone (issue 14): a third of the seeds are the
 * test set, never used to tune or choose anything; the rest are dev.
 */
export type CorpusSplit = 'dev' | 'test';

export function splitOf(seed: number): CorpusSplit {
  return seed % 3 === 0 ? 'test' : 'dev';
}
