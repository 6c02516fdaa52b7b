import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSPECTION_LIMITS, InspectionTest, type InspectionRequest, type InspectionResultInput } from '@linyi/shared';
import { ArrayMinSize, IsBoolean, IsEnum, IsString, IsUUID } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { NestedList } from '../../common/validation/nested-list.js';
import { OptionalField } from '../../common/validation/optional-field.js';
import { NoteField, PHOTO_MAX_CHARS, PhotoField } from './acceptance-fields.js';

const L = INSPECTION_LIMITS;

/** One test as the crew recorded it; whether the plan's kind of work knows the test is the shared rule's, in the service. */
export class InspectionResultDto implements InspectionResultInput {
  @ApiProperty({ enum: InspectionTest })
  @IsEnum(InspectionTest, { message: `检测项目只能是 ${Object.values(InspectionTest).join('、')} 之一` })
  test: InspectionTest;

  @ApiProperty()
  @IsBoolean({ message: '检测结果 passed 必须是 true（合格）或 false（不合格）' })
  passed: boolean;

  @ApiPropertyOptional({ maxLength: L.value, example: 'Φ75 球一次通过' })
  @OptionalField()
  @CharLength(0, L.value, { message: `实测值最多 ${L.value} 个字` })
  @IsString({ message: '实测值必须是文字' })
  value?: string;

  @ApiPropertyOptional({ description: 'a photo of the test (PNG or JPEG data URL, at most 2 MB)', maxLength: PHOTO_MAX_CHARS })
  @PhotoField('检测照片')
  photoPng?: string;
}

/** The crew's results, for an inspection as for a repair: 1..10 of them (the order of the checks decides the message shown first). */
export const InspectionResultsField = () =>
  applyDecorators(
    NestedList(() => InspectionResultDto, { max: L.results, what: '检测结果' }),
    ArrayMinSize(1, { message: '请至少填写一项检测结果' }),
    ApiProperty({ type: [InspectionResultDto], minItems: 1, maxItems: L.results }),
  );

/** POST /api/households/{householdId}/inspections: the compound's contractor records the tests in one flat. */
export class InspectionDto implements InspectionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择施工计划（workPlanId）' })
  workPlanId: string;

  @InspectionResultsField()
  results: InspectionResultDto[];

  @ApiPropertyOptional({ maxLength: L.note, example: '卫生间、厨房立管及支管均已更换' })
  @NoteField('检测说明')
  note?: string;
}
