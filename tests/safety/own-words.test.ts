/**
 * The words the person reads are ours: no run of 6 words from the source
 * article appears in the safety texts, the safety screens or the README. The article
 * lives outside the repo (../shared/seed); without it this check is skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const ARTICLE = join(ROOT, '../shared/seed/upper-back-article.txt');
const RUN = 6;
const SOURCES = [
  'src/safety',
  'src/ui/safety-advice',
  'src/ui/screening',
  'src/ui/daily-check',
  'src/ui/clearance',
  'src/ui/safety-decision',
  'src/ui/safety-gate',
  'src/ui/pain-log',
  'src/ui/pain-entry',
  'src/ui/pain-chart',
  'src/ui/history',
  'src/ui/session-timeline',
  'src/ui/storage-status',
  'src/session/storage-error.ts',
  'src/session/export-data.ts',
  'README.md',
];

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’']/g, '')
      .match(/[a-z0-9]+/g) ?? []
  );
}

function runs(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + RUN <= w.length; i++) out.add(w.slice(i, i + RUN).join(' '));
  return out;
}

describe.skipIf(!existsSync(ARTICLE))('own words', () => {
  it(`no ${RUN}-word run of the article in the safety texts`, () => {
    const article = runs(readFileSync(ARTICLE, 'utf8'));
    const copied: string[] = [];
    let files = 0;
    for (const source of SOURCES) {
      const path = join(ROOT, source);
      if (!existsSync(path)) continue;
      const paths = statSync(path).isDirectory()
        ? readdirSync(path)
            .filter((n) => n.endsWith('.ts'))
            .map((n) => join(source, n))
        : [source];
      for (const f of paths) {
        files++;
        for (const r of runs(readFileSync(join(ROOT, f), 'utf8'))) {
          if (article.has(r)) copied.push(`${f}: "${r}"`);
        }
      }
    }
    expect(files).toBeGreaterThan(10);
    expect(copied).toEqual([]);
  });
});
