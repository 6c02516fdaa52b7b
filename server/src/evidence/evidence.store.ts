import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppException } from '../common/app.exception.js';
import { EVIDENCE_CHUNK_BYTES, EvidenceChunk } from './evidence-chunk.entity.js';

export interface EvidenceImage {
  bytes: Buffer;
  mime: 'image/png' | 'image/jpeg';
  sha256: string;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
// Every PNG ends with this empty IEND chunk (length 0, type, CRC): a cut-off upload does not.
const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Signature, header chunk with a non-empty size, and the closing chunk: enough to refuse junk behind a PNG prefix. */
function isWellFormedPng(bytes: Buffer): boolean {
  if (bytes.length < 8 + 25 + 12 || !bytes.subarray(0, 8).equals(PNG_MAGIC)) return false;
  const isHeader = bytes.readUInt32BE(8) === 13 && bytes.toString('latin1', 12, 16) === 'IHDR';
  return isHeader && bytes.readUInt32BE(16) > 0 && bytes.readUInt32BE(20) > 0 && bytes.subarray(bytes.length - 12).equals(PNG_IEND);
}

/** Decodes a data URL or bare base64 image and checks it is really a PNG (or, for scans, a JPEG). */
export function decodeImage(value: string, field: string, maxBytes: number, allowJpeg: boolean): EvidenceImage {
  const base64 = value.replace(/^data:image\/[a-z]+;base64,/i, '').replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(base64)) throw new AppException('VALIDATION_FAILED', `${field}不是有效的图片数据`);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > maxBytes) throw new AppException('PAYLOAD_TOO_LARGE', `${field}过大（最大 ${Math.round(maxBytes / 1024)} KB）`);
  const isPng = isWellFormedPng(bytes);
  const isJpeg = allowJpeg && bytes.length > 100 && bytes.subarray(0, 3).equals(JPEG_MAGIC);
  if (!isPng && !isJpeg) throw new AppException('VALIDATION_FAILED', `${field}必须是 PNG${allowJpeg ? ' 或 JPEG' : ''} 图片`);
  return { bytes, mime: isPng ? 'image/png' : 'image/jpeg', sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Content-addressed image store inside the database, written in the answer's own transaction. */
@Injectable()
export class EvidenceStore {
  async put(manager: EntityManager, image: EvidenceImage): Promise<string> {
    const chunks: Partial<EvidenceChunk>[] = [];
    for (let offset = 0, seq = 0; offset < image.bytes.length; offset += EVIDENCE_CHUNK_BYTES, seq++) {
      chunks.push({ sha256: image.sha256, seq, mime: image.mime, data: image.bytes.subarray(offset, offset + EVIDENCE_CHUNK_BYTES) });
    }
    // The same image stored twice is one set of chunks.
    await manager.createQueryBuilder().insert().into(EvidenceChunk).values(chunks).orIgnore().execute();
    return image.sha256;
  }

  async get(manager: EntityManager, sha256: string): Promise<{ mime: string; bytes: Buffer } | null> {
    const chunks = await manager.find(EvidenceChunk, { where: { sha256 }, order: { seq: 'ASC' } });
    if (!chunks.length) return null;
    return { mime: chunks[0].mime, bytes: Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.data))) };
  }
}
