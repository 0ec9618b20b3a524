import { Builder } from 'flatbuffers';
import { FbTable, fileIdentifier } from './flatbuffer-reader.ts';

/**
 * Adds TFLite Support metadata to a `.tflite` model so that MediaPipe Tasks
 * knows how to normalise the float input image. Only NormalizationOptions
 * is written: it is the one piece the Tasks runtime requires.
 */
export interface Normalization {
  /** Subtracted from each 0–255 channel value. */
  mean: number;
  /** Divides the result; `mean 127.5, std 127.5` maps pixels to [-1, 1]. */
  std: number;
}

/** Name MediaPipe and TFLite look up in `Model.metadata`. */
export const METADATA_NAME = 'TFLITE_METADATA';
const MODEL_FILE_ID = 'TFL3';
const METADATA_FILE_ID = 'M001';
/** `ProcessUnitOptions` union tag for NormalizationOptions in metadata_schema.fbs. */
const NORMALIZATION_OPTIONS_TAG = 1;
/** TFLite `Model` has fields 0..7 (version … signature_defs). */
const MODEL_FIELD_COUNT = 8;
const MODEL_FIELD = { version: 0, buffers: 4, metadata: 6 } as const;
/** The prepended block is padded to this, so old tensor data keeps its alignment. */
const BLOCK_ALIGN = 64;

/** Serialises a `ModelMetadata` flatbuffer holding one input normalisation. */
export function buildNormalizationMetadata(name: string, norm: Normalization): Uint8Array {
  const b = new Builder(256);
  const floatVector = (v: number) => {
    b.startVector(4, 1, 4);
    b.addFloat32(v);
    return b.endVector();
  };
  const offsetVector = (items: number[]) => {
    b.startVector(4, items.length, 4);
    for (let i = items.length - 1; i >= 0; i--) b.addOffset(items[i]!);
    return b.endVector();
  };
  const meanVec = floatVector(norm.mean);
  const stdVec = floatVector(norm.std);
  b.startObject(2); // NormalizationOptions
  b.addFieldOffset(0, meanVec, 0);
  b.addFieldOffset(1, stdVec, 0);
  const options = b.endObject();
  b.startObject(2); // ProcessUnit
  b.addFieldInt8(0, NORMALIZATION_OPTIONS_TAG, 0);
  b.addFieldOffset(1, options, 0);
  const unit = b.endObject();
  const units = offsetVector([unit]);
  const tensorName = b.createString('image');
  b.startObject(6); // TensorMetadata
  b.addFieldOffset(0, tensorName, 0);
  b.addFieldOffset(4, units, 0);
  const tensor = b.endObject();
  const inputs = offsetVector([tensor]);
  b.startObject(4); // SubGraphMetadata
  b.addFieldOffset(2, inputs, 0);
  const subgraph = b.endObject();
  const subgraphs = offsetVector([subgraph]);
  const modelName = b.createString(name);
  const parserVersion = b.createString('1.0.0');
  b.startObject(8); // ModelMetadata
  b.addFieldOffset(0, modelName, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, parserVersion, 0);
  b.finish(b.endObject(), METADATA_FILE_ID);
  return b.asUint8Array().slice();
}

