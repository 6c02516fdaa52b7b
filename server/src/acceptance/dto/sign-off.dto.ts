import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSPECTION_LIMITS, type SignOffRequest } from '@linyi/shared';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { OptionalField } from '../../common/validation/optional-field.js';

/** POST /api/households/{householdId}/acceptance/sign-offs: an owner supervisor adds their own signature to an acceptance. A missing signature is the service's 400 SIGNATURE_REQUIRED. */
export class SignOffDto implements Omit<SignOffRequest, 'signaturePng'> {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择施工计划' })
  workPlanId: string;

  @ApiProperty({ description: 'data:image/png;base64,…', maxLength: 1_000_000 })
  @OptionalField()
  @MaxLength(1_000_000, { message: '签名图片过大' })
  @IsString({ message: '签名必须是 PNG 图片数据' })
  signaturePng?: string;

  @ApiPropertyOptional({ maxLength: INSPECTION_LIMITS.note, example: '现场查看，管根干燥无渗漏' })
  @OptionalField()
  @CharLength(0, INSPECTION_LIMITS.note, { message: `备注最多 ${INSPECTION_LIMITS.note} 个字` })
  @IsString({ message: '备注必须是文字' })
  note?: string;
}
