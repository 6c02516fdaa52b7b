import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createdAtColumn, dateColumn, foreignKey, idColumn, index, intColumn, longTextColumn, refColumn, textColumn } from './schema-helpers.js';

const hash = (name: string, isNullable = false) => textColumn(name, 64, isNullable);

/** Consultations, the frozen electorate, live group counters, answers with history, evidence, visits, events and the audit chain. */
export class ConsentEngine1764216000000 implements MigrationInterface {
  name = 'ConsentEngine1764216000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'consultation',
        columns: [
          idColumn(),
          refColumn('compoundId'),
          textColumn('kind', 32),
          textColumn('title', 120),
          longTextColumn('body'),
          textColumn('rule', 24),
          textColumn('groupBy', 16),
          longTextColumn('options'),
          longTextColumn('disclosures'),
          longTextColumn('unitIds', true),
          dateColumn('opensAt'),
          dateColumn('deadline'),
          textColumn('status', 16),
          intColumn('turnoutPercent'),
          { name: 'ownersOnly', type: 'boolean' },
          intColumn('visitsBeforeFinal'),
          hash('textSha256'),
          refColumn('createdByStaffId'),
          createdAtColumn(),
          dateColumn('publishedAt', true),
          dateColumn('closedAt', true),
        ],
        indices: [index('ix_consultation_compound_status', ['compoundId', 'status'])],
        foreignKeys: [foreignKey('fk_consultation_compound', 'compoundId', 'compound')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'consultation_household',
        columns: [
          { ...refColumn('consultationId'), isPrimary: true },
          { ...refColumn('householdId'), isPrimary: true },
          refColumn('groupId'),
          refColumn('unitId'),
          intColumn('areaCenti'),
          textColumn('ownerKey', 64),
        ],
        indices: [index('ix_electorate_group', ['consultationId', 'groupId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'consultation_group',
        columns: [
          idColumn(),
          refColumn('consultationId'),
          textColumn('groupType', 16),
          refColumn('placeId'),
          textColumn('label', 120),
          ...['households', 'responded', 'agreed', 'refused', 'abstained', 'missing'].map((name) => intColumn(name)),
          textColumn('state', 16),
          textColumn('reason', 200),
          textColumn('leadingOptionId', 64, true),
          intColumn('revision'),
        ],
        indices: [index('uq_group_consultation_place', ['consultationId', 'placeId'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'consultation_tally',
        columns: [
          { ...refColumn('consultationId'), isPrimary: true },
          { ...intColumn('shard'), isPrimary: true },
          ...['householdsTotal', 'householdsAnswered', 'groupsTotal', 'groupsReached', 'groupsFailed'].map((name) => intColumn(name)),
        ],
      }),
    );
    const answerColumns = [
      refColumn('consultationId'),
      refColumn('householdId'),
      textColumn('answer', 16),
      textColumn('optionId', 64, true),
      intColumn('version'),
      textColumn('channel', 16),
      refColumn('residentId', true),
      refColumn('staffId', true),
      longTextColumn('acknowledgedDisclosureIds'),
      hash('signatureSha256', true),
      hash('paperScanSha256', true),
      hash('evidenceSha256'),
      dateColumn('answeredAt'),
    ];
    await queryRunner.createTable(
      new Table({
        name: 'household_response',
        columns: [idColumn(), ...answerColumns, dateColumn('finalRefusalAt', true)],
        indices: [index('uq_response_consultation_household', ['consultationId', 'householdId'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'household_response_history',
        columns: [idColumn(), ...answerColumns],
        indices: [index('uq_history_version', ['consultationId', 'householdId', 'version'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'upgrade_request',
        columns: [
          idColumn(),
          refColumn('consultationId'),
          refColumn('householdId'),
          textColumn('description', 500),
          intColumn('quotedFen', true),
          dateColumn('quotedAt', true),
          dateColumn('paidAt', true),
          refColumn('recordedByStaffId', true),
          createdAtColumn(),
        ],
        indices: [index('uq_upgrade_consultation_household', ['consultationId', 'householdId'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'evidence_chunk',
        columns: [{ ...hash('sha256'), isPrimary: true }, { ...intColumn('seq'), isPrimary: true }, textColumn('mime', 32), { name: 'data', type: 'blob' }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'home_visit',
        columns: [idColumn(), refColumn('consultationId'), refColumn('householdId'), textColumn('outcome', 16), textColumn('note', 1000), refColumn('staffId'), dateColumn('visitedAt')],
        indices: [index('ix_visit_consultation_household', ['consultationId', 'householdId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'domain_event',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          textColumn('type', 40),
          refColumn('subjectId'),
          longTextColumn('payload'),
          dateColumn('occurredAt'),
          dateColumn('dispatchedAt', true),
        ],
        indices: [index('ix_event_undispatched', ['dispatchedAt', 'id'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          idColumn(),
          textColumn('chainKey', 80),
          intColumn('seq'),
          textColumn('action', 40),
          textColumn('actor', 48),
          refColumn('subjectId'),
          longTextColumn('payload'),
          textColumn('at', 30),
          hash('prevHash'),
          hash('hash'),
        ],
        indices: [index('uq_audit_chain_seq', ['chainKey', 'seq'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({ name: 'audit_chain_head', columns: [{ ...textColumn('chainKey', 80), isPrimary: true }, intColumn('seq'), hash('hash')] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const tables = ['audit_chain_head', 'audit_entry', 'domain_event', 'home_visit', 'evidence_chunk', 'upgrade_request', 'household_response_history'];
    for (const table of [...tables, 'household_response', 'consultation_tally', 'consultation_group', 'consultation_household', 'consultation']) {
      await queryRunner.dropTable(table);
    }
  }
}
