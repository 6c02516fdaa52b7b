import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Staff accounts can be disabled; tokens follow the account. */
export class StaffAccountStatus1764561600000 implements MigrationInterface {
  name = 'StaffAccountStatus1764561600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('staff_account', new TableColumn({ name: 'disabled', type: 'boolean', default: false }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('staff_account', 'disabled');
  }
}
