import { CharLength } from '../../common/validation/char-length.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Answer, AnswerChannel } from '@linyi/shared';
import { ArrayMaxSize, IsArray, IsEnum, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalField } from '../../common/validation/optional-field.js';

export class SubmitResponseDto {
  @ApiProperty({ enum: Answer })
  @IsEnum(Answer, { message: '意见只能是 AGREE（同意）、REFUSE（不同意）、ABSTAIN（弃权）或 OPTION（选择方案）' })
  answer: Answer;

  @ApiPropertyOptional({ maxLength: 64 })
  @OptionalField()
  @IsString({ message: '方案编号必须是文字' })
  @CharLength(1, 64, { message: '方案编号不正确' })
  optionId?: string;

  @ApiProperty({ type: [String], maxItems: 50 })
  @IsArray({ message: '请提供已阅读确认的告知事项列表 acknowledgedDisclosureIds' })
  @ArrayMaxSize(50, { message: '告知事项太多' })
  @IsString({ each: true, message: '告知事项编号必须是文字' })
  @Matches(/^[\w-]{1,64}$/, { each: true, message: '告知事项编号只能包含字母、数字、下划线和短横线' })
  acknowledgedDisclosureIds: string[];

  @ApiPropertyOptional({ description: 'data:image/png;base64,…', maxLength: 1_000_000 })
  @OptionalField()
  @IsString({ message: '签名必须是 PNG 图片数据' })
  @MaxLength(1_000_000, { message: '签名图片过大' })
  signaturePng?: string;

  @ApiPropertyOptional({ enum: AnswerChannel })
  @OptionalField()
  @IsEnum(AnswerChannel, { message: '提交方式只能是 ONLINE 或 PAPER' })
  channel?: AnswerChannel;

  @ApiPropertyOptional({ description: 'photo of the signed paper form (PNG or JPEG data URL)', maxLength: 8_000_000 })
  @OptionalField()
  @IsString({ message: '纸质申请扫描件必须是图片数据' })
  @MaxLength(8_000_000, { message: '纸质申请扫描件过大' })
  paperScanPng?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalField()
  @IsString({ message: '自费提升改造说明必须是文字' })
  @CharLength(1, 500, { message: '自费提升改造说明应为 1 到 500 个字' })
  upgradeRequest?: string;
}
