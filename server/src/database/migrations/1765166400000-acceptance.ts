import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dateColumn, idColumn, index, intColumn, longTextColumn, refColumn, textColumn } from './schema-helpers.js';

const bool = (name: string, isNullable = false, fallback?: boolean) => ({ name, type: 'boolean', isNullable, ...(fallback === undefined ? {} : { default: fallback }) });
const sha = (name: string, isNullable = false) => textColumn(name, 64, isNullable);

/** Acceptance and warranty: inspections, per-household acceptance, supervisors' sign-offs, warranty notices, repairs (issue 11). */
export class Acceptance1765166400000 implements MigrationInterface {
  name = 'Acceptance1765166400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('work_plan', new TableColumn({ name: 'kind', type: 'varchar', length: '16', isNullable: false, default: "'PLUMBING'" }));
    await queryRunner.createTable(
      new Table({
        name: 'household_acceptance',
        columns: [
          idColumn(),
          refColumn('workPlanId'),
          refColumn('householdId'),
          refColumn('unitId'),
          textColumn('status', 16),
          refColumn('lastInspectionId', true),
          bool('lastInspectionPassed', false, false),
          bool('inspectedSinceRework', false, true),
          dateColumn('passedAt', true),
          dateColumn('acceptedAt', true),
          refColumn('acceptanceRecordId', true),
          dateColumn('updatedAt'),
        ],
        indices: [index('uq_household_acceptance', ['workPlanId', 'householdId'], true), index('ix_household_acceptance_unit', ['workPlanId', 'unitId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'work_inspection',
        columns: [idColumn(), refColumn('workPlanId'), refColumn('householdId'), refColumn('unitId'), refColumn('repairId', true), longTextColumn('results'), bool('passed'), textColumn('note', 300, true), refColumn('inspectorId'), dateColumn('at'), sha('evidenceSha256')],
        indices: [index('ix_work_inspection_household', ['householdId', 'workPlanId']), index('ix_work_inspection_repair', ['repairId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'acceptance_record',
        columns: [
          idColumn(),
          refColumn('workPlanId'),
          refColumn('householdId'),
          refColumn('repairId', true),
          textColumn('decision', 8),
          textColumn('channel', 8),
          refColumn('residentId', true),
          refColumn('staffId', true),
          refColumn('inspectionId', true),
          longTextColumn('defects'),
          sha('signatureSha256', true),
          sha('paperScanSha256', true),
          dateColumn('at'),
          sha('evidenceSha256'),
        ],
        indices: [index('ix_acceptance_record_household', ['householdId', 'workPlanId']), index('ix_acceptance_record_repair', ['repairId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'acceptance_sign_off',
        columns: [idColumn(), refColumn('acceptanceRecordId'), refColumn('workPlanId'), refColumn('householdId'), refColumn('supervisorHouseholdId'), textColumn('supervisorName', 20), refColumn('residentId'), sha('signatureSha256'), textColumn('note', 300, true), dateColumn('at'), sha('evidenceSha256')],
        indices: [index('uq_acceptance_sign_off', ['acceptanceRecordId', 'supervisorHouseholdId'], true), index('ix_acceptance_sign_off_household', ['householdId', 'workPlanId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'owner_supervisor',
        columns: [idColumn(), refColumn('compoundId'), refColumn('householdId'), textColumn('name', 20), refColumn('namedBy'), dateColumn('namedAt')],
        indices: [index('uq_owner_supervisor', ['compoundId', 'householdId'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'warranty_notice',
        columns: [idColumn(), refColumn('householdId'), intColumn('version'), longTextColumn('items'), textColumn('reason', 16), refColumn('sourceId'), dateColumn('issuedAt')],
        indices: [index('uq_warranty_notice_version', ['householdId', 'version'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'warranty_repair',
        columns: [
          idColumn(),
          refColumn('householdId'),
          refColumn('unitId'),
          refColumn('compoundId'),
          refColumn('workPlanId'),
          textColumn('part', 16),
          textColumn('description', 300),
          sha('photoSha256', true),
          bool('underWarranty'),
          textColumn('status', 16),
          refColumn('reportedByResidentId'),
          dateColumn('reportedAt'),
          refColumn('lastInspectionId', true),
          bool('lastInspectionPassed', true),
          dateColumn('repairedAt', true),
          dateColumn('acceptedAt', true),
          dateColumn('updatedAt'),
        ],
        indices: [index('ix_warranty_repair_household', ['householdId']), index('ix_warranty_repair_plan', ['workPlanId'])],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['warranty_repair', 'warranty_notice', 'owner_supervisor', 'acceptance_sign_off', 'acceptance_record', 'work_inspection', 'household_acceptance']) await queryRunner.dropTable(table);
    await queryRunner.dropColumn('work_plan', 'kind');
  }
}
