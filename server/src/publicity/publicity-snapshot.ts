import { answerClassOf, DecisionRule, publicityGroup, publicitySnapshotText, type Answer, type CountedHousehold, type PublicityGroup } from '@linyi/shared';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ConsultationGroup } from '../consultations/consultation-group.entity.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import type { Consultation } from '../consultations/consultation.entity.js';
import { EVIDENCE_CHUNK_BYTES, EvidenceChunk } from '../evidence/evidence-chunk.entity.js';
import { Household } from '../places/household.entity.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';

const SNAPSHOT_MIME = 'application/json';

export interface Snapshot {
  groups: PublicityGroup[];
  text: string;
  sha256: string;
}

/**
 * The groups as counted now: the frozen electorate (group, area), each household's current answer
 * reduced to its class, its room label (never a name or phone), and the group's settled state.
 */
export async function countNow(manager: EntityManager, consultation: Consultation): Promise<Snapshot> {
  const groups = await manager.findBy(ConsultationGroup, { consultationId: consultation.id });
  const rows = await manager
    .createQueryBuilder(ConsultationHousehold, 'ch')
    .innerJoin(Household, 'h', 'h.id = ch.householdId')
    .leftJoin(HouseholdResponse, 'r', 'r.consultationId = ch.consultationId AND r.householdId = ch.householdId')
    .select('ch.householdId', 'householdId')
    .addSelect('ch.groupId', 'groupId')
    .addSelect('ch.areaCenti', 'areaCenti')
    .addSelect('h.label', 'label')
    .addSelect('r.answer', 'answer')
    .addSelect('r.optionId', 'optionId')
    .where('ch.consultationId = :id', { id: consultation.id })
    .getRawMany<{ householdId: string; groupId: string; areaCenti: number | string; label: string; answer: Answer | null; optionId: string | null }>();
  const byGroup = new Map<string, CountedHousehold[]>();
  for (const row of rows) {
    const list = byGroup.get(row.groupId) ?? [];
    list.push({ householdId: row.householdId, label: row.label, areaCenti: Number(row.areaCenti), answerClass: answerClassOf(row.answer ?? null, row.optionId ?? null), optionId: row.optionId ?? null });
    byGroup.set(row.groupId, list);
  }
  const plurality = consultation.rule === DecisionRule.Plurality;
  const counted = groups.map((g) => publicityGroup({ groupId: g.placeId, label: g.label, state: g.state, plurality }, byGroup.get(g.id) ?? []));
  return sealed(counted);
}

function sealed(groups: PublicityGroup[]): Snapshot {
  const text = publicitySnapshotText(groups);
  return { groups: JSON.parse(text) as PublicityGroup[], text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** Stores the snapshot's canonical text in the evidence store under its SHA-256 (the same snapshot twice is one copy). */
export async function storeSnapshot(manager: EntityManager, snapshot: Snapshot): Promise<void> {
  const bytes = Buffer.from(snapshot.text, 'utf8');
  const chunks: Partial<EvidenceChunk>[] = [];
  for (let offset = 0, seq = 0; offset < bytes.length || seq === 0; offset += EVIDENCE_CHUNK_BYTES, seq++) {
    chunks.push({ sha256: snapshot.sha256, seq, mime: SNAPSHOT_MIME, data: bytes.subarray(offset, offset + EVIDENCE_CHUNK_BYTES) });
  }
  await manager.createQueryBuilder().insert().into(EvidenceChunk).values(chunks).orIgnore().execute();
}

/** The published groups, read back and checked against their hash: a changed stored snapshot is an error, never shown. */
export async function loadSnapshot(manager: EntityManager, sha256: string): Promise<PublicityGroup[]> {
  const chunks = await manager.find(EvidenceChunk, { where: { sha256 }, order: { seq: 'ASC' } });
  const text = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.data))).toString('utf8');
  if (!chunks.length || createHash('sha256').update(text, 'utf8').digest('hex') !== sha256) throw new Error(`publicity snapshot ${sha256} is missing or does not match its hash`);
  return JSON.parse(text) as PublicityGroup[];
}
