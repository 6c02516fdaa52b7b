import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

/** Stub: routes are added by the works issue (API.md "In-home works and booking"). */
@ApiTags('works')
@ApiBearerAuth()
@Controller('work-plans')
export class CrewListController {}
