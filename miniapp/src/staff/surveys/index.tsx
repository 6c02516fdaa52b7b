import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { StaffAction } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { useCompoundInScope } from '../../hooks/roster'
import { canDo } from '../../hooks/staff-session'
import { useCompoundSurveys } from '../../hooks/surveys-staff'
import { withParams } from '../../lib/routes'
import { NotLoaded } from '../components/LoadFailure'
import { RefreshButton } from '../components/RefreshButton'
import { SurveyCard } from '../components/surveys/SurveyCard'
import { SurveyForm } from '../components/surveys/SurveyForm'
import { STAFF_SURVEY_ROUTE } from '../components/surveys/survey-routes'
import { WorksScreen } from '../components/works/WorksScreen'
import '../staff.css'
import '../components/accounts/accounts.css'
import '../components/screening/screening.css'
import '../components/works/works.css'
import '../components/surveys/surveys.css'

const openSurvey = (surveyId: string) => void Taro.navigateTo({ url: withParams(STAFF_SURVEY_ROUTE, { surveyId }) })

/** The compound's surveys (问需 before the works, 问效 after), newest first; a new one starts as a draft. */
function CompoundSurveys({ compoundId, profile }: { compoundId: string; profile: StaffView }) {
  const surveys = useCompoundSurveys(compoundId)
  const compound = useCompoundInScope(compoundId)
  const authors = canDo(profile, StaffAction.AuthorSurvey)
  const [creating, setCreating] = useState(false)
  const list = [...(surveys.data ?? [])].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  const now = new Date()
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>问卷调查</Text>
        {compound.data ? <Text className='section-title surveys-compound-name'>{compound.data.name}</Text> : null}
        <Text className='text-secondary'>改造前问需于民，改造后问效于民：每户答一次，结果按题统计。</Text>
      </View>
      {authors && !creating ? (
        <BigButton className='survey-new' onClick={() => setCreating(true)}>
          新建问卷
        </BigButton>
      ) : null}
      {creating ? (
        <SurveyForm
          compoundId={compoundId}
          onCancel={() => setCreating(false)}
          onCreated={(survey) => {
            setCreating(false)
            void surveys.reload()
            openSurvey(survey.id)
          }}
        />
      ) : null}
      <View className='section surveys-list'>
        <Text className='section-title'>本小区的问卷</Text>
        {surveys.data ? null : <NotLoaded state={surveys} />}
        {surveys.data && list.length === 0 ? (
          <Text className='card text-body surveys-none'>{authors ? '还没有问卷。点上面的“新建问卷”开始。' : '还没有问卷。'}</Text>
        ) : null}
        {list.map((survey) => (
          <SurveyCard key={survey.id} survey={survey} now={now} onOpen={() => openSurvey(survey.id)} />
        ))}
      </View>
      <RefreshButton className='surveys-refresh' state={surveys} />
    </>
  )
}

export default function StaffSurveysPage() {
  const compoundId = decodeURIComponent(useRouter().params.compoundId ?? '')
  return (
    <WorksScreen
      className='staff-surveys'
      action={StaffAction.ViewSurveyResults}
      deniedText='问卷调查由居委会和街道办发起和查看。'
      missingText={compoundId ? null : '链接中缺少小区编号，请从小区页面进入“问卷调查”。'}
    >
      {(profile) => <CompoundSurveys compoundId={compoundId} profile={profile} />}
    </WorksScreen>
  )
}
