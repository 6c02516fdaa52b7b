import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StaffAction, SurveyStatus } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { LoadingNotice } from '../../components/Notice'
import { canDo } from '../../hooks/staff-session'
import { useSurvey } from '../../hooks/surveys-staff'
import { formatDateTime } from '../../lib/format'
import { LoadFailure, NotLoaded } from '../components/LoadFailure'
import { RefreshButton } from '../components/RefreshButton'
import { SurveyActions } from '../components/surveys/SurveyActions'
import { AnonymityNote, AnonymousBadge, PurposeLabel, SurveyStatusChip } from '../components/surveys/SurveyParts'
import { SurveyQuestions } from '../components/surveys/SurveyQuestions'
import { SurveyResultsView } from '../components/surveys/SurveyResultsView'
import { closingText } from '../components/surveys/survey-results.rules'
import { WorksScreen } from '../components/works/WorksScreen'
import '../staff.css'
import '../components/works/works.css'
import '../components/dashboard/dashboard.css'
import '../components/surveys/surveys.css'

/** One survey: publish or end it, and its results per question with bar charts. */
function Survey({ surveyId, profile }: { surveyId: string; profile: StaffView }) {
  const seesResults = canDo(profile, StaffAction.ViewSurveyResults)
  const loaded = useSurvey(surveyId, seesResults)
  const { survey, results } = loaded
  if (!survey) return <NotLoaded state={loaded} />
  const draft = survey.status === SurveyStatus.Draft
  return (
    <>
      <View className='page-header'>
        <View className='works-row'>
          <SurveyStatusChip status={survey.status} />
          {survey.anonymous ? <AnonymousBadge /> : null}
        </View>
        <PurposeLabel purpose={survey.purpose} />
        <Text className='page-title survey-title'>{survey.title}</Text>
        <Text className='text-secondary survey-closing-line'>{closingText(survey, new Date())}</Text>
        {survey.publishedAt ? <Text className='text-secondary'>发布于 {formatDateTime(survey.publishedAt)}</Text> : null}
      </View>
      {survey.intro ? <Text className='card text-body survey-intro'>{survey.intro}</Text> : null}
      <AnonymityNote anonymous={survey.anonymous} />
      {canDo(profile, StaffAction.AuthorSurvey) ? <SurveyActions survey={survey} publish={loaded.publish} close={loaded.close} /> : null}
      {draft ? <SurveyQuestions questions={survey.questions} /> : null}
      {!draft && seesResults ? (
        results.data ? (
          <SurveyResultsView results={results.data} />
        ) : results.error ? (
          <LoadFailure message={results.error} status={results.errorStatus} onRetry={() => void results.reload()} />
        ) : (
          <LoadingNotice text='正在统计结果…' />
        )
      ) : null}
      <RefreshButton className='survey-refresh' state={loaded} />
    </>
  )
}

export default function StaffSurveyPage() {
  const surveyId = decodeURIComponent(useRouter().params.surveyId ?? '')
  return (
    <WorksScreen
      className='staff-survey'
      action={StaffAction.ViewSurveyResults}
      deniedText='问卷和调查结果供居委会和街道办查看。'
      missingText={surveyId ? null : '链接中缺少问卷编号，请从“问卷调查”进入。'}
    >
      {(profile) => <Survey surveyId={surveyId} profile={profile} />}
    </WorksScreen>
  )
}
