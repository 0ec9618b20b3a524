import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeAt, frameCount } from '../scenes/scene-format.ts';
import { RECORDED_ENGINES } from '../streams/record-clip.ts';
import { CORPUS_DIR, loadCorpusScenes, streamFile, truthFile } from './corpus-files.ts';
import { readCorpusTruth } from './render-corpus.ts';
import { decodeStream } from './stream-codec.ts';

const scenes = loadCorpusScenes();
const recorded = scenes.filter((c) => existsSync(truthFile(c.scene.id)));

function sizeOf(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((s, e) => {
    const p = join(dir, e.name);
    return s + (e.isDirectory() ? sizeOf(p) : statSync(p).size);
  }, 0);
}

describe('the committed corpus recordings', () => {
  it('has recorded clips', () => {
    expect(recorded.length).toBeGreaterThan(0);
  });

  it.each(recorded.map((c) => [c.scene.id, c] as const))(
    '%s: truth and both streams come from the current scene, one frame per truth frame',
    (_, c) => {
      const truth = readCorpusTruth(c.scene.id)!;
      expect(truth.sceneHash).toBe(c.hash);
      expect(truth.frames).toHaveLength(frameCount(c.scene));
      truth.frames.forEach((f) => {
        // Relabelling only ever drops a scripted fault, never adds one.
        for (const name of f.faults) expect(activeAt(c.scene.faults, f.t)).toContain(name);
      });
      for (const engine of RECORDED_ENGINES) {
        const file = streamFile(c.scene.id, engine);
        const stream = decodeStream(readFileSync(file), file);
        expect(stream.engine).toBe(engine);
        expect(stream.sceneHash).toBe(c.hash);
        expect(stream.frames).toHaveLength(truth.frames.length);
        expect(stream.plainUsable).toHaveLength(truth.frames.length);
      }
    },
  );

  it('stays small enough to commit: under 240 bytes a frame for truth and both streams, 30 MB in all, even when every scene is recorded', () => {
    expect(sizeOf(CORPUS_DIR)).toBeLessThan(30 * 1024 * 1024);
    const recordings = sizeOf(join(CORPUS_DIR, 'streams')) + sizeOf(join(CORPUS_DIR, 'truth'));
    const frames = recorded.reduce((n, c) => n + frameCount(c.scene), 0);
    // Measured on the first 21 clips (5643 frames, SWL2): 199 bytes a frame.
    expect(recordings / frames).toBeLessThan(240);
    // What the whole corpus would take at that rate: fails long before the last clips are in.
    const allFrames = scenes.reduce((n, c) => n + frameCount(c.scene), 0);
    const projected = sizeOf(join(CORPUS_DIR, 'scenes')) + (recordings / frames) * allFrames;
    expect(projected).toBeLessThan(27 * 1024 * 1024);
  });
});
