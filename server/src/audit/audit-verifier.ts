import type { DataSource } from 'typeorm';
import { AuditChainHead } from './audit-chain-head.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { verifyChain, type ChainProblem } from './audit-chain.js';

export interface AuditReport {
  chains: number;
  entries: number;
  problems: ChainProblem[];
}

/** Walks every chain (heads and entries alike, so a chain whose head or entries vanished is still seen). */
export async function verifyAuditLog(dataSource: DataSource): Promise<AuditReport> {
  const heads = new Map((await dataSource.getRepository(AuditChainHead).find()).map((h) => [h.chainKey, h]));
  const keys = await dataSource.getRepository(AuditEntry).createQueryBuilder('e').select('DISTINCT e.chainKey', 'chainKey').getRawMany<{ chainKey: string }>();
  const chainKeys = [...new Set([...heads.keys(), ...keys.map((k) => k.chainKey)])].sort();
  const report: AuditReport = { chains: chainKeys.length, entries: 0, problems: [] };
  for (const chainKey of chainKeys) {
    const entries = await dataSource.getRepository(AuditEntry).find({ where: { chainKey }, order: { seq: 'ASC' } });
    report.entries += entries.length;
    const head = heads.get(chainKey) ?? null;
    const problem = head ? verifyChain(chainKey, entries, head) : { chainKey, seq: 0, entryId: null, problem: 'the chain has entries but no head: the head was removed' };
    if (problem) report.problems.push(problem);
  }
  return report;
}
