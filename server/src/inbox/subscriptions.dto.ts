import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class RecordSubscriptionsDto {
  @ApiProperty({ description: 'what Taro.requestSubscribeMessage answered: {templateId: "accept" | "reject" | "ban"}', example: { 'tmpl-1': 'accept' } })
  @IsObject({ message: '请提供订阅结果 results，如 {"模板ID": "accept"}' })
  results: Record<string, string>;
}
