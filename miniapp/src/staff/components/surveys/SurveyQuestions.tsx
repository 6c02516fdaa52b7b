import { Text, View } from '@tarojs/components'
import { QUESTION_KIND_LABELS } from '@linyi/shared'
import type { SurveyQuestion } from '@linyi/shared'

/** The questions as residents will get them: for checking a draft before it is published. */
export function SurveyQuestions({ questions }: { questions: SurveyQuestion[] }) {
  return (
    <View className='section survey-question-list'>
      <Text className='section-title'>题目（{questions.length} 道）</Text>
      {questions.map((question, index) => (
        <View key={question.id} className='card survey-question' data-question={question.id}>
          <Text className='survey-question__title'>
            {index + 1}. {question.title}
          </Text>
          <Text className='text-secondary survey-question__kind'>
            {QUESTION_KIND_LABELS[question.kind] ?? question.kind}
            {question.required ? ' · 必答' : ' · 选答'}
          </Text>
          {question.choices?.map((choice) => (
            <Text key={choice.id} className='text-body survey-question__choice'>
              ○ {choice.title}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
