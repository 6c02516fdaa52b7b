import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { AccessService } from './access.service.js';
import { Building } from './building.entity.js';
import { Community } from './community.entity.js';
import { Compound } from './compound.entity.js';
import { Household } from './household.entity.js';
import { PlacesController } from './places.controller.js';
import { PlacesService } from './places.service.js';
import { StreetOffice } from './street-office.entity.js';
import { Unit } from './unit.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([StreetOffice, Community, Compound, Building, Unit, Household, HouseholdMember])],
  controllers: [PlacesController],
  providers: [AccessService, PlacesService],
  exports: [AccessService],
})
export class PlacesModule {}
