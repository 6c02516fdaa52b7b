import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 12 (surveys). */
export class Surveys1765512000000 implements MigrationInterface {
  name = 'Surveys1765512000000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
