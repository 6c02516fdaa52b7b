import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { PlacesModule } from '../places/places.module.js';
import { HouseholdMember } from './household-member.entity.js';
import { InviteCode } from './invite-code.entity.js';
import { InviteCodesService } from './invite-codes.service.js';
import { MeService } from './me.service.js';
import { Resident } from './resident.entity.js';
import { ResidentsController } from './residents.controller.js';

@Module({
  imports: [AuthModule, PlacesModule, TypeOrmModule.forFeature([Resident, HouseholdMember, InviteCode, Household, Compound])],
  controllers: [ResidentsController],
  providers: [InviteCodesService, MeService],
})
export class ResidentsModule {}
