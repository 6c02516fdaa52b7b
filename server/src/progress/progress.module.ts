import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { PlacesModule } from '../places/places.module.js';
import { CompoundHouseholdsService } from './compound-households.service.js';
import { ProgressController } from './progress.controller.js';
import { ProgressService } from './progress.service.js';

/** Progress views for the console: answer trends, answer classes and household states. */
@Module({
  imports: [PlacesModule, ConsultationsModule],
  controllers: [ProgressController],
  providers: [ProgressService, CompoundHouseholdsService],
})
export class ProgressModule {}
