import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QuestionKind, SURVEY_LIMITS, SurveyPurpose, type CreateSurveyRequest, type SurveyChoice, type SurveyQuestion } from '@linyi/shared';
import { IsBoolean, IsEnum, IsString, IsUUID, Matches } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { IsSaneDateTime } from '../../common/validation/date-field.js';
import { NestedList } from '../../common/validation/nested-list.js';
import { OptionalField } from '../../common/validation/optional-field.js';

const ID = /^[\w-]{1,64}$/;

export class SurveyChoiceDto implements SurveyChoice {
  @ApiProperty({ example: 'lift', maxLength: 64 })
  @Matches(ID, { message: '选项编号只能包含字母、数字、下划线和短横线（最多 64 个）' })
  @IsString({ message: '选项编号必须是文字' })
  id: string;

  @ApiProperty({ maxLength: SURVEY_LIMITS.choiceTitle, example: '加装电梯' })
  @CharLength(1, SURVEY_LIMITS.choiceTitle, { message: `选项应为 1 到 ${SURVEY_LIMITS.choiceTitle} 个字` })
  @IsString({ message: '选项必须是文字' })
  title: string;
}

export class SurveyQuestionDto implements SurveyQuestion {
  @ApiProperty({ example: 'q1', maxLength: 64 })
  @Matches(ID, { message: '题目编号只能包含字母、数字、下划线和短横线（最多 64 个）' })
  @IsString({ message: '题目编号必须是文字' })
  id: string;

  @ApiProperty({ enum: QuestionKind })
  @IsEnum(QuestionKind, { message: '题型只能是 SINGLE（单选）、MULTIPLE（多选）、RATING（打分）或 TEXT（填空）' })
  kind: QuestionKind;

  @ApiProperty({ maxLength: SURVEY_LIMITS.questionTitle, example: '您最希望改造哪一项？' })
  @CharLength(1, SURVEY_LIMITS.questionTitle, { message: `题目应为 1 到 ${SURVEY_LIMITS.questionTitle} 个字` })
  @IsString({ message: '题目必须是文字' })
  title: string;

  @ApiPropertyOptional({ type: [SurveyChoiceDto], maxItems: SURVEY_LIMITS.choices, description: 'SINGLE and MULTIPLE only' })
  @OptionalField()
  @NestedList(() => SurveyChoiceDto, { max: SURVEY_LIMITS.choices, what: '选项' })
  choices?: SurveyChoiceDto[];

  @ApiProperty()
  @IsBoolean({ message: 'required（是否必答）必须是 true 或 false' })
  required: boolean;
}

/** POST /api/surveys: a draft survey of one compound. */
export class CreateSurveyDto implements CreateSurveyRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择小区' })
  compoundId: string;

  @ApiProperty({ enum: SurveyPurpose })
  @IsEnum(SurveyPurpose, { message: '调查类型只能是 NEEDS_SURVEY（改造需求调查）或 SATISFACTION_SURVEY（改造满意度调查）' })
  purpose: SurveyPurpose;

  @ApiProperty({ maxLength: SURVEY_LIMITS.title, example: '光明里小区改造需求调查' })
  @Matches(/\S/, { message: '请填写问卷标题' })
  @CharLength(1, SURVEY_LIMITS.title, { message: `问卷标题应为 1 到 ${SURVEY_LIMITS.title} 个字` })
  @IsString({ message: '问卷标题必须是文字' })
  title: string;

  @ApiProperty({ maxLength: SURVEY_LIMITS.intro })
  @CharLength(0, SURVEY_LIMITS.intro, { message: `问卷说明最多 ${SURVEY_LIMITS.intro} 个字` })
  @IsString({ message: '问卷说明必须是文字' })
  intro: string;

  @ApiProperty({ description: 'answers stored apart from the household, which cannot be joined to them' })
  @IsBoolean({ message: 'anonymous（是否匿名）必须是 true 或 false' })
  anonymous: boolean;

  @ApiProperty({ type: [SurveyQuestionDto], maxItems: SURVEY_LIMITS.questions })
  @NestedList(() => SurveyQuestionDto, { max: SURVEY_LIMITS.questions, what: '题目' })
  questions: SurveyQuestionDto[];

  @ApiProperty({ format: 'date-time', example: '2026-12-20T18:00:00+08:00' })
  @IsSaneDateTime('截止时间')
  closesAt: string;
}
