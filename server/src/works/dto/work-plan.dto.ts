import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WORK_LIMITS, WorkKind, type CreateWorkPlanRequest, type UpdateWorkPlanRequest, type WorkStep } from '@linyi/shared';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEnum, IsString, IsUUID, Matches } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { NestedList } from '../../common/validation/nested-list.js';
import { OptionalField } from '../../common/validation/optional-field.js';

const L = WORK_LIMITS;
// Something other than spaces: a title of blanks prints as an empty line on the stairwell notice.
const NOT_BLANK = /\S/;

export class WorkStepDto implements WorkStep {
  @ApiProperty({ maxLength: L.stepTitleMax, example: '断水' })
  @Matches(NOT_BLANK, { message: '请填写施工步骤名称' })
  @CharLength(1, L.stepTitleMax, { message: `施工步骤名称应为 1 到 ${L.stepTitleMax} 个字` })
  @IsString({ message: '施工步骤名称必须是文字' })
  title: string;

  @ApiProperty({ maxLength: L.stepDescriptionMax, example: '施工当天全单元关闭总阀停水，请提前储水。' })
  @CharLength(0, L.stepDescriptionMax, { message: `施工步骤说明最多 ${L.stepDescriptionMax} 个字` })
  @IsString({ message: '施工步骤说明必须是文字' })
  description: string;
}

/** The fields printed on the notice; shared by create and update. */
class WorkPlanFieldsDto {
  @ApiPropertyOptional({ maxLength: L.arrangementMax, example: '施工当天 8:00—18:00 全单元停水' })
  @OptionalField()
  @CharLength(0, L.arrangementMax, { message: `停水安排最多 ${L.arrangementMax} 个字` })
  @IsString({ message: '停水安排必须是文字' })
  waterCut?: string;

  @ApiPropertyOptional({ maxLength: L.arrangementMax, example: '一楼楼道口设临时水龙头，需送水的住户请联系居委会' })
  @OptionalField()
  @CharLength(0, L.arrangementMax, { message: `临时供水安排最多 ${L.arrangementMax} 个字` })
  @IsString({ message: '临时供水安排必须是文字' })
  temporaryWater?: string;

  @ApiPropertyOptional({ maxLength: L.arrangementMax, example: '停水期间请勿使用马桶，小区东门设临时厕所' })
  @OptionalField()
  @CharLength(0, L.arrangementMax, { message: `临时排水安排最多 ${L.arrangementMax} 个字` })
  @IsString({ message: '临时排水安排必须是文字' })
  temporarySewage?: string;

  @ApiPropertyOptional({ maxLength: 40, example: '010-62345678', description: 'the crew’s phone on the notice; the compound’s emergency phone when left out or empty' })
  @OptionalField()
  @CharLength(0, 40, { message: '联系电话应为手机号或带区号的座机，如 010-64001234' })
  @IsString({ message: '联系电话必须是文字，如 "13800001111"' })
  contactPhone?: string;
}

/** POST /api/work-plans. */
export class CreateWorkPlanDto extends WorkPlanFieldsDto implements CreateWorkPlanRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择小区（compoundId 格式不正确）' })
  compoundId: string;

  @ApiProperty({ format: 'uuid', description: 'the plumbing application whose per-unit unanimity the works depend on' })
  @IsUUID('all', { message: '请选择施工所依据的楼内上下水管线改造申请（consultationId 格式不正确）' })
  consultationId: string;

  @ApiProperty({ maxLength: L.titleMax, example: '1号楼2单元上下水立管更换' })
  @Matches(NOT_BLANK, { message: '请填写施工计划名称' })
  @CharLength(1, L.titleMax, { message: `施工计划名称应为 1 到 ${L.titleMax} 个字` })
  @IsString({ message: '施工计划名称必须是文字' })
  title: string;

  @ApiProperty({ type: [WorkStepDto], minItems: 1, maxItems: L.stepsMax })
  @ArrayMinSize(1, { message: '请至少填写一个施工步骤' })
  @NestedList(() => WorkStepDto, { max: L.stepsMax, what: '施工步骤' })
  steps: WorkStepDto[];

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: L.unitsMax })
  @ArrayUnique({ message: '单元不能重复' })
  @IsUUID('all', { each: true, message: '单元编号不正确' })
  @ArrayMinSize(1, { message: '请至少选择一个单元' })
  @ArrayMaxSize(L.unitsMax, { message: `一个施工计划最多 ${L.unitsMax} 个单元` })
  @IsArray({ message: '单元 unitIds 必须是列表' })
  unitIds: string[];

  @ApiPropertyOptional({ enum: WorkKind, default: WorkKind.Plumbing, description: 'picks the inspection template and the warranty parts' })
  @OptionalField()
  @IsEnum(WorkKind, { message: '施工类型只能是 PLUMBING（给排水立管更换）或 WINDOWS（外窗更换）' })
  kind?: WorkKind;
}

/** PATCH /api/work-plans/{id} while the plan is a draft: only the fields sent change; an empty text clears it. */
export class UpdateWorkPlanDto extends WorkPlanFieldsDto implements UpdateWorkPlanRequest {
  @ApiPropertyOptional({ maxLength: L.titleMax })
  @OptionalField()
  @Matches(NOT_BLANK, { message: '请填写施工计划名称' })
  @CharLength(1, L.titleMax, { message: `施工计划名称应为 1 到 ${L.titleMax} 个字` })
  @IsString({ message: '施工计划名称必须是文字' })
  title?: string;

  @ApiPropertyOptional({ type: [WorkStepDto], minItems: 1, maxItems: L.stepsMax })
  @OptionalField()
  @ArrayMinSize(1, { message: '请至少填写一个施工步骤' })
  @NestedList(() => WorkStepDto, { max: L.stepsMax, what: '施工步骤' })
  steps?: WorkStepDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: L.unitsMax, description: 'the plan’s units from now on; a unit left out loses its windows' })
  @OptionalField()
  @ArrayUnique({ message: '单元不能重复' })
  @IsUUID('all', { each: true, message: '单元编号不正确' })
  @ArrayMinSize(1, { message: '请至少选择一个单元' })
  @ArrayMaxSize(L.unitsMax, { message: `一个施工计划最多 ${L.unitsMax} 个单元` })
  @IsArray({ message: '单元 unitIds 必须是列表' })
  unitIds?: string[];
}
