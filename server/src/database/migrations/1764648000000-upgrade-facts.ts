import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Upgrade quotes and payments as append-only facts. */
export class UpgradeFacts1764648000000 implements MigrationInterface {
  name = 'UpgradeFacts1764648000000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
