/**
 * The words the person reads are ours: no run of 6 words from the source
 * article appears in the safety texts or the safety screens. The article
 * lives outside the repo (../shared/seed); without it this check is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
    for (const dir of SOURCES) {
      if (!existsSync(join(ROOT, dir))) continue;
      for (const f of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.ts'))) {
        files++;
        for (const r of runs(readFileSync(join(ROOT, dir, f), 'utf8'))) {
          if (article.has(r)) copied.push(`${dir}/${f}: "${r}"`);
        }
      }
    }
    expect(files).toBeGreaterThan(10);
    expect(copied).toEqual([]);
  });
});
