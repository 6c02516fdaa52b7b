import { Controller, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { WarrantyService } from './warranty.service.js';

/** GET warranty and warranty.pdf (helper B). */
@ApiTags('acceptance')
@ApiBearerAuth()
@Controller('households')
export class WarrantyController {
  constructor(@Inject(WarrantyService) private readonly warranty: WarrantyService) {}
}
