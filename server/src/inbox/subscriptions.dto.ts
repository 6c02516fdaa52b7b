import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';

const MAX_TEMPLATES = 20;

/** What wx.requestSubscribeMessage answers: a small map of template id → result word (WeChat may add words). */
function isSubscriptionResults(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= MAX_TEMPLATES && entries.every(([templateId, result]) => /^[\w-]{1,128}$/.test(templateId) && typeof result === 'string' && /^[a-z_]{1,32}$/.test(result));
}

export class RecordSubscriptionsDto {
  @ApiProperty({
    description: 'what Taro.requestSubscribeMessage answered: {templateId: "accept" | "reject" | "ban" | "filter"}',
    example: { 'tmpl-1': 'accept' },
    type: 'object',
    additionalProperties: { type: 'string', example: 'accept' },
  })
  @ValidateBy({
    name: 'isSubscriptionResults',
    validator: { validate: isSubscriptionResults, defaultMessage: () => `请提供订阅结果 results，如 {"模板ID": "accept"}，最多 ${MAX_TEMPLATES} 个模板` },
  })
  results: Record<string, string>;
}
