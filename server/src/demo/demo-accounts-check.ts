import type { INestApplication } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { DEMO_LOGINS } from './demo-seeder.js';

/** The demo's staff accounts share a published password: production must not serve them. */
export class DemoAccountsInProductionError extends Error {
  constructor(readonly usernames: string[]) {
    super(
      `Refusing to start in production: the database holds the demo staff account(s) ${usernames.join(', ')}, whose password is public. ` +
        'Delete them, or disable them (staff_account.disabled = 1), then start again.',
    );
  }
}

/** Usernames of demo accounts that could still sign in (the database's collation also catches case and accent variants). */
export async function activeDemoAccounts(dataSource: DataSource): Promise<string[]> {
  const accounts = await dataSource.getRepository(StaffAccount).find({ where: { username: In(DEMO_LOGINS.map((l) => l.username)), disabled: false }, order: { username: 'ASC' } });
  return accounts.map((account) => account.username);
}

/** Boot check for production: closes the app and throws while any demo account is active. */
export async function refuseDemoAccounts(app: INestApplication): Promise<void> {
  const usernames = await activeDemoAccounts(app.get(DataSource));
  if (!usernames.length) return;
  await app.close();
  throw new DemoAccountsInProductionError(usernames);
}
