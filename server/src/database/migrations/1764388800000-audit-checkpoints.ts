import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { index, intColumn, textColumn } from './schema-helpers.js';

/** Signed audit checkpoints, and the chain heads each one recorded (only those that moved since the one before). */
export class AuditCheckpoints1764388800000 implements MigrationInterface {
  name = 'AuditCheckpoints1764388800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_checkpoint',
        columns: [{ ...intColumn('seq'), isPrimary: true }, textColumn('createdAt', 24), textColumn('root', 64), intColumn('chains'), textColumn('signature', 88), textColumn('keyId', 64)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_checkpoint_chain',
        columns: [{ ...textColumn('chainKey', 80), isPrimary: true }, { ...intColumn('checkpointSeq'), isPrimary: true }, intColumn('seq'), textColumn('hash', 64)],
        indices: [index('ix_checkpoint_chain_checkpoint', ['checkpointSeq'])],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_checkpoint_chain');
    await queryRunner.dropTable('audit_checkpoint');
  }
}
