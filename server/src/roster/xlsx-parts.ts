import { createReadStream } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { ZipEntry } from './zip-directory.js';

/** A part to pass on: either taken from the uploaded zip (inflated here, cut at maxBytes) or fixed text. */
export type XlsxPart = { name: string } & ({ entry: ZipEntry; maxBytes: number } | { text: string });

export type PartsProblem = { kind: 'TOO_BIG'; part: string; maxBytes: number } | { kind: 'CORRUPT' };

/**
 * Re-emits chosen parts of an XLSX as a fresh zip stream for exceljs's streaming reader.
 *
 * Why not hand exceljs the upload itself: it inflates without any bound (a 300 KB file can unzip to
 * gigabytes of shared strings) and, when the sheet comes before the shared strings as Excel writes
 * them, spools the whole sheet to a temp file it only removes if read to the end. Here every part
 * is inflated by this code, counted and cut at its bound, and sent stored (exceljs inflates nothing)
 * in the order exceljs reads straight through: relationships, shared strings, then the sheet.
 * Sizes go in data descriptors, so a part can end wherever the bound cuts it.
 */
export function xlsxPartsStream(path: string, parts: XlsxPart[]): { stream: Readable; problem: () => PartsProblem | null } {
  let problem: PartsProblem | null = null;
  async function* zip(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      const name = Buffer.from(part.name, 'utf8');
      yield localHeader(name);
      let sent = 0;
      if ('text' in part) {
        const bytes = Buffer.from(part.text, 'utf8');
        sent = bytes.length;
        yield bytes;
      } else {
        try {
          for await (const chunk of inflate(path, part.entry) as AsyncIterable<Buffer>) {
            const room = part.maxBytes - sent;
            if (chunk.length > room) {
              if (room > 0) yield chunk.subarray(0, room);
              sent += room;
              problem = { kind: 'TOO_BIG', part: part.name, maxBytes: part.maxBytes };
              break;
            }
            sent += chunk.length;
            yield chunk;
          }
        } catch {
          problem = { kind: 'CORRUPT' };
        }
      }
      yield dataDescriptor(sent);
      if (problem) break;
    }
    yield endOfDirectory();
  }
  return { stream: Readable.from(zip(), { objectMode: false }), problem: () => problem };
}

function inflate(path: string, entry: ZipEntry): AsyncIterable<Buffer> {
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start: entry.dataOffset, end: entry.dataOffset + entry.compressedSize - 1 });
  if (entry.method === 0) return raw;
  if (entry.method !== 8) {
    raw.destroy();
    throw new Error(`compression method ${entry.method}`);
  }
  // Errors (corrupt deflate data, a vanished file) surface in the for-await over the last stream.
  return pipeline(raw, createInflateRaw(), () => undefined);
}

/** Stored, UTF-8 name, sizes in a data descriptor after the data (flag bit 3). CRCs are left 0: the reader does not check them. */
function localHeader(name: Buffer): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0808, 6);
  header.writeUInt16LE(0, 8);
  header.writeUInt16LE(0x21, 12); // 1980-01-01
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function dataDescriptor(size: number): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(size, 8);
  descriptor.writeUInt32LE(size, 12);
  return descriptor;
}

/** An empty central directory: the streaming reader stops at this record. */
function endOfDirectory(): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return end;
}
