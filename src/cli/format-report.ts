/**
 * A SessionReport as text for a terminal: what was analysed, each hold
 * (start, good-form time, side, target), each cue with its time and words,
 * the side switches, and a summary line per side. Pure.
 */
import { cueDefinition } from '../feedback/cue-vocabulary.ts';
import type { SessionReport } from '../session/session-report.ts';
import { EXERCISE_GUIDES } from '../ui/exercise-card/exercise-guides.ts';

/** ms → `m:ss.s`, e.g. 83_400 → `1:23.4`. */
export function clock(ms: number): string {
  const tenths = Math.round(ms / 100);
  const m = Math.floor(tenths / 600);
  const s = (tenths % 600) / 10;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function formatReport(r: SessionReport, source: string): string {
  const guide = EXERCISE_GUIDES[r.exercise];
  const word = guide.holdWord === 'pause' ? 'Pauses' : 'Holds';
  const lines: string[] = [];
  const engine = r.engine ? `${r.engine}${r.model ? `/${r.model}` : ''}` : 'no pose found';
  lines.push(`${guide.title} · ${source}`);
  lines.push(
    `${engine} · ${r.frames} frames over ${seconds(r.durationMs)} · target ${r.holdTargetS} s` +
      (r.startSide ? ` · started on the ${r.startSide} side` : ''),
  );
  lines.push('');
  lines.push(`${word} (${r.holds.length}):`);
  if (r.holds.length === 0) lines.push('  none: good form was never held for a second');
  r.holds.forEach((h, i) => {
    const side = h.side ? `  ${h.side.padEnd(5)}` : '';
    const target = h.targetReached ? 'target reached' : 'short of target';
    lines.push(
      `  ${String(i + 1).padStart(2)}  ${clock(h.startMs)}–${clock(h.endMs)}  good form ${seconds(h.goodMs).padStart(6)}${side}  ${target}`,
    );
  });
  lines.push('');
  lines.push(`Cues (${r.cues.length}):`);
  if (r.cues.length === 0) lines.push('  none');
  for (const c of r.cues) lines.push(`  ${clock(c.tMs)}  ${cueDefinition(c.code).text}`);
  if (r.sideSwitches.length) {
    lines.push('');
    lines.push('Side switches:');
    for (const s of r.sideSwitches) lines.push(`  ${clock(s.tMs)}  to the ${s.side} side`);
  }
  lines.push('');
  lines.push(`Summary: ${summary(r)}`);
  return `${lines.join('\n')}\n`;
}

function summary(r: SessionReport): string {
  if (r.holds.length === 0) return `no ${r.exercise === 'foam-roller' ? 'pause' : 'hold'} counted.`;
  const reached = r.holds.filter((h) => h.targetReached).length;
  const longest = Math.max(...r.holds.map((h) => h.goodMs));
  const parts = [
    `${reached} of ${r.holds.length} ${r.exercise === 'foam-roller' ? 'pauses' : 'holds'} reached ${r.holdTargetS} s`,
    `longest ${seconds(longest)}`,
  ];
  if (r.holds.some((h) => h.side)) {
    for (const side of ['left', 'right'] as const) {
      const total = r.holds.filter((h) => h.side === side).reduce((t, h) => t + h.goodMs, 0);
      parts.push(`${side} ${seconds(total)} in all`);
    }
  }
  return `${parts.join('; ')}.`;
}

/** The report's holds as CSV, one row per hold: times and good-form time in seconds. */
export function reportCsv(r: SessionReport): string {
  const rows = ['exercise,hold,start_s,end_s,good_form_s,side,target_reached'];
  r.holds.forEach((h, i) => {
    rows.push(
      [
        r.exercise,
        i + 1,
        (h.startMs / 1000).toFixed(1),
        (h.endMs / 1000).toFixed(1),
        (h.goodMs / 1000).toFixed(1),
        h.side ?? '',
        h.targetReached ? 'yes' : 'no',
      ].join(','),
    );
  });
  return `${rows.join('\n')}\n`;
}
