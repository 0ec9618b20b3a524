/**
 * axe-core in a page as it is now, shadow roots included: its serious and
 * critical findings, one line each (all findings are logged). Injected
 * through the DevTools protocol, so the page's CSP (no inline scripts)
 * does not stop it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown }[];
}

/**
 * The serious and critical findings, as `view: id (help) at [targets]`. axe
 * reads the DOM when it starts, so a view that lasts a few seconds (a
 * countdown) is checked as it was then.
 */
export async function seriousAxeFindings(page: Page, view: string): Promise<string[]> {
  await page.evaluate(`if (!window.axe) { ${AXE_SOURCE} }`);
  const found = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(d: Document, o: object): Promise<{ violations: Finding[] }> };
    };
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const serious = new Set(['serious', 'critical']);
  const lines = found.map((v) => ({
    serious: serious.has(v.impact ?? ''),
    text: `${view}: ${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
  }));
  if (lines.length) console.log(lines.map((l) => l.text).join('\n'));
  return lines.filter((l) => l.serious).map((l) => l.text);
}
