import { FbTable, fileIdentifier } from './flatbuffer-reader.ts';
import { METADATA_NAME, type Normalization } from './tflite-metadata.ts';

/** What the reader finds in a model: enough to check the build. */
export interface ReadMetadata {
  name: string | undefined;
  minParserVersion: string | undefined;
  inputNormalization: Normalization[];
}

/**
 * Parses a `.tflite` model's TFLITE_METADATA back: the ModelMetadata name and,
 * for each input tensor of the first subgraph, its NormalizationOptions.
 * Returns undefined when the model carries no such metadata.
 */
export function readTfliteMetadata(model: Uint8Array): ReadMetadata | undefined {
  if (fileIdentifier(model) !== 'TFL3') throw new Error('not a TFLite model');
  const root = FbTable.root(model);
  const entry = root.tables(6).find((m) => m.string(0) === METADATA_NAME);
  if (!entry) return undefined;
  const buffer = root.tables(4)[entry.uint32(1)];
  const data = buffer?.bytes(0);
  if (!data) throw new Error(`${METADATA_NAME} points at an empty buffer`);
  if (fileIdentifier(data) !== 'M001')
    throw new Error('metadata buffer is not a ModelMetadata flatbuffer');
  const meta = FbTable.root(data);
  const subgraph = meta.tables(3)[0];
  const inputNormalization: Normalization[] = [];
  for (const tensor of subgraph?.tables(2) ?? []) {
    for (const unit of tensor.tables(4)) {
      if (unit.uint8(0) !== 1) continue;
      const opts = unit.table(1);
      const mean = opts?.floats(0)[0];
      const std = opts?.floats(1)[0];
      if (mean !== undefined && std !== undefined) inputNormalization.push({ mean, std });
    }
  }
  return { name: meta.string(0), minParserVersion: meta.string(7), inputNormalization };
}
