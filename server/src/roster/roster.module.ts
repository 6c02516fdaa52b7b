import { Module } from '@nestjs/common';
import { PlacesModule } from '../places/places.module.js';
import { RosterTemplateController } from './roster-template.controller.js';
import { RosterController } from './roster.controller.js';
import { RosterService } from './roster.service.js';

@Module({
  imports: [PlacesModule],
  controllers: [RosterController, RosterTemplateController],
  providers: [RosterService],
})
export class RosterModule {}
