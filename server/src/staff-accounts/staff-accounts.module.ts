import { Module } from '@nestjs/common';

/** Staff accounts: street and admin staff create, re-scope and disable accounts in their scope. */
@Module({})
export class StaffAccountsModule {}
