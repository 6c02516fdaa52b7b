import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Signed audit checkpoints. */
export class AuditCheckpoints1764388800000 implements MigrationInterface {
  name = 'AuditCheckpoints1764388800000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
