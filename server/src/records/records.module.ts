import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { EvidenceStore } from '../evidence/evidence.store.js';
import { PlacesModule } from '../places/places.module.js';
import { ApplicationService } from './application.service.js';
import { BoardsService } from './boards.service.js';
import { BoardsController, RecordsController } from './records.controller.js';
import { RefusalNoticesService } from './refusal-notices.service.js';

/**
 * Printable records and publicity boards (issue 12, API.md "Publicity, objections and printable
 * records"): the signed application, the final-refusal notice (issued by markFinal through
 * RefusalNoticeIssuer, which ConsultationsModule provides), and the compound's boards. See docs/publicity.md.
 */
@Module({
  imports: [PlacesModule, ConsultationsModule],
  controllers: [RecordsController, BoardsController],
  providers: [AuditService, EvidenceStore, ApplicationService, RefusalNoticesService, BoardsService],
})
export class RecordsModule {}
