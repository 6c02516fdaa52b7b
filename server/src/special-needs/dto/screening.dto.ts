import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LegalBasis, NeedCode, NOTE_MAX, type ScreeningRequest } from '@linyi/shared';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsString, MaxLength } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { OptionalField } from '../../common/validation/optional-field.js';

const NEED_CODES = Object.values(NeedCode).join('、');

/** PUT /api/households/{householdId}/screening. Needs, note and basis are ignored when `needsCare` is false. */
export class ScreeningDto implements ScreeningRequest {
  @ApiProperty({ description: 'false records "screened, nothing needed"' })
  @IsBoolean({ message: '请说明该户是否需要照顾：needsCare 为 true 或 false' })
  needsCare: boolean;

  @ApiPropertyOptional({ enum: NeedCode, isArray: true, maxItems: 20 })
  @OptionalField()
  @IsEnum(NeedCode, { each: true, message: `困难类型只能是 ${NEED_CODES}` })
  @ArrayMaxSize(20, { message: '困难类型太多' })
  @IsArray({ message: '困难类型 needs 必须是列表' })
  needs?: NeedCode[];

  @ApiPropertyOptional({ maxLength: NOTE_MAX, description: 'a short note for the committee and the street office (never shown to the crew)' })
  @OptionalField()
  @CharLength(0, NOTE_MAX, { message: `情况说明最多 ${NOTE_MAX} 个字` })
  @IsString({ message: '情况说明必须是文字' })
  note?: string;

  @ApiPropertyOptional({ enum: LegalBasis })
  @OptionalField()
  @IsEnum(LegalBasis, { message: '法律依据只能是 SEPARATE_CONSENT（居民单独同意）或 STATUTORY_DUTY（街道、居委会施工前摸排的法定职责）' })
  legalBasis?: LegalBasis;

  @ApiPropertyOptional({ description: 'the signed consent form, PNG or JPEG (data URL or base64); with SEPARATE_CONSENT unless the resident consented online', maxLength: 8_000_000 })
  @OptionalField()
  @MaxLength(8_000_000, { message: '同意书扫描件过大' })
  @IsString({ message: '同意书扫描件必须是图片数据' })
  consentScanPng?: string;
}
