/**
 * `npm run corpus:render [-- --only id,id] [--keep-frames] [--limit N]`:
 * renders each corpus scene (fixtures/corpus/scenes/, from `npm run
 * scenes:generate`) in headless Chromium, runs the frames through both
 * committed engines, and writes the truth (`truth/<id>.json.gz`, faults
 * labelled by FAULT_LINES) and the compact streams (`streams/<id>/*.swl.br`).
 * Frames are deleted once a clip is recorded. One pass per engine, the
 * tracker's (`plainUsable` marks the frames it found usable upright), not
 * the scripted clips' second pass without turned frames: half the time.
 * Resumable: a clip whose truth and streams already match its scene is
 * skipped, so the run can be stopped and started again at any time. Clips
 * go in seed order, one of each kind in turn, so a partial run covers
 * every kind and both splits. Not for CI: hours for the whole corpus.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium.ts';
import { type RunningServer, startDevServer } from '../../support/vite-server.ts';
import { parseToolArgs } from '../scenes/cli-args.ts';
import { openScenePage, renderClip } from '../scenes/render-clip.ts';
import type { ClipTruth } from '../scenes/truth-format.ts';
import { openRecordPage, RECORDED_ENGINES, recordClip } from '../streams/record-clip.ts';
import {
  CORPUS_FRAMES_DIR,
  type LoadedCorpusScene,
  loadCorpusScenes,
  streamFile,
  truthFile,
} from './corpus-files.ts';
import { CORPUS_KINDS } from './corpus-scene.ts';
import { labelFaults } from './fault-lines.ts';
import { decodeStream, encodeStream } from './stream-codec.ts';

/** Writes through a temporary file, so a stopped run never leaves half a file that looks done. */
function writeAtomic(file: string, data: Buffer) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.part`, data);
  renameSync(`${file}.part`, file);
}

export function readCorpusTruth(id: string): ClipTruth | undefined {
  const file = truthFile(id);
  if (!existsSync(file)) return undefined;
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as ClipTruth;
}

function isDone(c: LoadedCorpusScene, engines: readonly string[]): boolean {
  if (readCorpusTruth(c.scene.id)?.sceneHash !== c.hash) return false;
  return engines.every((e) => {
    const file = streamFile(c.scene.id, e);
    return existsSync(file) && decodeStream(readFileSync(file), file).sceneHash === c.hash;
  });
}

/** Seed order, one of each kind in turn. */
function inTurn(scenes: LoadedCorpusScene[]) {
  const kindIndex = (c: LoadedCorpusScene) => CORPUS_KINDS.indexOf(c.scene.exercise);
  return [...scenes].sort((a, b) => a.meta.seed - b.meta.seed || kindIndex(a) - kindIndex(b));
}

interface Pages {
  server: RunningServer;
  browser: BrowserContext;
  scene: Page;
  record: Page;
}

/**
 * Chromium raises some of its processes' priority; put every process under
 * this one at the run's own low priority, so a background run yields the
 * CPU to everyone else's work.
 */
function yieldCpu() {
  const nice = os.getPriority();
  const kids = (pid: number): number[] => {
    const out = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout;
    return out
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .flatMap((k) => [k, ...kids(k)]);
  };
  for (const pid of kids(process.pid)) {
    try {
      if (os.getPriority(pid) < nice) os.setPriority(pid, nice);
    } catch {
      // The process ended meanwhile.
    }
  }
}

async function openPages(): Promise<Pages> {
  const server = await startDevServer();
  const browser = await launchChromium();
  // A busy machine serves the first page (Vite transforms three and the engines) slowly.
  browser.setDefaultNavigationTimeout(300_000);
  browser.setDefaultTimeout(300_000);
  try {
    const scene = await openScenePage(browser, server.url);
    const record = await openRecordPage(browser, server.url);
    return { server, browser, scene, record };
  } catch (e) {
    await closePages({ server, browser } as Pages);
    throw e;
  }
}

async function closePages(p: Pages | undefined) {
  await p?.browser.close().catch(() => {});
  await p?.server.close().catch(() => {});
}

async function doClip(p: Pages, c: LoadedCorpusScene, keepFrames: boolean) {
  const id = c.scene.id;
  const t0 = Date.now();
  const rendered = await renderClip(p.scene, c, CORPUS_FRAMES_DIR);
  const sign = c.scene.side === 'left' ? 1 : -1;
  const truth: ClipTruth = { ...rendered, frames: labelFaults(rendered.frames, sign) };
  const renderS = (Date.now() - t0) / 1000;
  const lines = [];
  for (const engine of RECORDED_ENGINES) {
    const { trackerCalls: _, ...stream } = await recordClip(
      p.record,
      c,
      truth,
      CORPUS_FRAMES_DIR,
      engine,
      false,
    );
    writeAtomic(streamFile(id, engine), encodeStream(stream));
    lines.push(
      `${engine} usable ${stream.frames.filter((f) => f.u).length}/${stream.frames.length}`,
    );
  }
  // The truth last: it marks the clip done only once its streams are there.
  writeAtomic(truthFile(id), gzipSync(JSON.stringify(truth), { level: 9 }));
  if (!keepFrames) rmSync(join(CORPUS_FRAMES_DIR, id), { recursive: true, force: true });
  console.log(
    `${new Date().toISOString()} ${id} (${c.meta.split}, ${c.meta.view}): ${truth.frames.length} frames, ` +
      `render ${renderS.toFixed(0)} s, total ${((Date.now() - t0) / 1000).toFixed(0)} s; ${lines.join('; ')}`,
  );
}

async function main() {
  const args = parseToolArgs(process.argv.slice(2), ['limit'], ['keep-frames']);
  let todo = inTurn(loadCorpusScenes()).filter((c) => !args.only || args.only.includes(c.scene.id));
  todo = todo.filter((c) => !isDone(c, RECORDED_ENGINES));
  if (args.values.has('limit')) todo = todo.slice(0, Number(args.values.get('limit')));
  console.log(`${new Date().toISOString()} ${todo.length} clips to render and record`);
  let pages: Pages | undefined;
  const failures = new Map<string, number>();
  try {
    for (let i = 0; i < todo.length; i++) {
      const c = todo[i]!;
      if (!pages) {
        try {
          pages = await openPages();
        } catch (e) {
          // Not the clip's fault: wait and try again.
          console.error(
            `${new Date().toISOString()} could not open the pages: ${(e as Error).message}`,
          );
          await closePages(pages);
          pages = undefined;
          await new Promise((r) => setTimeout(r, 30_000));
          i--;
          continue;
        }
      }
      try {
        yieldCpu();
        await doClip(pages, c, args.flags.has('keep-frames'));
      } catch (e) {
        // A crashed or hung browser should not end a run of hours: start afresh, retry once.
        const n = (failures.get(c.scene.id) ?? 0) + 1;
        failures.set(c.scene.id, n);
        console.error(
          `${new Date().toISOString()} ${c.scene.id} failed (${n}): ${(e as Error).message}`,
        );
        await closePages(pages);
        pages = undefined;
        if (n < 2) i--;
      }
    }
  } finally {
    await closePages(pages);
  }
  console.log(`${new Date().toISOString()} done; ${failures.size} clips failed at least once`);
}

if (process.argv[1]?.endsWith('render-corpus.ts')) await main();
