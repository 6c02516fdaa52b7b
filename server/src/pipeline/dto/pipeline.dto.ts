import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OwnersOrganisationKind, PIPELINE_LIMITS, PipelineStage, type GateRecordRequest, type MovePipelineRequest, type OwnersOrganisationRequest } from '@linyi/shared';
import { IsBoolean, IsEnum, IsString, Matches } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { IsCalendarDay } from '../../common/validation/date-field.js';
import { OptionalField } from '../../common/validation/optional-field.js';

const NOTE_MESSAGE = `说明应为 1 到 ${PIPELINE_LIMITS.note} 个字`;

/** POST /api/compounds/{compoundId}/pipeline */
export class MovePipelineDto implements MovePipelineRequest {
  @ApiProperty({ enum: PipelineStage, example: PipelineStage.Reserve })
  @IsEnum(PipelineStage, { message: '阶段只能是 NONE、RESERVE、ANNUAL_PLAN、IN_WORKS 或 COMPLETED' })
  stage: PipelineStage;

  @ApiPropertyOptional({ maxLength: PIPELINE_LIMITS.note, example: '区住建委2026年储备项目批复' })
  @OptionalField()
  @CharLength(1, PIPELINE_LIMITS.note, { message: NOTE_MESSAGE })
  @IsString({ message: '说明必须是文字' })
  note?: string;
}

/** PUT /api/compounds/{compoundId}/owners-organisation */
export class OwnersOrganisationDto implements OwnersOrganisationRequest {
  @ApiProperty({ enum: OwnersOrganisationKind, example: OwnersOrganisationKind.OwnersCommittee })
  @IsEnum(OwnersOrganisationKind, { message: '业主组织只能是业主委员会（OWNERS_COMMITTEE）或物业管理委员会（PROPERTY_MANAGEMENT_COMMITTEE）' })
  kind: OwnersOrganisationKind;

  @ApiProperty({ minLength: 1, maxLength: PIPELINE_LIMITS.organisationName, example: '光明里小区第一届业主委员会' })
  @Matches(/\S/, { message: '请填写业主组织的名称' })
  @CharLength(1, PIPELINE_LIMITS.organisationName, { message: `名称应为 1 到 ${PIPELINE_LIMITS.organisationName} 个字` })
  @IsString({ message: '名称必须是文字' })
  name: string;

  @ApiProperty({ example: '2026-03-15', description: 'YYYY-MM-DD' })
  @IsCalendarDay('成立日期')
  formedOn: string;
}

/** PUT /api/compounds/{compoundId}/gates/{gate}: `met` for ILLEGAL_STRUCTURES_CLEARED, `required` for FUND_PLEDGE. */
export class GateRecordDto implements GateRecordRequest {
  @ApiPropertyOptional({ description: 'ILLEGAL_STRUCTURES_CLEARED: whether window guards and other illegal structures are cleared' })
  @OptionalField()
  @IsBoolean({ message: 'met 只能是 true（已满足）或 false（未满足）' })
  met?: boolean;

  @ApiPropertyOptional({ description: 'FUND_PLEDGE: whether the street office requires a maintenance-fund pledge of this compound' })
  @OptionalField()
  @IsBoolean({ message: 'required 只能是 true（要求）或 false（不要求）' })
  required?: boolean;

  @ApiProperty({ minLength: 1, maxLength: PIPELINE_LIMITS.note, example: '1–8号楼外窗护栏已全部拆除，经街道城管科现场核查' })
  @Matches(/\S/, { message: '请写明依据或情况' })
  @CharLength(1, PIPELINE_LIMITS.note, { message: NOTE_MESSAGE })
  @IsString({ message: '说明必须是文字' })
  note: string;
}
