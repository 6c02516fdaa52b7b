import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dateColumn, idColumn, index, intColumn, longTextColumn, refColumn, textColumn } from './schema-helpers.js';

/** Issue 12 (records): the stored final-refusal notices and the compounds' publicity boards. */
export class Records1765339200000 implements MigrationInterface {
  name = 'Records1765339200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'refusal_notice',
        columns: [idColumn(), refColumn('consultationId'), refColumn('householdId'), longTextColumn('text'), textColumn('textSha256', 64), intColumn('visits'), dateColumn('issuedAt'), refColumn('issuedByStaffId')],
        indices: [index('uq_refusal_notice', ['consultationId', 'householdId'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'compound_board',
        columns: [
          { name: 'compoundId', type: 'varchar', length: '36', isPrimary: true },
          longTextColumn('materials'),
          longTextColumn('parties'),
          textColumn('complaintPhone', 20, true),
          dateColumn('updatedAt'),
          refColumn('updatedByStaffId'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('compound_board');
    await queryRunner.dropTable('refusal_notice');
  }
}
