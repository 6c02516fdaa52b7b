import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { canonicalUsername } from '../../auth/attempt-keys.rules.js';

/** Two or more stored usernames that would become one when canonicalised: an operator must rename one first. */
export class UsernameClashError extends Error {
  constructor(readonly clashes: string[][]) {
    super(
      `Cannot canonicalise staff_account.username: ${clashes.map((names) => names.map((name) => JSON.stringify(name)).join(' = ')).join('; ')}. ` +
        'Rename or delete all but one account of each group, then run the migration again.',
    );
  }
}

/**
 * Staff accounts get a credentials version (raised by each password change, carried by the token, so
 * a reset ends the account's sessions), and usernames stored before names were canonicalised are
 * stored canonical, as sign-in looks them up (SQLite compares exactly: `GM-Wang` could not sign in).
 */
export class StaffCredentials1764907200000 implements MigrationInterface {
  name = 'StaffCredentials1764907200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Names first: MariaDB commits at ADD COLUMN, so a clash must stop the migration before it.
    await canonicaliseUsernames(queryRunner);
    await queryRunner.addColumn('staff_account', new TableColumn({ name: 'credentialsVersion', type: 'integer', default: 0 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Names stay canonical: the earlier spelling is not kept, and a canonical name signs in on either schema.
    // SQLite (3.35+) drops the column in place rather than rebuilding the table.
    if (queryRunner.connection.options.type === 'sqljs') await queryRunner.query('ALTER TABLE "staff_account" DROP COLUMN "credentialsVersion"');
    else await queryRunner.dropColumn('staff_account', 'credentialsVersion');
  }
}

async function canonicaliseUsernames(queryRunner: QueryRunner): Promise<void> {
  const rows: Array<{ id: string; username: string }> = await queryRunner.query('SELECT id, username FROM staff_account');
  const byCanonical = new Map<string, Array<{ id: string; username: string }>>();
  for (const row of rows) {
    const canonical = canonicalUsername(row.username);
    byCanonical.set(canonical, [...(byCanonical.get(canonical) ?? []), row]);
  }
  const clashes = [...byCanonical.values()].filter((group) => group.length > 1).map((group) => group.map((row) => row.username).sort());
  if (clashes.length) throw new UsernameClashError(clashes);
  for (const [canonical, [row]] of byCanonical) {
    if (row.username !== canonical) await queryRunner.query('UPDATE staff_account SET username = ? WHERE id = ?', [canonical, row.id]);
  }
}
