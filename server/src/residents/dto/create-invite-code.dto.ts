import { ApiPropertyOptional } from '@nestjs/swagger';
import { ResidentRole } from '@linyi/shared';
import { IsEnum, IsOptional } from 'class-validator';

export class CreateInviteCodeDto {
  @ApiPropertyOptional({ enum: ResidentRole, default: ResidentRole.Owner })
  @IsOptional()
  @IsEnum(ResidentRole, { message: '身份只能是 OWNER（业主）或 TENANT（租户）' })
  role?: ResidentRole;
}
