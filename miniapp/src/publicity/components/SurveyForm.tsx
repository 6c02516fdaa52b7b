import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { SurveyAnswerItem, SurveyView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { SurveyQuestionField } from './SurveyQuestionField'
import { anonymityNote, surveyAnswers, surveyDraftProblem, type SurveyDraft } from './publicity.rules'

interface Props {
  survey: SurveyView
  householdLabel: string
  sending: boolean
  error: string | null
  onSubmit: (answers: SurveyAnswerItem[]) => Promise<boolean>
}

/** The whole survey on one page: the anonymity note first, each question, one button to send. */
export function SurveyForm({ survey, householdLabel, sending, error, onSubmit }: Props) {
  const [draft, setDraft] = useState<SurveyDraft>({})
  const [problem, setProblem] = useState<string | null>(null)
  const submit = () => {
    const found = surveyDraftProblem(survey.questions, draft)
    setProblem(found)
    if (!found) void onSubmit(surveyAnswers(survey.questions, draft))
  }
  return (
    <View className='survey-form'>
      <View className={`card survey-anonymity ${survey.anonymous ? 'survey-anonymity--anonymous' : 'survey-anonymity--named'}`}>
        <Text className='publicity-card-title'>{survey.anonymous ? '不记名问卷' : '记名问卷'}</Text>
        <Text className='text-body survey-anonymity__text'>{anonymityNote(survey.anonymous)}</Text>
        <Text className='text-secondary'>每户填写一次，提交后不能修改。为 {householdLabel} 填写。</Text>
      </View>
      {survey.questions.map((question, index) => (
        <SurveyQuestionField
          key={question.id}
          index={index}
          question={question}
          value={draft[question.id]}
          onChange={(value) => setDraft((current) => ({ ...current, [question.id]: value }))}
        />
      ))}
      <ErrorNotice message={problem ?? error} className='survey-error' />
      <BigButton className='survey-submit' loading={sending} onClick={submit}>
        {sending ? '正在提交…' : '提交问卷'}
      </BigButton>
    </View>
  )
}
