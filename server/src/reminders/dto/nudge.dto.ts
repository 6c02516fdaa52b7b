import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class NudgeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择征询事项' })
  consultationId: string;
}
