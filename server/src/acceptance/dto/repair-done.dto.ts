import { ApiPropertyOptional } from '@nestjs/swagger';
import { INSPECTION_LIMITS, type RepairDoneRequest } from '@linyi/shared';
import { NoteField } from './acceptance-fields.js';
import { InspectionResultDto, InspectionResultsField } from './inspection.dto.js';

const L = INSPECTION_LIMITS;

/** POST /api/households/{householdId}/repairs/{repairId}/done: the contractor's inspection after the repair, results as in inspections. */
export class RepairDoneDto implements RepairDoneRequest {
  @InspectionResultsField()
  results: InspectionResultDto[];

  @ApiPropertyOptional({ maxLength: L.note, example: '更换管根处密封圈，闭水试验合格' })
  @NoteField('维修说明')
  note?: string;
}
