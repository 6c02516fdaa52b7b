import type { FileHandle } from 'node:fs/promises';

/** One file inside a zip, located from the central directory (the zip's own index at its end). */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else is refused by the reader. */
  method: number;
  compressedSize: number;
  /** Where the compressed bytes start in the zip file. */
  dataOffset: number;
}

export class ZipFormatError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;
// A roster workbook has a few dozen parts; thousands of tiny entries only cost a read each.
const MAX_ENTRIES = 1_000;

/** Reads the central directory of a zip file on disk; throws ZipFormatError when it is not a sound zip. */
export async function readZipDirectory(file: FileHandle, fileSize: number): Promise<ZipEntry[]> {
  const tailLength = Math.min(fileSize, 22 + MAX_COMMENT);
  const tail = await readAt(file, fileSize - tailLength, tailLength);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('no end of central directory');
  const count = tail.readUInt16LE(end + 10);
  if (count > MAX_ENTRIES) throw new ZipFormatError(`${count} entries: more than a roster workbook has`);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directoryOffset + directorySize > fileSize - tailLength + end) throw new ZipFormatError('central directory out of range');
  const directory = await readAt(file, directoryOffset, directorySize);

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipFormatError('bad central directory entry');
    const flags = directory.readUInt16LE(at + 8);
    const method = directory.readUInt16LE(at + 10);
    let compressedSize = directory.readUInt32LE(at + 20);
    const uncompressedSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    let localOffset = directory.readUInt32LE(at + 42);
    const nameBytes = directory.subarray(at + 46, at + 46 + nameLength);
    const name = nameBytes.toString(flags & 0x0800 ? 'utf8' : 'latin1');
    // Zip64 puts real sizes in an extra field when a 32-bit field is all ones.
    const zip64 = findExtra(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), 0x0001);
    if (zip64) {
      let z = 0;
      const next = () => {
        if (z + 8 > zip64.length) throw new ZipFormatError('short zip64 field');
        const value = Number(zip64.readBigUInt64LE(z));
        z += 8;
        return value;
      };
      // Declared sizes are not trusted (the reader counts what it inflates), only skipped over.
      if (uncompressedSize === 0xffffffff) next();
      if (compressedSize === 0xffffffff) compressedSize = next();
      if (localOffset === 0xffffffff) localOffset = next();
    }
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x0001) throw new ZipFormatError('encrypted entry');
    if (names.has(name)) throw new ZipFormatError(`duplicate entry ${name}`);
    names.add(name);
    const local = await readAt(file, localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipFormatError(`bad local header for ${name}`);
    const dataOffset = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (dataOffset + compressedSize > fileSize) throw new ZipFormatError(`entry ${name} out of range`);
    entries.push({ name, method, compressedSize, dataOffset });
  }
  return entries;
}

function findExtra(extra: Buffer, id: number): Buffer | null {
  for (let at = 0; at + 4 <= extra.length; ) {
    const size = extra.readUInt16LE(at + 2);
    if (extra.readUInt16LE(at) === id) return extra.subarray(at + 4, at + 4 + size);
    at += 4 + size;
  }
  return null;
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
