import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_REPLY_MAX, type ComplaintReplyRequest } from '@linyi/shared';
import { IsString, Matches } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';

/** PUT /api/complaints/{id}/reply: the committee's answer, given once. */
export class ComplaintReplyDto implements ComplaintReplyRequest {
  @ApiProperty({ maxLength: COMPLAINT_REPLY_MAX, example: '已联系施工单位，本周五前清运完毕' })
  @Matches(/\S/, { message: '请写下答复内容' })
  @CharLength(1, COMPLAINT_REPLY_MAX, { message: `答复应为 1 到 ${COMPLAINT_REPLY_MAX} 个字` })
  @IsString({ message: '答复必须是文字' })
  reply: string;
}
