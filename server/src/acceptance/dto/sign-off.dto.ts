import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSPECTION_LIMITS, type SignOffRequest } from '@linyi/shared';
import { IsUUID } from 'class-validator';
import { NoteField, SIGNATURE_MAX_CHARS, SignatureField } from './acceptance-fields.js';

/** POST /api/households/{householdId}/acceptance/sign-offs: an owner supervisor adds their own signature to an acceptance. A missing signature is the service's 400 SIGNATURE_REQUIRED. */
export class SignOffDto implements Omit<SignOffRequest, 'signaturePng'> {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择施工计划' })
  workPlanId: string;

  @ApiProperty({ description: 'data:image/png;base64,…', maxLength: SIGNATURE_MAX_CHARS })
  @SignatureField()
  signaturePng?: string;

  @ApiPropertyOptional({ maxLength: INSPECTION_LIMITS.note, example: '现场查看，管根干燥无渗漏' })
  @NoteField('备注')
  note?: string;
}
