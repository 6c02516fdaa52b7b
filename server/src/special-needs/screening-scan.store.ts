import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AppException } from '../common/app.exception.js';
import { isUniqueViolation, type UniqueIndex } from '../database/unique-violation.js';
import { EVIDENCE_CHUNK_BYTES } from '../evidence/evidence-chunk.entity.js';
import { decodeImage, type EvidenceImage } from '../evidence/evidence.store.js';
import { ScreeningScanChunk } from './screening-scan-chunk.entity.js';

/** As large as a paper answer's scan (responses.service.ts): a phone photo of an A4 form. */
export const CONSENT_SCAN_MAX_BYTES = 5 * 1024 * 1024;

const SCAN_KEY: UniqueIndex = { name: 'PRIMARY', columns: 'screening_scan_chunk.sha256, screening_scan_chunk.seq' };

// A consent form is signed for one household: the same scan on another is a mix-up.
const scanOfAnotherHousehold = () => new AppException('VALIDATION_FAILED', '这张同意书扫描件已登记在另一户，请上传本户居民签字的同意书');

/** A signed consent form from the request: a real PNG or JPEG of at most CONSENT_SCAN_MAX_BYTES. */
export const decodeConsentScan = (value: string): EvidenceImage => decodeImage(value, '同意书扫描件', CONSENT_SCAN_MAX_BYTES, true);

/**
 * Consent-form scans of a household, in 60 KB chunks inside the caller's transaction. Unlike
 * signatures they name the household's needs: every chunk carries its household, so erasure can
 * delete them with the details (`deleteCarePlanAndScans`).
 */
@Injectable()
export class ScreeningScanStore {
  /** Stores the scan for the household (once: the same scan again is left as it is). */
  async put(manager: EntityManager, householdId: string, image: EvidenceImage): Promise<string> {
    const owners = await this.ownersOf(manager, image.sha256);
    if (owners.includes(householdId)) return image.sha256;
    if (owners.length) throw scanOfAnotherHousehold();
    const chunks: ScreeningScanChunk[] = [];
    for (let offset = 0, seq = 0; offset < image.bytes.length; offset += EVIDENCE_CHUNK_BYTES, seq++) {
      chunks.push(manager.create(ScreeningScanChunk, { sha256: image.sha256, seq, householdId, mime: image.mime, data: image.bytes.subarray(offset, offset + EVIDENCE_CHUNK_BYTES) }));
    }
    try {
      await manager.insert(ScreeningScanChunk, chunks);
    } catch (error) {
      // Another household's screening stored the same bytes after the check above: the same mix-up.
      if (isUniqueViolation(error, SCAN_KEY)) throw scanOfAnotherHousehold();
      throw error;
    }
    return image.sha256;
  }

  async get(manager: EntityManager, householdId: string, sha256: string): Promise<{ mime: string; bytes: Buffer } | null> {
    const chunks = await manager.find(ScreeningScanChunk, { where: { sha256, householdId }, order: { seq: 'ASC' } });
    if (!chunks.length) return null;
    return { mime: chunks[0].mime, bytes: Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.data))) };
  }

  async has(manager: EntityManager, householdId: string, sha256: string): Promise<boolean> {
    return manager.existsBy(ScreeningScanChunk, { sha256, householdId, seq: 0 });
  }

  /** Whether any scan of the household is kept (what erasure would delete). */
  async any(manager: EntityManager, householdId: string): Promise<boolean> {
    return manager.existsBy(ScreeningScanChunk, { householdId });
  }

  /** Deletes one scan of the household by its full keys: row locks only, no range of the index. */
  async delete(manager: EntityManager, householdId: string, sha256: string): Promise<void> {
    const rows = await manager.find(ScreeningScanChunk, { select: { seq: true }, where: { sha256, householdId } });
    if (rows.length) await manager.delete(ScreeningScanChunk, { sha256, seq: In(rows.map((row) => row.seq)) });
  }

  private async ownersOf(manager: EntityManager, sha256: string): Promise<string[]> {
    const rows = await manager.find(ScreeningScanChunk, { select: { householdId: true }, where: { sha256, seq: 0 } });
    return rows.map((row) => row.householdId);
  }
}
