import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dateColumn, textColumn } from './schema-helpers.js';

/** Outbox events count their handling attempts and are parked after too many. */
export class EventAttempts1764734400000 implements MigrationInterface {
  name = 'EventAttempts1764734400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('domain_event', [
      new TableColumn({ name: 'attempts', type: 'integer', default: 0 }),
      new TableColumn(dateColumn('deadAt', true)),
      new TableColumn(textColumn('lastError', 300, true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // A parked event comes back as merely unhandled: the old relay queues it again after its lease.
    for (const name of ['lastError', 'deadAt', 'attempts']) await queryRunner.dropColumn('domain_event', name);
  }
}
