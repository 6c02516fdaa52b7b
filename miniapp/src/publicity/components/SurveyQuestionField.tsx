import { Text, Textarea, View } from '@tarojs/components'
import { QuestionKind, SURVEY_LIMITS } from '@linyi/shared'
import type { SurveyQuestion } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { RATINGS, RATING_HINT, type SurveyDraft } from './publicity.rules'

interface Props {
  index: number
  question: SurveyQuestion
  value: SurveyDraft[string] | undefined
  onChange: (value: SurveyDraft[string]) => void
}

/** One question, answered with big buttons (choices, the five ratings) or in words. */
export function SurveyQuestionField({ index, question, value, onChange }: Props) {
  const chosen = value?.choiceIds ?? []
  const toggle = (choiceId: string) =>
    onChange({ choiceIds: question.kind === QuestionKind.Single ? [choiceId] : chosen.includes(choiceId) ? chosen.filter((id) => id !== choiceId) : [...chosen, choiceId] })
  return (
    <View className='card survey-question' id={`survey-question-${question.id}`}>
      <Text className='survey-question__title'>
        {index + 1}. {question.title}
      </Text>
      <Text className='text-secondary survey-question__hint'>
        {question.kind === QuestionKind.Multiple ? '可以选多项' : question.kind === QuestionKind.Single ? '选一项' : question.kind === QuestionKind.Rating ? RATING_HINT : '写几句话'}
        {question.required ? '（必填）' : '（可不填）'}
      </Text>
      {question.kind === QuestionKind.Single || question.kind === QuestionKind.Multiple
        ? (question.choices ?? []).map((choice) => {
            const on = chosen.includes(choice.id)
            return (
              <BigButton key={choice.id} variant={on ? 'primary' : 'secondary'} className={`survey-choice ${on ? 'survey-choice--on' : ''}`} onClick={() => toggle(choice.id)}>
                {on ? `✓ ${choice.title}` : choice.title}
              </BigButton>
            )
          })
        : null}
      {question.kind === QuestionKind.Rating ? (
        <View className='survey-ratings'>
          {RATINGS.map((rating) => (
            <BigButton
              key={rating}
              variant={value?.rating === rating ? 'primary' : 'secondary'}
              className={`survey-rating survey-rating--${rating} ${value?.rating === rating ? 'survey-rating--on' : ''}`}
              onClick={() => onChange({ rating })}
            >
              {`${rating}分`}
            </BigButton>
          ))}
        </View>
      ) : null}
      {question.kind === QuestionKind.Text ? (
        <Textarea
          className='text-area survey-text'
          value={value?.text ?? ''}
          maxlength={SURVEY_LIMITS.text}
          placeholder='请写在这里'
          placeholderClass='field-placeholder'
          aria-label={question.title}
          onInput={(e) => onChange({ text: e.detail.value })}
        />
      ) : null}
    </View>
  )
}
