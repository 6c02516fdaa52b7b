import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class NudgeDto {
  @ApiProperty()
  @IsUUID('all', { message: '请选择征询事项' })
  consultationId: string;
}
