import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 12 (complaints). */
export class Complaints1765425600000 implements MigrationInterface {
  name = 'Complaints1765425600000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
