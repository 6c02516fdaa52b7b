import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AcceptanceDecision, type RepairAcceptanceRequest } from '@linyi/shared';
import { IsEnum } from 'class-validator';
import { SIGNATURE_MAX_CHARS, SignatureField } from './acceptance-fields.js';

/** PUT /api/households/{householdId}/repairs/{repairId}/acceptance: the bound resident confirms the repair, or says it is not fixed. */
export class RepairAcceptanceDto implements RepairAcceptanceRequest {
  @ApiProperty({ enum: AcceptanceDecision })
  @IsEnum(AcceptanceDecision, { message: '请选择 ACCEPT（确认修好了）或 REJECT（还没修好）' })
  decision: AcceptanceDecision;

  @ApiPropertyOptional({ description: 'data:image/png;base64,… (required with ACCEPT)', maxLength: SIGNATURE_MAX_CHARS })
  @SignatureField()
  signaturePng?: string;
}
