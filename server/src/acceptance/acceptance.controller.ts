import { Controller, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AcceptanceService } from './acceptance.service.js';

/** POST inspections, PUT/GET acceptance, the photos (helper A). */
@ApiTags('acceptance')
@ApiBearerAuth()
@Controller('households')
export class AcceptanceController {
  constructor(@Inject(AcceptanceService) private readonly acceptance: AcceptanceService) {}
}
