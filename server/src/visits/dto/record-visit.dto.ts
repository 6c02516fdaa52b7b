import { CharLength } from '../../common/validation/char-length.js';
import { ApiProperty } from '@nestjs/swagger';
import { VisitOutcome } from '@linyi/shared';
import { IsEnum, IsString, IsUUID } from 'class-validator';

export class RecordVisitDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择征询事项' })
  consultationId: string;

  @ApiProperty({ enum: VisitOutcome })
  @IsEnum(VisitOutcome, { message: '上门结果只能是 AGREED（同意）、REFUSED（仍不同意）、UNDECIDED（再考虑）或 NOT_HOME（不在家）' })
  outcome: VisitOutcome;

  @ApiProperty({ maxLength: 1000 })
  @IsString({ message: '请填写上门记录' })
  @CharLength(1, 1000, { message: '上门记录应为 1 到 1000 个字' })
  note: string;
}
