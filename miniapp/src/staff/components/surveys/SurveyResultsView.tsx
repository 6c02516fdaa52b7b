import { Text, View } from '@tarojs/components'
import type { SurveyResults } from '@linyi/shared'
import { QuestionResultCard } from './QuestionResultCard'
import { ResultBar } from './ResultBar'
import { AnonymityNote } from './SurveyParts'

/** How many households answered, then each question's chart. */
export function SurveyResultsView({ results }: { results: SurveyResults }) {
  return (
    <View className='section survey-results'>
      <Text className='section-title'>调查结果</Text>
      <View className='card survey-turnout'>
        <ResultBar className='survey-turnout-bar' label={`已作答（共 ${results.households} 户）`} count={results.respondents} total={results.households} />
      </View>
      {results.anonymous ? <AnonymityNote anonymous /> : null}
      {results.respondents === 0 ? <Text className='card text-body survey-no-answers'>还没有住户作答。</Text> : null}
      {results.questions.map((result, index) => (
        <QuestionResultCard key={result.questionId} result={result} number={index + 1} />
      ))}
    </View>
  )
}
