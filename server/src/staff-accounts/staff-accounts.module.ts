import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AuthModule } from '../auth/auth.module.js';
import { Community } from '../places/community.entity.js';
import { Compound } from '../places/compound.entity.js';
import { StreetOffice } from '../places/street-office.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { StaffAccountPlaces } from './staff-account-places.js';
import { StaffAccountsController } from './staff-accounts.controller.js';
import { StaffAccountsService } from './staff-accounts.service.js';
import { StaffMeController } from './staff-me.controller.js';

/** Staff accounts: street and admin staff create, re-scope and disable accounts in their scope. */
@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([StaffAccount, StreetOffice, Community, Compound])],
  controllers: [StaffMeController, StaffAccountsController],
  // AuditService is stateless (it appends in the caller's transaction): each feature registers its own.
  providers: [AuditService, StaffAccountPlaces, StaffAccountsService],
})
export class StaffAccountsModule {}