/** Little-endian writer over a fixed-size block. */
class BlockWriter {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u16(pos: number, v: number) {
    this.view.setUint16(pos, v, true);
  }
  u32(pos: number, v: number) {
    this.view.setUint32(pos, v, true);
  }
  i32(pos: number, v: number) {
    this.view.setInt32(pos, v, true);
  }
  /** Stores a forward uoffset at `pos` pointing at absolute `target`. */
  offset(pos: number, target: number) {
    if (target <= pos) throw new Error(`flatbuffer offset must point forward (${pos} → ${target})`);
    this.u32(pos, target - pos);
  }
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;

/**
 * Returns a new model: a fresh root `Model` table (with one extra buffer and
 * one extra metadata entry) written in front of the untouched old bytes.
 * FlatBuffers offsets are relative and point forward, so the old objects
 * stay valid once shifted; the block is padded to keep their alignment.
 */
export function addTfliteMetadata(model: Uint8Array, metadata: Uint8Array): Uint8Array {
  if (fileIdentifier(model) !== MODEL_FILE_ID) {
    throw new Error(
      `not a TFLite model: file identifier is "${fileIdentifier(model)}", expected "${MODEL_FILE_ID}"`,
    );
  }
  const old = FbTable.root(model);
  if (old.fieldCount > MODEL_FIELD_COUNT) {
    throw new Error(
      `TFLite Model has ${old.fieldCount} fields; this writer knows ${MODEL_FIELD_COUNT}`,
    );
  }
  const oldBuffers = old.tables(MODEL_FIELD.buffers);
  const oldMetadata = old.tables(MODEL_FIELD.metadata);
  if (oldMetadata.some((m) => m.string(0) === METADATA_NAME)) {
    throw new Error(`model already has ${METADATA_NAME}`);
  }
  const nameBytes = new TextEncoder().encode(METADATA_NAME);

  // Layout of the new block (absolute positions).
  const modelVtable = 8;
  const modelTable = align(modelVtable + 4 + 2 * MODEL_FIELD_COUNT, 4);
  const bufferVtable = modelTable + 4 + 4 * MODEL_FIELD_COUNT;
  const metaVtable = bufferVtable + 6;
  const buffersVec = align(metaVtable + 8, 4);
  const metadataVec = buffersVec + 4 + 4 * (oldBuffers.length + 1);
  const bufferTable = metadataVec + 4 + 4 * (oldMetadata.length + 1);
  const metaTable = bufferTable + 8;
  const nameStr = metaTable + 12;
  const dataVec = align(nameStr + 4 + nameBytes.length + 1 + 4, 16) - 4; // data itself 16-aligned
  const blockSize = align(dataVec + 4 + metadata.length, BLOCK_ALIGN);
  const shift = blockSize; // old byte i now lives at i + shift

  const w = new BlockWriter(blockSize);
  w.offset(0, modelTable);
  w.bytes.set(new TextEncoder().encode(MODEL_FILE_ID), 4);

  // Model vtable + table: every old field is carried over, pointing at the old objects.
  w.u16(modelVtable, 4 + 2 * MODEL_FIELD_COUNT);
  w.u16(modelVtable + 2, 4 + 4 * MODEL_FIELD_COUNT);
  w.i32(modelTable, modelTable - modelVtable);
  for (let id = 0; id < MODEL_FIELD_COUNT; id++) {
    const slot = modelTable + 4 + 4 * id;
    let present = true;
    if (id === MODEL_FIELD.buffers) w.offset(slot, buffersVec);
    else if (id === MODEL_FIELD.metadata) w.offset(slot, metadataVec);
    else if (id === MODEL_FIELD.version) {
      const p = old.fieldPos(id);
      present = p !== undefined;
      if (present) w.u32(slot, old.uint32(id));
    } else {
      const target = old.target(id);
      present = target !== undefined;
      if (target !== undefined) w.offset(slot, target + shift);
    }
    w.u16(modelVtable + 4 + 2 * id, present ? 4 + 4 * id : 0);
  }

  // Buffer { data } and Metadata { name, buffer } vtables.
  w.u16(bufferVtable, 6);
  w.u16(bufferVtable + 2, 8);
  w.u16(bufferVtable + 4, 4);
  w.u16(metaVtable, 8);
  w.u16(metaVtable + 2, 12);
  w.u16(metaVtable + 4, 4);
  w.u16(metaVtable + 6, 8);

  w.u32(buffersVec, oldBuffers.length + 1);
  for (const [i, t] of oldBuffers.entries()) w.offset(buffersVec + 4 + 4 * i, t.pos + shift);
  w.offset(buffersVec + 4 + 4 * oldBuffers.length, bufferTable);

  w.u32(metadataVec, oldMetadata.length + 1);
  for (const [i, t] of oldMetadata.entries()) w.offset(metadataVec + 4 + 4 * i, t.pos + shift);
  w.offset(metadataVec + 4 + 4 * oldMetadata.length, metaTable);

  w.i32(bufferTable, bufferTable - bufferVtable);
  w.offset(bufferTable + 4, dataVec);

  w.i32(metaTable, metaTable - metaVtable);
  w.offset(metaTable + 4, nameStr);
  w.u32(metaTable + 8, oldBuffers.length); // index of the new buffer

  w.u32(nameStr, nameBytes.length);
  w.bytes.set(nameBytes, nameStr + 4);

  w.u32(dataVec, metadata.length);
  w.bytes.set(metadata, dataVec + 4);

  const out = new Uint8Array(blockSize + model.length);
  out.set(w.bytes, 0);
  out.set(model, blockSize);
  return out;
}
