/**
 * A minimal ZIP writer for STORED (uncompressed) entries, as MediaPipe's
 * `.task` bundles require, plus a reader to check what was written.
 * Timestamps are fixed (1980-01-01) so the same input gives the same bytes,
 * and each entry's data starts on a 64-byte boundary (padding in the local
 * header's extra field) so the runtime may use it in place.
 */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export interface ReadZipEntry extends ZipEntry {
  /** 0 = stored; anything else is compressed. */
  method: number;
  /** Absolute offset of the entry's data in the archive. */
  dataOffset: number;
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const DATA_ALIGN = 64;
/** Extra-field id for alignment padding (the "Android zipalign" id). */
const PADDING_EXTRA_ID = 0xd935;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function writeStoredZip(entries: ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let pos = 0;
  const push = (c: Uint8Array) => {
    chunks.push(c);
    pos += c.length;
  };
  for (const e of entries) {
    const name = enc.encode(e.name);
    const crc = crc32(e.data);
    const headerEnd = pos + 30 + name.length;
    let extraLen = (DATA_ALIGN - ((headerEnd + 4) % DATA_ALIGN)) % DATA_ALIGN;
    extraLen += 4; // the extra field's own id + size header
    const local = new Uint8Array(30 + name.length + extraLen);
    const v = new DataView(local.buffer);
    v.setUint32(0, LOCAL_SIG, true);
    v.setUint16(4, 10, true); // version needed: 1.0
    v.setUint16(6, 0, true); // flags
    v.setUint16(8, 0, true); // method: stored
    v.setUint16(10, 0, true); // time
    v.setUint16(12, DOS_DATE_1980_01_01, true);
    v.setUint32(14, crc, true);
    v.setUint32(18, e.data.length, true);
    v.setUint32(22, e.data.length, true);
    v.setUint16(26, name.length, true);
    v.setUint16(28, extraLen, true);
    local.set(name, 30);
    v.setUint16(30 + name.length, PADDING_EXTRA_ID, true);
    v.setUint16(32 + name.length, extraLen - 4, true);
    const localOffset = pos;
    push(local);
    push(e.data);

    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, CENTRAL_SIG, true);
    cv.setUint16(4, 20, true); // made by
    cv.setUint16(6, 10, true); // needed
    cv.setUint16(12, 0, true);
    cv.setUint16(14, DOS_DATE_1980_01_01, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, localOffset, true);
    c.set(name, 46);
    central.push(c);
  }
  const centralStart = pos;
  for (const c of central) push(c);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, END_SIG, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, pos - centralStart, true);
  ev.setUint32(16, centralStart, true);
  push(end);

  const out = new Uint8Array(pos);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Reads entries through the central directory; checks CRCs of stored entries. */
export function readZip(zip: Uint8Array): ReadZipEntry[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let endPos = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (v.getUint32(i, true) === END_SIG) {
      endPos = i;
      break;
    }
  }
  if (endPos < 0) throw new Error('not a zip archive: no end-of-central-directory record');
  const count = v.getUint16(endPos + 10, true);
  let p = v.getUint32(endPos + 16, true);
  const dec = new TextDecoder();
  const out: ReadZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (v.getUint32(p, true) !== CENTRAL_SIG) throw new Error(`bad central directory entry ${i}`);
    const method = v.getUint16(p + 10, true);
    const crc = v.getUint32(p + 16, true);
    const size = v.getUint32(p + 20, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const local = v.getUint32(p + 42, true);
    const name = dec.decode(zip.subarray(p + 46, p + 46 + nameLen));
    const dataOffset = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const data = zip.subarray(dataOffset, dataOffset + size);
    if (method === 0 && crc32(data) !== crc) throw new Error(`CRC mismatch in zip entry ${name}`);
    out.push({ name, data, method, dataOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
