/**
 * A schema-less reader for FlatBuffers: enough to walk TFLite models and
 * TFLite metadata by field id. Offsets follow the FlatBuffers wire format:
 * a table starts with an int32 back-offset to its vtable; the vtable holds
 * uint16 [vtable size, table size, field offset × n].
 */
export class FbTable {
  constructor(
    readonly view: DataView,
    /** Absolute byte position of the table in the buffer. */
    readonly pos: number,
  ) {}

  static root(bytes: Uint8Array): FbTable {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return new FbTable(view, view.getUint32(0, true));
  }

  get vtablePos(): number {
    return this.pos - this.view.getInt32(this.pos, true);
  }

  /** Number of field slots the vtable declares. */
  get fieldCount(): number {
    return (this.view.getUint16(this.vtablePos, true) - 4) / 2;
  }

  /** Absolute position of a field's value, or undefined when absent. */
  fieldPos(id: number): number | undefined {
    if (id >= this.fieldCount) return undefined;
    const rel = this.view.getUint16(this.vtablePos + 4 + 2 * id, true);
    return rel === 0 ? undefined : this.pos + rel;
  }

  /** Absolute position that an offset field points at, or undefined. */
  target(id: number): number | undefined {
    const p = this.fieldPos(id);
    return p === undefined ? undefined : p + this.view.getUint32(p, true);
  }

  table(id: number): FbTable | undefined {
    const t = this.target(id);
    return t === undefined ? undefined : new FbTable(this.view, t);
  }

  string(id: number): string | undefined {
    const t = this.target(id);
    if (t === undefined) return undefined;
    const len = this.view.getUint32(t, true);
    return new TextDecoder().decode(
      new Uint8Array(this.view.buffer, this.view.byteOffset + t + 4, len),
    );
  }

  uint8(id: number, fallback = 0): number {
    const p = this.fieldPos(id);
    return p === undefined ? fallback : this.view.getUint8(p);
  }

  uint32(id: number, fallback = 0): number {
    const p = this.fieldPos(id);
    return p === undefined ? fallback : this.view.getUint32(p, true);
  }

  /** Positions of the elements of a vector of tables (each resolved). */
  tables(id: number): FbTable[] {
    const t = this.target(id);
    if (t === undefined) return [];
    const n = this.view.getUint32(t, true);
    const out: FbTable[] = [];
    for (let i = 0; i < n; i++) {
      const slot = t + 4 + 4 * i;
      out.push(new FbTable(this.view, slot + this.view.getUint32(slot, true)));
    }
    return out;
  }

  floats(id: number): number[] {
    const t = this.target(id);
    if (t === undefined) return [];
    const n = this.view.getUint32(t, true);
    return Array.from({ length: n }, (_, i) => this.view.getFloat32(t + 4 + 4 * i, true));
  }

  bytes(id: number): Uint8Array | undefined {
    const t = this.target(id);
    if (t === undefined) return undefined;
    const n = this.view.getUint32(t, true);
    return new Uint8Array(this.view.buffer, this.view.byteOffset + t + 4, n);
  }
}

/** The 4-byte file identifier stored right after the root offset. */
export function fileIdentifier(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes.subarray(4, 8));
}
