import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AcceptanceChannel, AcceptanceDecision, INSPECTION_LIMITS, type AcceptanceRequest, type DefectInput } from '@linyi/shared';
import { IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { NestedList } from '../../common/validation/nested-list.js';
import { OptionalField } from '../../common/validation/optional-field.js';
import { PHOTO_MAX_CHARS, PhotoField, SIGNATURE_MAX_CHARS, SignatureField } from './acceptance-fields.js';

const L = INSPECTION_LIMITS;
/** 5 MB of scan as base64 (as for paper answers). */
export const PAPER_SCAN_MAX_CHARS = 7_000_000;

/** One problem the household found; a blank description is the service's 400 DEFECTS_REQUIRED. */
export class DefectDto implements DefectInput {
  @ApiProperty({ minLength: 1, maxLength: L.defectDescription, example: '卫生间立管管根有水渍' })
  @CharLength(1, L.defectDescription, { message: `每个问题请用 1 到 ${L.defectDescription} 个字写明` })
  @IsString({ message: '问题说明必须是文字' })
  description: string;

  @ApiPropertyOptional({ description: 'a photo of the problem (PNG or JPEG data URL, at most 2 MB)', maxLength: PHOTO_MAX_CHARS })
  @PhotoField('问题照片')
  photoPng?: string;
}

/**
 * PUT /api/households/{householdId}/acceptance: the bound resident online with a signature, or the
 * committee on paper with a scan. What each must bring (signature, scan, defects) is checked in the
 * service, after the scope checks, with its own code.
 */
export class AcceptanceDto implements AcceptanceRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择施工计划（workPlanId）' })
  workPlanId: string;

  @ApiProperty({ enum: AcceptanceDecision })
  @IsEnum(AcceptanceDecision, { message: '请选择 ACCEPT（验收合格）或 REJECT（有问题，不验收）' })
  decision: AcceptanceDecision;

  @ApiPropertyOptional({ type: [DefectDto], maxItems: L.defects, description: 'with REJECT: at least one' })
  @OptionalField()
  @NestedList(() => DefectDto, { max: L.defects, what: '问题' })
  defects?: DefectDto[];

  @ApiPropertyOptional({ description: 'data:image/png;base64,… (the resident)', maxLength: SIGNATURE_MAX_CHARS })
  @SignatureField()
  signaturePng?: string;

  @ApiPropertyOptional({ enum: AcceptanceChannel, description: 'ONLINE for the resident, PAPER for the committee (the default for each)' })
  @OptionalField()
  @IsEnum(AcceptanceChannel, { message: '验收方式只能是 ONLINE（线上签名）或 PAPER（纸质验收单）' })
  channel?: AcceptanceChannel;

  @ApiPropertyOptional({ description: 'photo of the signed paper form (PNG or JPEG data URL, at most 5 MB; the committee)', maxLength: PAPER_SCAN_MAX_CHARS })
  @OptionalField()
  @MaxLength(PAPER_SCAN_MAX_CHARS, { message: '纸质验收单照片过大（最大 5 MB）' })
  @IsString({ message: '纸质验收单照片必须是图片数据' })
  paperScanPng?: string;
}
