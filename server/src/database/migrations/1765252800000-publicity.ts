import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAtColumn, dateColumn, idColumn, index, intColumn, refColumn, textColumn } from './schema-helpers.js';

const sha = (name: string, isNullable = false) => textColumn(name, 64, isNullable);

/** Issue 12 (publicity): the published result of a consultation and the objections to it. */
export class Publicity1765252800000 implements MigrationInterface {
  name = 'Publicity1765252800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'consultation_publicity',
        columns: [
          { name: 'consultationId', type: 'varchar', length: '36', isPrimary: true },
          refColumn('compoundId'),
          textColumn('stage', 16),
          intColumn('objectionDays'),
          dateColumn('preliminaryAt'),
          dateColumn('objectionClosesAt'),
          sha('preliminarySha256'),
          refColumn('preliminaryByStaffId'),
          dateColumn('finalAt', true),
          sha('finalSha256', true),
          refColumn('finalByStaffId', true),
        ],
        indices: [index('ix_publicity_compound', ['compoundId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'publicity_objection',
        columns: [
          idColumn(),
          refColumn('consultationId'),
          refColumn('householdId'),
          refColumn('filedByResidentId'),
          refColumn('filedByHouseholdId'),
          textColumn('text', 500),
          textColumn('status', 16),
          { name: 'upheld', type: 'boolean', isNullable: true },
          textColumn('resolution', 500, true),
          dateColumn('resolvedAt', true),
          refColumn('resolvedByStaffId', true),
          createdAtColumn(),
        ],
        indices: [index('ix_objection_consultation', ['consultationId', 'status']), index('ix_objection_filer', ['consultationId', 'filedByResidentId'])],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('publicity_objection');
    await queryRunner.dropTable('consultation_publicity');
  }
}
