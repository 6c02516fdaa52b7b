import { Controller, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { OwnerSupervisorsService } from './owner-supervisors.service.js';

/** owner-supervisors, sign-offs, /me/supervision (helper C). */
@ApiTags('acceptance')
@ApiBearerAuth()
@Controller()
export class OwnerSupervisorsController {
  constructor(@Inject(OwnerSupervisorsService) private readonly supervisors: OwnerSupervisorsService) {}
}
