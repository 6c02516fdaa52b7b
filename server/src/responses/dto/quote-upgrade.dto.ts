import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';

export class QuoteUpgradeDto {
  @ApiProperty({ description: 'extra cost in yuan, e.g. 1280.5' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '报价金额必须是数字（元），最多两位小数' })
  @Min(0, { message: '报价金额不能为负数' })
  @Max(1_000_000, { message: '报价金额过大' })
  amountYuan: number;
}
