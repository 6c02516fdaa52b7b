import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dateColumn, idColumn, index, longTextColumn, refColumn, textColumn } from './schema-helpers.js';

/** Issue 12 (surveys): surveys, who answered (once per household), and the answers, kept apart for anonymous surveys. */
export class Surveys1765512000000 implements MigrationInterface {
  name = 'Surveys1765512000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'survey',
        columns: [
          idColumn(),
          refColumn('compoundId'),
          textColumn('purpose', 24),
          textColumn('title', 120),
          longTextColumn('intro'),
          { name: 'anonymous', type: 'boolean', isNullable: false },
          longTextColumn('questions'),
          textColumn('status', 16),
          dateColumn('closesAt'),
          refColumn('createdByStaffId'),
          dateColumn('createdAt'),
          dateColumn('publishedAt', true),
          dateColumn('closedAt', true),
        ],
        indices: [index('ix_survey_compound', ['compoundId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'survey_participation',
        columns: [idColumn(), refColumn('surveyId'), refColumn('householdId'), refColumn('residentId'), dateColumn('answeredAt')],
        indices: [index('uq_survey_participation', ['surveyId', 'householdId'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'survey_answer',
        columns: [idColumn(), refColumn('surveyId'), longTextColumn('answers'), refColumn('householdId', true)],
        indices: [index('ix_survey_answer_survey', ['surveyId'])],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['survey_answer', 'survey_participation', 'survey']) await queryRunner.dropTable(table);
  }
}
