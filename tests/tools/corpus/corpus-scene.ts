/**
 * A corpus clip: an ordinary scene (tests/tools/scenes/scene-format.ts) plus
 * what the generator drew for it, kept under `corpus` in the same file
 * (the scene validator ignores it; the truth and scorer read it).
 */
import type { Fault, Scene } from '../scenes/scene-format.ts';
import type { CorpusSplit } from './corpus-split.ts';

/** The floor surface height in the scene page's room (room.ts FLOOR_Y), metres. */
export const FLOOR_Y_M = -0.71;

/** What a corpus generator can be asked for: a stretch, or `none` for the negatives. */
export const CORPUS_KINDS = ['foam-roller', 'seated-twist', 'childs-pose', 'none'] as const;
export type CorpusKind = (typeof CORPUS_KINDS)[number];

/** Short id prefixes: `roller-s00042`, `twist-s00042`, `child-s00042`, `none-s00042`. */
const PREFIX: Record<CorpusKind, string> = {
  'foam-roller': 'roller',
  'seated-twist': 'twist',
  'childs-pose': 'child',
  none: 'none',
};

export function corpusId(kind: CorpusKind, seed: number): string {
  return `${PREFIX[kind]}-s${String(seed).padStart(5, '0')}`;
}

/** A fault as drawn: its size against its line (FAULT_LINES), and whether the script made it a fault. */
export interface DrawnFault {
  name: Fault;
  /** Scripted window: the fault is present inside it (where the line is crossed, for measured lines). */
  from: number;
  to: number;
  size: number;
  unit: string;
  line: number;
  /** Scripted lines: size at or past the line. Measured lines: decided per frame on the rendered truth. */
  pastLine: boolean | 'measured';
}

export interface CorpusMeta {
  generator: 'spinewise-corpus/1';
  seed: number;
  split: CorpusSplit;
  /** The camera's view bucket (e.g. `side`, `oblique`, `front`, `outside`) and where it stood. */
  view: string;
  azimuthDeg: number;
  cameraHeightM: number;
  /** Negatives: what the person does instead (e.g. `sitting-upright`, `walk-in-out`). */
  negative?: string;
  /** Every fault drawn, also the mild ones that stay on the good side of their line. */
  drawnFaults: DrawnFault[];
  /** Roller clips: each rolling stretch's speed, torso lengths per second. */
  rollSpeeds?: number[];
  nuisances: string[];
}

export type CorpusScene = Scene & { corpus: CorpusMeta };
