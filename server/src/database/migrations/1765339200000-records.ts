import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 12 (records). */
export class Records1765339200000 implements MigrationInterface {
  name = 'Records1765339200000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
