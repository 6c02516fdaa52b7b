import { Controller, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RepairsService } from './repairs.service.js';

/** Repairs routes (helper B). */
@ApiTags('acceptance')
@ApiBearerAuth()
@Controller()
export class RepairsController {
  constructor(@Inject(RepairsService) private readonly repairs: RepairsService) {}
}
