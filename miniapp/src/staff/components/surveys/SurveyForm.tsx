import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { SURVEY_LIMITS, SurveyPurpose } from '@linyi/shared'
import type { SurveyView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { useCreateSurvey } from '../../../hooks/surveys-staff'
import { ChoiceButtons } from '../accounts/ChoiceButtons'
import { TickRow } from '../screening/TickRow'
import { CharCounter } from '../works/WorksParts'
import { charCount } from '../works/plan-form.rules'
import { ClosingPicker } from './ClosingPicker'
import { QuestionEditor } from './QuestionEditor'
import { AnonymityNote } from './SurveyParts'
import { blankQuestion, newSurveyDraft, surveyDraftProblem, surveyRequestOf, type SurveyDraft } from './survey-form.rules'

const PURPOSE_CHOICES = [
  { value: SurveyPurpose.Needs, label: '问需：改造需求调查（改造前）' },
  { value: SurveyPurpose.Satisfaction, label: '问效：改造满意度调查（改造后）' },
]

interface Props {
  compoundId: string
  onCancel: () => void
  onCreated: (survey: SurveyView) => void
}

/** A new survey, saved as a draft: residents see nothing until it is published. */
export function SurveyForm({ compoundId, onCancel, onCreated }: Props) {
  const [draft, setDraft] = useState<SurveyDraft>(() => newSurveyDraft(new Date()))
  const change = (patch: Partial<SurveyDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const create = useCreateSurvey(onCreated)
  const problem = surveyDraftProblem(draft, new Date())
  const save = () => {
    if (!problem) void create.run(surveyRequestOf(compoundId, draft))
  }
  return (
    <View className='card survey-form'>
      <Text className='section-title'>新建问卷</Text>
      <Text className='field-label'>问卷用途</Text>
      <ChoiceButtons className='survey-purpose' choices={PURPOSE_CHOICES} selected={draft.purpose} onSelect={(purpose) => change({ purpose: purpose as SurveyPurpose })} />
      <Text className='field-label'>标题</Text>
      <Input
        className='text-input survey-title-input'
        nativeProps={{ 'aria-label': '问卷标题' }}
        value={draft.title}
        maxlength={SURVEY_LIMITS.title + 10}
        placeholder='例如：1号楼改造需求调查'
        onInput={(e) => change({ title: e.detail.value })}
      />
      <CharCounter used={charCount(draft.title)} max={SURVEY_LIMITS.title} />
      <Text className='field-label'>说明（选填）</Text>
      <Textarea
        className='text-area survey-intro-input'
        nativeProps={{ 'aria-label': '问卷说明' }}
        value={draft.intro}
        maxlength={SURVEY_LIMITS.intro + 20}
        placeholder='为什么做这次调查，结果怎么用'
        onInput={(e) => change({ intro: e.detail.value })}
      />
      <CharCounter used={charCount(draft.intro)} max={SURVEY_LIMITS.intro} />
      <TickRow className='survey-anonymous' label='匿名问卷' on={draft.anonymous} onToggle={() => change({ anonymous: !draft.anonymous })} />
      <AnonymityNote anonymous={draft.anonymous} />
      <Text className='section-title survey-questions-title'>题目（{draft.questions.length} 道）</Text>
      {draft.questions.map((question, index) => (
        <QuestionEditor key={question.id} questions={draft.questions} index={index} onChange={(questions) => change({ questions })} />
      ))}
      {draft.questions.length < SURVEY_LIMITS.questions ? (
        <BigButton variant='secondary' className='survey-question-add' onClick={() => change({ questions: [...draft.questions, blankQuestion(draft.questions)] })}>
          添加一道题
        </BigButton>
      ) : (
        <Text className='text-secondary'>最多 {SURVEY_LIMITS.questions} 道题。</Text>
      )}
      <ClosingPicker date={draft.closeDate} clock={draft.closeClock} onChange={change} />
      <ErrorNotice message={create.error} className='survey-save-error' />
      <BigButton className='survey-save' disabled={problem !== null} loading={create.submitting} onClick={save}>
        {create.submitting ? '正在保存…' : (problem ?? '保存为草稿')}
      </BigButton>
      <Text className='text-secondary'>保存后是草稿：检查无误再点“发布”，住户才能看到并作答。</Text>
      <BigButton variant='link' className='survey-cancel' onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}
