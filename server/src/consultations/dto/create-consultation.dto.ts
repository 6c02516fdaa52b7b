import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConsultationKind, DecisionRule, GroupBy } from '@linyi/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class OptionDto {
  @IsString({ message: '方案编号必须是文字' })
  @Matches(/^[\w-]{1,64}$/, { message: '方案编号只能包含字母、数字、下划线和短横线' })
  id: string;

  @IsString({ message: '请填写方案名称' })
  @Length(1, 60, { message: '方案名称应为 1 到 60 个字' })
  title: string;

  @IsString({ message: '请填写方案说明' })
  @Length(0, 2000, { message: '方案说明最多 2000 个字' })
  description: string;

  @IsOptional()
  @IsString({ message: '方案图片地址必须是文字' })
  @Length(0, 500_000, { message: '方案图片过大' })
  imageUrl?: string | null;
}

export class DisclosureDto {
  @IsString({ message: '告知事项编号必须是文字' })
  @Matches(/^[\w-]{1,64}$/, { message: '告知事项编号只能包含字母、数字、下划线和短横线' })
  id: string;

  @IsString({ message: '请填写告知事项内容' })
  @Length(1, 2000, { message: '告知事项内容应为 1 到 2000 个字' })
  text: string;
}

export class CreateConsultationDto {
  @ApiProperty()
  @IsUUID('all', { message: '请选择小区' })
  compoundId: string;

  @ApiProperty({ enum: ConsultationKind })
  @IsEnum(ConsultationKind, { message: '征询类型不正确' })
  kind: ConsultationKind;

  @ApiProperty()
  @IsString({ message: '请填写标题' })
  @Length(2, 120, { message: '标题应为 2 到 120 个字' })
  title: string;

  @ApiProperty()
  @IsString({ message: '请填写正文' })
  @Length(1, 20000, { message: '正文最多 20000 个字' })
  body: string;

  @ApiProperty({ enum: DecisionRule })
  @IsEnum(DecisionRule, { message: '表决规则不正确' })
  rule: DecisionRule;

  @ApiProperty({ enum: GroupBy })
  @IsEnum(GroupBy, { message: '统计单位只能是 UNIT（单元）、BUILDING（楼栋）或 COMPOUND（小区）' })
  groupBy: GroupBy;

  @ApiPropertyOptional({ type: [OptionDto] })
  @IsOptional()
  @IsArray({ message: '方案必须是列表' })
  @ArrayMaxSize(20, { message: '最多 20 个方案' })
  @ValidateNested({ each: true })
  @Type(() => OptionDto)
  options?: OptionDto[];

  @ApiPropertyOptional({ type: [DisclosureDto] })
  @IsOptional()
  @IsArray({ message: '告知事项必须是列表' })
  @ArrayMaxSize(30, { message: '最多 30 条告知事项' })
  @ValidateNested({ each: true })
  @Type(() => DisclosureDto)
  disclosures?: DisclosureDto[];

  @ApiProperty()
  @IsISO8601({ strict: true }, { message: '开始时间格式不正确' })
  opensAt: string;

  @ApiProperty()
  @IsISO8601({ strict: true }, { message: '截止时间格式不正确' })
  deadline: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsArray({ message: '单元必须是列表' })
  @ArrayMaxSize(2000, { message: '单元太多' })
  @IsUUID('all', { each: true, message: '单元编号不正确' })
  unitIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: '最低投票率必须是整数百分比' })
  @Min(1, { message: '最低投票率至少 1%' })
  @Max(100, { message: '最低投票率最多 100%' })
  turnoutPercent?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'ownersOnly 必须是 true 或 false' })
  ownersOnly?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: '上门次数必须是整数' })
  @Min(1, { message: '上门次数至少 1 次' })
  @Max(10, { message: '上门次数最多 10 次' })
  visitsBeforeFinal?: number;
}
