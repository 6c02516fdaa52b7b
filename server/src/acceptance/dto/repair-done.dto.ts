import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSPECTION_LIMITS, type RepairDoneRequest } from '@linyi/shared';
import { ArrayMinSize, IsString } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { NestedList } from '../../common/validation/nested-list.js';
import { OptionalField } from '../../common/validation/optional-field.js';
import { InspectionResultDto } from './inspection.dto.js';

const L = INSPECTION_LIMITS;

/** POST /api/households/{householdId}/repairs/{repairId}/done: the contractor's inspection after the repair, results as in inspections. */
export class RepairDoneDto implements RepairDoneRequest {
  @ApiProperty({ type: [InspectionResultDto], minItems: 1, maxItems: L.results })
  @ArrayMinSize(1, { message: '请至少填写一项检测结果' })
  @NestedList(() => InspectionResultDto, { max: L.results, what: '检测结果' })
  results: InspectionResultDto[];

  @ApiPropertyOptional({ maxLength: L.note, example: '更换管根处密封圈，闭水试验合格' })
  @OptionalField()
  @CharLength(0, L.note, { message: `维修说明最多 ${L.note} 个字` })
  @IsString({ message: '维修说明必须是文字' })
  note?: string;
}
