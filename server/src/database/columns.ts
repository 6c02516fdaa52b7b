import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** mysql2 returns DECIMAL as a string; the domain wants numbers. */
export const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** Ids are UUIDs made by the application, so the same code runs on MySQL and SQLite. */
export abstract class IdEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @BeforeInsert()
  assignId() {
    if (!this.id) this.id = randomUUID();
  }
}

export function CreatedAtColumn() {
  return Column({ type: 'datetime', default: () => 'CURRENT_TIMESTAMP' });
}
