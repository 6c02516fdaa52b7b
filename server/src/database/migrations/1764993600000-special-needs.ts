import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dateColumn, idColumn, index, intColumn, longTextColumn, refColumn, textColumn } from './schema-helpers.js';

const hash = (name: string, isNullable = false) => textColumn(name, 64, isNullable);

/** Special-needs screening, care plans, online consents, consent scans and the sensitive-access log (issue 9). */
export class SpecialNeeds1764993600000 implements MigrationInterface {
  name = 'SpecialNeeds1764993600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'household_screening',
        columns: [
          idColumn(),
          refColumn('householdId'),
          refColumn('compoundId'),
          refColumn('unitId'),
          textColumn('status', 16),
          textColumn('needs', 200, true),
          textColumn('note', 200, true),
          textColumn('legalBasis', 20, true),
          textColumn('consentKind', 8, true),
          hash('consentSha256', true),
          dateColumn('consentGivenAt', true),
          refColumn('onlineConsentId', true),
          hash('detailsSalt', true),
          dateColumn('screenedAt'),
          refColumn('screenedBy'),
          dateColumn('withdrawnAt', true),
          refColumn('withdrawnBy', true),
          dateColumn('erasedAt', true),
          textColumn('erasedReason', 32, true),
          { ...intColumn('version'), default: 1 },
        ],
        indices: [index('uq_screening_household', ['householdId'], true), index('ix_screening_unit', ['unitId']), index('ix_screening_compound', ['compoundId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'care_plan',
        columns: [
          idColumn(),
          refColumn('householdId'),
          longTextColumn('measures'),
          textColumn('contactName', 30, true),
          textColumn('contactPhone', 20, true),
          textColumn('assistanceNote', 60),
          dateColumn('updatedAt'),
          refColumn('updatedBy'),
        ],
        indices: [index('uq_care_plan_household', ['householdId'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'screening_consent',
        columns: [idColumn(), refColumn('householdId'), refColumn('residentId'), textColumn('textVersion', 64), hash('textSha256'), dateColumn('givenAt'), dateColumn('withdrawnAt', true)],
        indices: [index('ix_screening_consent_household', ['householdId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'screening_scan_chunk',
        columns: [{ ...hash('sha256'), isPrimary: true }, { ...intColumn('seq'), isPrimary: true }, refColumn('householdId'), textColumn('mime', 32), { name: 'data', type: 'blob' }],
        indices: [index('ix_scan_household', ['householdId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sensitive_access_log',
        columns: [idColumn(), dateColumn('at'), refColumn('staffId'), refColumn('streetOfficeId'), refColumn('compoundId'), refColumn('unitId', true), refColumn('householdId', true), textColumn('action', 24)],
        indices: [index('ix_access_street_at', ['streetOfficeId', 'at']), index('ix_access_household', ['householdId']), index('ix_access_compound_at', ['compoundId', 'at']), index('ix_access_unit_at', ['unitId', 'at'])],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['sensitive_access_log', 'screening_scan_chunk', 'screening_consent', 'care_plan', 'household_screening']) await queryRunner.dropTable(table);
  }
}
