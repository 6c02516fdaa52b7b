import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dateColumn, idColumn, index, longTextColumn, refColumn, textColumn } from './schema-helpers.js';

/** Issue 14 (the renovation pipeline): stages and hand-recorded gates, their moves, the advance notice; reminders no longer need a consultation. */
export class Pipeline1765598400000 implements MigrationInterface {
  name = 'Pipeline1765598400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'compound_pipeline',
        columns: [
          { ...refColumn('compoundId'), isPrimary: true },
          textColumn('stage', 16),
          dateColumn('since', true),
          textColumn('ownersOrganisationKind', 32, true),
          textColumn('ownersOrganisationName', 60, true),
          textColumn('ownersOrganisationFormedOn', 10, true),
          { name: 'fundPledgeRequired', type: 'boolean', default: false },
          { name: 'illegalStructuresCleared', type: 'boolean', isNullable: true },
          textColumn('illegalStructuresNote', 300, true),
          refColumn('illegalStructuresRecordedBy', true),
          dateColumn('illegalStructuresRecordedAt', true),
          dateColumn('updatedAt'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'pipeline_move',
        columns: [idColumn(), refColumn('compoundId'), textColumn('fromStage', 16), textColumn('toStage', 16), textColumn('note', 300, true), refColumn('staffId', true), dateColumn('at')],
        indices: [index('ix_pipeline_move_compound', ['compoundId', 'at'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'plan_notice',
        columns: [idColumn(), refColumn('compoundId'), textColumn('title', 60), longTextColumn('body'), textColumn('sha256', 64), refColumn('issuedBy'), dateColumn('issuedAt')],
        indices: [index('uq_plan_notice_compound', ['compoundId'], true)],
      }),
    );
    // A plan notice is about a compound, not a consultation.
    await queryRunner.changeColumn('reminder', 'consultationId', new TableColumn(refColumn('consultationId', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM inbox_message WHERE kind = 'PLAN_NOTICE'");
    await queryRunner.query("DELETE FROM reminder_delivery WHERE reminderId IN (SELECT id FROM reminder WHERE consultationId IS NULL)");
    await queryRunner.query('DELETE FROM reminder WHERE consultationId IS NULL');
    await queryRunner.changeColumn('reminder', 'consultationId', new TableColumn(refColumn('consultationId')));
    for (const table of ['plan_notice', 'pipeline_move', 'compound_pipeline']) await queryRunner.dropTable(table);
  }
}
