import { Input, Text, View } from '@tarojs/components'
import { QUESTION_KIND_LABELS, QuestionKind, RATING_MAX, RATING_MIN, SURVEY_LIMITS } from '@linyi/shared'
import type { SurveyChoice, SurveyQuestion } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { moved } from '../../../lib/draft/items'
import { ChoiceButtons } from '../accounts/ChoiceButtons'
import { MiniButton } from '../MiniButton'
import { TickRow } from '../screening/TickRow'
import { blankChoice, hasChoices, withKind } from './survey-form.rules'

const KIND_CHOICES = Object.values(QuestionKind).map((kind) => ({ value: kind, label: QUESTION_KIND_LABELS[kind] }))

const KIND_HINT: Partial<Record<QuestionKind, string>> = {
  [QuestionKind.Rating]: `住户从 ${RATING_MIN} 到 ${RATING_MAX} 分中选一个（${RATING_MAX} 分最满意）。`,
  [QuestionKind.Text]: `住户自己写，最多 ${SURVEY_LIMITS.text} 字。`,
}

interface Props {
  questions: SurveyQuestion[]
  index: number
  onChange: (questions: SurveyQuestion[]) => void
}

/** One question: its kind, its words, whether it must be answered, and for a choice question its choices. */
export function QuestionEditor({ questions, index, onChange }: Props) {
  const question = questions[index]
  const number = index + 1
  const edit = (next: SurveyQuestion) => onChange(questions.map((q, i) => (i === index ? next : q)))
  const choices = question.choices ?? []
  const editChoices = (next: SurveyChoice[]) => edit({ ...question, choices: next })
  return (
    <View className='card survey-question-editor' data-question={question.id}>
      <View className='works-row'>
        <Text className='survey-question-editor__number'>第 {number} 题</Text>
        <View className='works-row__actions'>
          <MiniButton className='survey-question-up' disabled={index === 0} onClick={() => onChange(moved(questions, index, -1))}>
            上移
          </MiniButton>
          <MiniButton className='survey-question-down' disabled={index === questions.length - 1} onClick={() => onChange(moved(questions, index, 1))}>
            下移
          </MiniButton>
          <MiniButton className='survey-question-remove' onClick={() => onChange(questions.filter((_, i) => i !== index))}>
            删除
          </MiniButton>
        </View>
      </View>
      <Text className='field-label'>题型</Text>
      <ChoiceButtons className='survey-question-kind' choices={KIND_CHOICES} selected={question.kind} onSelect={(kind) => edit(withKind(question, kind as QuestionKind))} />
      <Text className='field-label'>题目</Text>
      <Input
        className='text-input survey-question-title'
        nativeProps={{ 'aria-label': `第 ${number} 题题目` }}
        value={question.title}
        maxlength={SURVEY_LIMITS.questionTitle + 10}
        placeholder='例如：您最希望改造哪一项？'
        onInput={(e) => edit({ ...question, title: e.detail.value })}
      />
      {KIND_HINT[question.kind] ? <Text className='text-secondary survey-question-hint'>{KIND_HINT[question.kind]}</Text> : null}
      {hasChoices(question.kind) ? (
        <View className='survey-choices'>
          <Text className='field-label'>选项</Text>
          {choices.map((choice, c) => (
            <View key={choice.id} className='works-row survey-choice-row' data-choice={choice.id}>
              <Input
                className='text-input survey-choice-title'
                nativeProps={{ 'aria-label': `第 ${number} 题选项 ${c + 1}` }}
                value={choice.title}
                maxlength={SURVEY_LIMITS.choiceTitle + 10}
                placeholder={`选项 ${c + 1}`}
                onInput={(e) => editChoices(choices.map((x, i) => (i === c ? { ...x, title: e.detail.value } : x)))}
              />
              <MiniButton className='survey-choice-remove' disabled={choices.length <= 2} onClick={() => editChoices(choices.filter((_, i) => i !== c))}>
                删除
              </MiniButton>
            </View>
          ))}
          {choices.length < SURVEY_LIMITS.choices ? (
            <BigButton variant='secondary' className='survey-choice-add' onClick={() => editChoices([...choices, blankChoice(choices)])}>
              添加选项
            </BigButton>
          ) : (
            <Text className='text-secondary'>最多 {SURVEY_LIMITS.choices} 个选项。</Text>
          )}
        </View>
      ) : null}
      <TickRow className='survey-question-required' label='必答题（不答不能提交）' on={question.required} onToggle={() => edit({ ...question, required: !question.required })} />
    </View>
  )
}
