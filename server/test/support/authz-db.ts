import type { DataSource } from 'typeorm';

/** Tables that change for reasons other than the matrix's requests, each with why. */
export const CHANGING_TABLES: Record<string, string> = {
  resident: 'the public dev-login check signs a new resident in',
  audit_checkpoint: 'checkpoints are taken on a timer',
  audit_checkpoint_chain: 'as above',
};

/** One checksum per table (MariaDB CHECKSUM TABLE): a refused request must leave every one alone. */
export async function tableChecksums(dataSource: DataSource): Promise<Map<string, string>> {
  const tables: Array<{ name: string }> = await dataSource.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'");
  const names = tables.map((t) => t.name).filter((name) => !(name in CHANGING_TABLES));
  const rows: Array<{ Table: string; Checksum: string | number | null }> = await dataSource.query(`CHECKSUM TABLE ${names.map((n) => `\`${n}\``).join(', ')}`);
  return new Map(rows.map((row) => [row.Table.split('.').pop()!, String(row.Checksum)]));
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
