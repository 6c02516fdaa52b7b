import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dateColumn, index, refColumn } from './schema-helpers.js';

/**
 * Outbox events are done only when handled: `dispatchedAt` becomes `enqueuedAt` (queued, not done),
 * with `handledAt`, a claim (`claimToken`, `claimedAt`) and a `generation` for the job id, like reminders.
 */
export class OutboxLeases1764475200000 implements MigrationInterface {
  name = 'OutboxLeases1764475200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('domain_event', 'ix_event_undispatched');
    await queryRunner.renameColumn('domain_event', 'dispatchedAt', 'enqueuedAt');
    await queryRunner.addColumns('domain_event', [
      new TableColumn({ name: 'generation', type: 'integer', default: 0 }),
      new TableColumn(refColumn('claimToken', true)),
      new TableColumn(dateColumn('claimedAt', true)),
      new TableColumn(dateColumn('handledAt', true)),
    ]);
    // Events queued before this change cannot be told apart from handled ones; handling them again would re-plan notices.
    const column = (name: string) => queryRunner.connection.driver.escape(name);
    await queryRunner.manager.createQueryBuilder().update('domain_event').set({ handledAt: () => column('enqueuedAt') }).where(`${column('enqueuedAt')} IS NOT NULL`).execute();
    await queryRunner.createIndex('domain_event', index('ix_event_pending', ['handledAt', 'enqueuedAt', 'id']));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('domain_event', 'ix_event_pending');
    // An event queued but not handled goes back to "not dispatched", so the old relay sends it again.
    const column = (name: string) => queryRunner.connection.driver.escape(name);
    await queryRunner.manager.createQueryBuilder().update('domain_event').set({ enqueuedAt: null }).where(`${column('handledAt')} IS NULL`).execute();
    for (const name of ['handledAt', 'claimedAt', 'claimToken', 'generation']) await queryRunner.dropColumn('domain_event', name);
    await queryRunner.renameColumn('domain_event', 'enqueuedAt', 'dispatchedAt');
    await queryRunner.createIndex('domain_event', index('ix_event_undispatched', ['dispatchedAt', 'id']));
  }
}
