import { Module } from '@nestjs/common';
import { PlacesModule } from '../places/places.module.js';
import { RosterController } from './roster.controller.js';
import { RosterService } from './roster.service.js';

@Module({
  imports: [PlacesModule],
  controllers: [RosterController],
  providers: [RosterService],
})
export class RosterModule {}
