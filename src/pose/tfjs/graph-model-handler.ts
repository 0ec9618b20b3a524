import type { io } from '@tensorflow/tfjs-core';
import type { ModelFiles } from '../model-files.ts';

interface ModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  modelTopology: object;
  signature?: object;
  userDefinedMetadata?: { [key: string]: object };
  weightsManifest: { paths: string[]; weights: io.WeightsManifestEntry[] }[];
}

/**
 * A tfjs IOHandler that loads a graph model (`<name>.json` + weight shards)
 * through ModelFiles, so every byte is checked against the manifest and the
 * same code runs in the browser (fetch) and in Node (disk).
 */
export function graphModelHandler(files: ModelFiles, jsonPath: string): io.IOHandler {
  const dir = jsonPath.includes('/') ? jsonPath.slice(0, jsonPath.lastIndexOf('/') + 1) : '';
  return {
    async load(): Promise<io.ModelArtifacts> {
      const json = JSON.parse(await files.loadText(jsonPath)) as ModelJson;
      const shards = await Promise.all(
        json.weightsManifest.flatMap((g) => g.paths).map((p) => files.load(`${dir}${p}`)),
      );
      const total = shards.reduce((s, b) => s + b.length, 0);
      const weightData = new Uint8Array(total);
      let offset = 0;
      for (const b of shards) {
        weightData.set(b, offset);
        offset += b.length;
      }
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: weightData.buffer,
      };
    },
  };
}
