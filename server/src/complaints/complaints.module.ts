import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { EvidenceStore } from '../evidence/evidence.store.js';
import { PlacesModule } from '../places/places.module.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsService } from './complaints.service.js';

/** Issue 12: complaints and suggestions (问计于民); see docs/publicity.md. */
@Module({
  imports: [PlacesModule],
  controllers: [ComplaintsController],
  providers: [AuditService, EvidenceStore, ComplaintsService],
})
export class ComplaintsModule {}
