import { ApiPropertyOptional } from '@nestjs/swagger';
import { ResidentRole } from '@linyi/shared';
import { IsEnum } from 'class-validator';
import { OptionalField } from '../../common/validation/optional-field.js';

export class CreateInviteCodeDto {
  @ApiPropertyOptional({ enum: ResidentRole, default: ResidentRole.Owner })
  @OptionalField()
  @IsEnum(ResidentRole, { message: '身份只能是 OWNER（业主）或 TENANT（租户）' })
  role?: ResidentRole;
}
