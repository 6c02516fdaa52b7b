import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dateColumn, idColumn, index, intColumn, longTextColumn, refColumn, textColumn } from './schema-helpers.js';

/** In-home works: plans, their units, windows with capacity, bookings; reminders learn what they are about (issue 10). */
export class Works1765080000000 implements MigrationInterface {
  name = 'Works1765080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'work_plan',
        columns: [
          idColumn(),
          refColumn('compoundId'),
          refColumn('consultationId'),
          textColumn('title', 60),
          longTextColumn('steps'),
          textColumn('waterCut', 200, true),
          textColumn('temporaryWater', 200, true),
          textColumn('temporarySewage', 200, true),
          textColumn('contactPhone', 20, true),
          textColumn('status', 16),
          refColumn('createdBy'),
          dateColumn('createdAt'),
          dateColumn('publishedAt', true),
          refColumn('publishedBy', true),
        ],
        indices: [index('ix_work_plan_compound', ['compoundId'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'work_plan_unit',
        columns: [idColumn(), refColumn('workPlanId'), refColumn('unitId'), textColumn('publishedKey', 80, true)],
        indices: [index('uq_work_plan_unit', ['workPlanId', 'unitId'], true), index('ix_work_plan_unit_unit', ['unitId']), index('uq_work_plan_unit_published', ['publishedKey'], true)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'work_window',
        columns: [idColumn(), refColumn('workPlanId'), refColumn('unitId'), dateColumn('startsAt'), dateColumn('endsAt'), intColumn('capacity'), intColumn('booked'), { name: 'priority', type: 'boolean' }, dateColumn('createdAt')],
        indices: [index('ix_work_window_plan', ['workPlanId', 'unitId']), index('ix_work_window_starts', ['startsAt'])],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'work_booking',
        columns: [
          idColumn(),
          refColumn('workPlanId'),
          refColumn('householdId'),
          refColumn('unitId'),
          refColumn('windowId'),
          textColumn('contactPhone', 20, true),
          refColumn('bookedByResidentId', true),
          refColumn('bookedByStaffId', true),
          dateColumn('bookedAt'),
          dateColumn('updatedAt'),
        ],
        indices: [index('uq_work_booking_household', ['workPlanId', 'householdId'], true), index('ix_work_booking_window', ['windowId'])],
      }),
    );
    await queryRunner.addColumn('reminder', new TableColumn(refColumn('subjectId', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('reminder', 'subjectId');
    for (const table of ['work_booking', 'work_window', 'work_plan_unit', 'work_plan']) await queryRunner.dropTable(table);
  }
}
