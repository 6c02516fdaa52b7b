import { Text, View } from '@tarojs/components'
import { QUESTION_KIND_LABELS, QuestionKind } from '@linyi/shared'
import type { QuestionResult } from '@linyi/shared'
import { ResultBar } from './ResultBar'
import { averageText, ratingRows } from './survey-results.rules'

/** Answers to one question: bars per choice or per score (of those who answered it), or the texts as the server sorted them. */
export function QuestionResultCard({ result, number }: { result: QuestionResult; number: number }) {
  const multiple = result.kind === QuestionKind.Multiple
  return (
    <View className='card survey-result' data-question={result.questionId}>
      <Text className='survey-result__title'>
        {number}. {result.title}
      </Text>
      <Text className='text-secondary survey-result__meta'>
        {QUESTION_KIND_LABELS[result.kind] ?? result.kind} · {result.answered} 户作答{multiple ? '（每户可选多项，百分比按作答户数计）' : ''}
      </Text>
      {result.choices?.map((choice) => (
        <ResultBar key={choice.choiceId} className='survey-choice-bar' label={choice.title} count={choice.count} total={result.answered} />
      ))}
      {result.kind === QuestionKind.Rating ? (
        <>
          <Text className='survey-average'>{averageText(result)}</Text>
          {ratingRows(result).map((row) => (
            <ResultBar key={row.rating} className='survey-rating-bar' label={`${row.rating} 分`} count={row.count} total={result.answered} />
          ))}
        </>
      ) : null}
      {result.kind === QuestionKind.Text ? (
        result.texts?.length ? (
          <View className='survey-texts'>
            {result.texts.map((item, i) => (
              <View key={i} className='survey-text'>
                {item.householdLabel ? <Text className='survey-text__who'>{item.householdLabel}</Text> : null}
                <Text className='text-body survey-text__words'>{item.text}</Text>
              </View>
            ))}
          </View>
        ) : (
          <Text className='text-body survey-no-texts'>还没有文字答案。</Text>
        )
      ) : null}
    </View>
  )
}
