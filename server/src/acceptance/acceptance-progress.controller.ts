import { Controller, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AcceptanceProgressService } from './acceptance-progress.service.js';

/** GET /work-plans/{id}/acceptance (helper C). */
@ApiTags('acceptance')
@ApiBearerAuth()
@Controller('work-plans')
export class AcceptanceProgressController {
  constructor(@Inject(AcceptanceProgressService) private readonly progress: AcceptanceProgressService) {}
}
