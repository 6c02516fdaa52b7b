import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff accounts can be disabled; tokens follow the account. */
export class StaffAccountStatus1764561600000 implements MigrationInterface {
  name = 'StaffAccountStatus1764561600000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
