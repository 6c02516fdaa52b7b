import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox events are done only when handled, with leases. */
export class OutboxLeases1764475200000 implements MigrationInterface {
  name = 'OutboxLeases1764475200000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
