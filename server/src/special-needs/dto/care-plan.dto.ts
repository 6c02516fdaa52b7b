import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSISTANCE_NOTE_MAX, CONTACT_NAME_MAX, MEASURE_DESCRIPTION_MAX, MEASURES_MAX, MeasureKind, type CarePlanMeasure, type CarePlanRequest } from '@linyi/shared';
import { ArrayMinSize, IsEnum, IsString } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { NestedList } from '../../common/validation/nested-list.js';
import { NullableField } from '../../common/validation/optional-field.js';

const KINDS = Object.values(MeasureKind).join('、');

export class CarePlanMeasureDto implements CarePlanMeasure {
  @ApiProperty({ enum: MeasureKind })
  @IsEnum(MeasureKind, { message: `照顾措施类型只能是 ${KINDS}` })
  kind: MeasureKind;

  @ApiProperty({ maxLength: MEASURE_DESCRIPTION_MAX, example: '女儿接到家中住三天' })
  @CharLength(1, MEASURE_DESCRIPTION_MAX, { message: `每项照顾措施的具体安排应为 1 到 ${MEASURE_DESCRIPTION_MAX} 个字` })
  @IsString({ message: '照顾措施的具体安排必须是文字' })
  description: string;
}

/** PUT /api/households/{householdId}/care-plan; the assistance note is checked by `assistanceNoteProblem` in the service. */
export class CarePlanDto implements CarePlanRequest {
  @ApiProperty({ type: [CarePlanMeasureDto], minItems: 1, maxItems: MEASURES_MAX })
  @ArrayMinSize(1, { message: '请至少填写一项照顾措施' })
  @NestedList(() => CarePlanMeasureDto, { max: MEASURES_MAX, what: '照顾措施' })
  measures: CarePlanMeasureDto[];

  @ApiPropertyOptional({ nullable: true, maxLength: CONTACT_NAME_MAX, example: '王女士（女儿）' })
  @NullableField()
  @CharLength(0, CONTACT_NAME_MAX, { message: `联系人姓名最多 ${CONTACT_NAME_MAX} 个字` })
  @IsString({ message: '联系人姓名必须是文字' })
  contactName?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 20, example: '13800001111' })
  @NullableField()
  @CharLength(0, 40, { message: '联系电话应为手机号（如 13800001111）或带区号的固定电话（如 010-64001234）' })
  @IsString({ message: '联系电话必须是文字，如 "13800001111"' })
  contactPhone?: string | null;

  @ApiProperty({ maxLength: ASSISTANCE_NOTE_MAX, example: '施工前一天先给女儿打电话' })
  @CharLength(0, 200, { message: `给施工队的提示最多 ${ASSISTANCE_NOTE_MAX} 个字` })
  @IsString({ message: '给施工队的提示必须是文字' })
  assistanceNote: string;
}
