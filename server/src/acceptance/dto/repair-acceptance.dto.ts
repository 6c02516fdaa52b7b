import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AcceptanceDecision, type RepairAcceptanceRequest } from '@linyi/shared';
import { IsEnum, IsString, MaxLength } from 'class-validator';
import { OptionalField } from '../../common/validation/optional-field.js';

/** PUT /api/households/{householdId}/repairs/{repairId}/acceptance: the bound resident confirms the repair, or says it is not fixed. */
export class RepairAcceptanceDto implements RepairAcceptanceRequest {
  @ApiProperty({ enum: AcceptanceDecision })
  @IsEnum(AcceptanceDecision, { message: '请选择 ACCEPT（确认修好了）或 REJECT（还没修好）' })
  decision: AcceptanceDecision;

  @ApiPropertyOptional({ description: 'data:image/png;base64,… (required with ACCEPT)', maxLength: 1_000_000 })
  @OptionalField()
  @MaxLength(1_000_000, { message: '签名图片过大' })
  @IsString({ message: '签名必须是 PNG 图片数据' })
  signaturePng?: string;
}
