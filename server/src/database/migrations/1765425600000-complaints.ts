import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dateColumn, idColumn, index, refColumn, textColumn } from './schema-helpers.js';

/** Issue 12 (complaints): what residents raise with the committee, and its reply. */
export class Complaints1765425600000 implements MigrationInterface {
  name = 'Complaints1765425600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'complaint',
        columns: [
          idColumn(),
          refColumn('householdId'),
          refColumn('compoundId'),
          textColumn('topic', 16),
          textColumn('text', 500),
          textColumn('photoSha256', 64, true),
          textColumn('status', 16),
          refColumn('filedByResidentId'),
          dateColumn('createdAt'),
          textColumn('reply', 500, true),
          dateColumn('repliedAt', true),
          refColumn('repliedByStaffId', true),
        ],
        indices: [index('ix_complaint_compound', ['compoundId', 'status']), index('ix_complaint_household', ['householdId'])],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('complaint');
  }
}
