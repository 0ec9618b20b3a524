/** Reads and validates scene files in Node, and fingerprints what each clip's pixels depend on. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PROJECT_ROOT } from '../../support/vite-server.ts';
import { POSE_NAMES, POSES } from './poses.ts';
import { type Scene, SceneError, validateScene } from './scene-format.ts';

export const SCENES_DIR = join(PROJECT_ROOT, 'fixtures/scenes');
export const TRUTH_DIR = join(PROJECT_ROOT, 'fixtures/truth');
export const STREAMS_DIR = join(PROJECT_ROOT, 'fixtures/landmarks');
/** Rendered frames: large, re-creatable, not committed. */
export const FRAMES_DIR = join(PROJECT_ROOT, 'fixtures/frames');

export interface LoadedScene {
  scene: Scene;
  file: string;
  /** Changes whenever the scene, a pose it uses or the renderer changes; recordings carry it. */
  hash: string;
}

/**
 * Bump when the renderer changes what a scene looks like (placement, timeline
 * rules, room, figure): every recording then reads as stale until re-made.
 */
export const RENDERER_VERSION = 2;

export function sceneHash(scene: Scene): string {
  const poses = [...new Set(scene.keyframes.flatMap((k) => (k.pose ? [k.pose] : [])))].sort();
  const text = JSON.stringify([RENDERER_VERSION, scene, poses.map((p) => POSES[p])]);
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function loadSceneFile(file: string): LoadedScene {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SceneError(basename(file), '(file)', `is not valid JSON: ${(e as Error).message}`);
  }
  const scene = validateScene(json, basename(file), POSE_NAMES);
  if (`${scene.id}.json` !== basename(file))
    throw new SceneError(basename(file), 'id', `must match the file name (got "${scene.id}")`);
  return { scene, file, hash: sceneHash(scene) };
}

/** Every `*.json` scene in a folder, sorted by id. */
export function loadScenes(dir = SCENES_DIR, only?: string[]): LoadedScene[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const scenes = files.map((f) => loadSceneFile(join(dir, f)));
  if (!only?.length) return scenes;
  const unknown = only.filter((id) => !scenes.some((s) => s.scene.id === id));
  if (unknown.length) throw new Error(`No scene named ${unknown.join(', ')} in ${dir}`);
  return scenes.filter((s) => only.includes(s.scene.id));
}
