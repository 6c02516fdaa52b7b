import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 12 (publicity). */
export class Publicity1765252800000 implements MigrationInterface {
  name = 'Publicity1765252800000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
