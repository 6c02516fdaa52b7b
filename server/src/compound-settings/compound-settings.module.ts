import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { PlacesModule } from '../places/places.module.js';
import { CompoundSettingsController } from './compound-settings.controller.js';
import { CompoundSettingsService } from './compound-settings.service.js';

/** A compound's settings (emergency phone, address) that consultations and notices print. */
@Module({
  imports: [PlacesModule],
  controllers: [CompoundSettingsController],
  providers: [AuditService, CompoundSettingsService],
})
export class CompoundSettingsModule {}
