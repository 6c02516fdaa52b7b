import { CharLength } from '../../common/validation/char-length.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConsultationKind, DecisionRule, GroupBy } from '@linyi/shared';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsSaneDateTime } from '../../common/validation/date-field.js';
import { NestedList } from '../../common/validation/nested-list.js';
import { NullableField, OptionalField } from '../../common/validation/optional-field.js';

// A design picture is an https link or an inline PNG/JPEG; nothing a WebView could run.
const IMAGE_URL = /^(https:\/\/[^\s"'<>]+|data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*)$/;

export class OptionDto {
  @ApiProperty({ example: 'plan-a', maxLength: 64 })
  @IsString({ message: '方案编号必须是文字' })
  @Matches(/^[\w-]{1,64}$/, { message: '方案编号只能包含字母、数字、下划线和短横线' })
  id: string;

  @ApiProperty({ maxLength: 60 })
  @IsString({ message: '请填写方案名称' })
  @CharLength(1, 60, { message: '方案名称应为 1 到 60 个字' })
  title: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString({ message: '请填写方案说明' })
  @CharLength(0, 2000, { message: '方案说明最多 2000 个字' })
  description: string;

  @ApiPropertyOptional({ nullable: true, description: 'https URL or data:image/png;base64,… (null: no picture)' })
  @NullableField()
  @IsString({ message: '方案图片地址必须是文字' })
  @CharLength(1, 500_000, { message: '方案图片过大' })
  @Matches(IMAGE_URL, { message: '方案图片必须是 https 链接或 PNG/JPEG 图片数据' })
  imageUrl?: string | null;
}

export class DisclosureDto {
  @ApiProperty({ example: 'pipes-shared', maxLength: 64 })
  @IsString({ message: '告知事项编号必须是文字' })
  @Matches(/^[\w-]{1,64}$/, { message: '告知事项编号只能包含字母、数字、下划线和短横线' })
  id: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString({ message: '请填写告知事项内容' })
  @CharLength(1, 2000, { message: '告知事项内容应为 1 到 2000 个字' })
  text: string;
}

export class CreateConsultationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择小区' })
  compoundId: string;

  @ApiProperty({ enum: ConsultationKind })
  @IsEnum(ConsultationKind, { message: '征询类型不正确' })
  kind: ConsultationKind;

  @ApiProperty({ minLength: 2, maxLength: 120 })
  @IsString({ message: '请填写标题' })
  @CharLength(2, 120, { message: '标题应为 2 到 120 个字' })
  title: string;

  @ApiProperty({ maxLength: 20000 })
  @IsString({ message: '请填写正文' })
  @CharLength(1, 20000, { message: '正文最多 20000 个字' })
  body: string;

  @ApiProperty({ enum: DecisionRule })
  @IsEnum(DecisionRule, { message: '表决规则不正确' })
  rule: DecisionRule;

  @ApiProperty({ enum: GroupBy })
  @IsEnum(GroupBy, { message: '统计单位只能是 UNIT（单元）、BUILDING（楼栋）或 COMPOUND（小区）' })
  groupBy: GroupBy;

  @ApiPropertyOptional({ type: [OptionDto], maxItems: 20 })
  @OptionalField()
  @NestedList(() => OptionDto, { max: 20, what: '方案' })
  options?: OptionDto[];

  @ApiPropertyOptional({ type: [DisclosureDto], maxItems: 30 })
  @OptionalField()
  @NestedList(() => DisclosureDto, { max: 30, what: '告知事项' })
  disclosures?: DisclosureDto[];

  @ApiProperty({ format: 'date-time', example: '2025-06-01T09:00:00+08:00' })
  @IsSaneDateTime('开始时间')
  opensAt: string;

  @ApiProperty({ format: 'date-time', example: '2025-06-30T18:00:00+08:00' })
  @IsSaneDateTime('截止时间')
  deadline: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 2000 })
  @OptionalField()
  @IsArray({ message: '单元必须是列表' })
  @ArrayMaxSize(2000, { message: '单元太多' })
  @IsUUID('all', { each: true, message: '单元编号不正确' })
  unitIds?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @OptionalField()
  @IsInt({ message: '最低投票率必须是整数百分比' })
  @Min(1, { message: '最低投票率至少 1%' })
  @Max(100, { message: '最低投票率最多 100%' })
  turnoutPercent?: number;

  @ApiPropertyOptional()
  @OptionalField()
  @IsBoolean({ message: 'ownersOnly 必须是 true 或 false' })
  ownersOnly?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 10 })
  @OptionalField()
  @IsInt({ message: '上门次数必须是整数' })
  @Min(1, { message: '上门次数至少 1 次' })
  @Max(10, { message: '上门次数最多 10 次' })
  visitsBeforeFinal?: number;
}
