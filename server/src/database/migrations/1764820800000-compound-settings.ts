import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { textColumn } from './schema-helpers.js';

/** A compound's emergency phone: the contractor's line that plumbing disclosures and notices print. */
export class CompoundSettings1764820800000 implements MigrationInterface {
  name = 'CompoundSettings1764820800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('compound', new TableColumn(textColumn('emergencyPhone', 20, true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // TypeORM rebuilds a SQLite table to drop a column, and undo leaves foreign keys on: the rebuild
    // could not drop a compound that buildings refer to. SQLite (3.35+) drops the column in place.
    if (queryRunner.connection.options.type === 'sqljs') await queryRunner.query('ALTER TABLE "compound" DROP COLUMN "emergencyPhone"');
    else await queryRunner.dropColumn('compound', 'emergencyPhone');
  }
}
