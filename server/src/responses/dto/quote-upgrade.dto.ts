import { ApiProperty } from '@nestjs/swagger';
import { IsYuanAmount } from '../../common/validation/yuan-amount.js';

export class QuoteUpgradeDto {
  @ApiProperty({ description: 'extra cost in yuan, e.g. 1280.5', minimum: 0, maximum: 1_000_000 })
  @IsYuanAmount({ min: 0, max: 1_000_000 }, { message: '报价金额必须是 0 到 1000000 元之间的数字（元），最多两位小数' })
  amountYuan: number;
}
