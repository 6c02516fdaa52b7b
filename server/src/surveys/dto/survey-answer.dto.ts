import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RATING_MAX, RATING_MIN, SURVEY_LIMITS, type SurveyAnswerItem, type SurveyAnswerRequest } from '@linyi/shared';
import { ArrayMaxSize, IsArray, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { NestedList } from '../../common/validation/nested-list.js';
import { OptionalField } from '../../common/validation/optional-field.js';

const ID = /^[\w-]{1,64}$/;

/** One question's answer; which field it uses depends on the question's kind (checked by the service). */
export class SurveyAnswerItemDto implements SurveyAnswerItem {
  @ApiProperty({ example: 'q1', maxLength: 64 })
  @Matches(ID, { message: '题目编号 questionId 格式不正确' })
  @IsString({ message: '题目编号 questionId 必须是文字' })
  questionId: string;

  @ApiPropertyOptional({ type: [String], maxItems: SURVEY_LIMITS.choices, description: 'SINGLE (one) and MULTIPLE' })
  @OptionalField()
  @Matches(ID, { each: true, message: '选项编号格式不正确' })
  @IsString({ each: true, message: '选项编号必须是文字' })
  @ArrayMaxSize(SURVEY_LIMITS.choices, { message: `最多选 ${SURVEY_LIMITS.choices} 项` })
  @IsArray({ message: 'choiceIds 必须是选项编号的列表' })
  choiceIds?: string[];

  @ApiPropertyOptional({ minimum: RATING_MIN, maximum: RATING_MAX, description: 'RATING' })
  @OptionalField()
  @Max(RATING_MAX, { message: `请打 ${RATING_MIN} 到 ${RATING_MAX} 分` })
  @Min(RATING_MIN, { message: `请打 ${RATING_MIN} 到 ${RATING_MAX} 分` })
  @IsInt({ message: `打分必须是 ${RATING_MIN} 到 ${RATING_MAX} 的整数` })
  rating?: number;

  @ApiPropertyOptional({ maxLength: SURVEY_LIMITS.text, description: 'TEXT' })
  @OptionalField()
  @CharLength(0, SURVEY_LIMITS.text, { message: `填空最多 ${SURVEY_LIMITS.text} 个字` })
  @IsString({ message: '填空必须是文字' })
  text?: string;
}

/** POST /api/surveys/{id}/answers: one household's answers, once. */
export class SurveyAnswerDto implements SurveyAnswerRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择房屋（householdId 格式不正确）' })
  householdId: string;

  @ApiProperty({ type: [SurveyAnswerItemDto], maxItems: SURVEY_LIMITS.questions })
  @NestedList(() => SurveyAnswerItemDto, { max: SURVEY_LIMITS.questions, what: '答案' })
  answers: SurveyAnswerItemDto[];
}
