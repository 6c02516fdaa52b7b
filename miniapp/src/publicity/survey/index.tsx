import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { SURVEY_PURPOSE_LABELS, SurveyStatus } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { LoadError } from '../../components/LoadError'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { linkProblem } from '../../acceptance/components/acceptance.rules'
import { decodeParam } from '../../consult/link.rules'
import { useMySurveys, useSurveyAnswer } from '../../hooks/surveys-resident'
import { formatDateTime } from '../../lib/format'
import { Routes, goBackOr, withParams } from '../../lib/routes'
import { LinkProblem } from '../../components/LinkProblem'
import { SurveyForm } from '../components/SurveyForm'
import { SurveyList } from '../components/SurveyList'
import { PublicityRoutes } from '../routes'
import '../publicity.css'

/** 问卷调查 (`surveyId`, `householdId`): answering one survey for one household; without them, my surveys. */
export default function SurveyPage() {
  const params = useRouter().params
  const problem = linkProblem(params, ['surveyId', 'householdId'])
  const surveyId = decodeParam(params.surveyId)
  const householdId = decodeParam(params.householdId)
  const incomplete = Boolean(surveyId) !== Boolean(householdId)
  return (
    <Screen className='publicity survey-page'>
      {problem || incomplete ? (
        <LinkProblem message={problem ?? '链接不完整：缺少问卷或房屋编号，请从首页重新打开。'} />
      ) : surveyId ? (
        <SurveyScreen surveyId={surveyId} householdId={householdId} />
      ) : (
        <MySurveys />
      )}
    </Screen>
  )
}

function MySurveys() {
  const list = useMySurveys()
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>问卷调查</Text>
        <Text className='text-secondary'>改造前问需求，改造后问满意度。每户填一次。</Text>
      </View>
      {list.loading && !list.data ? <LoadingNotice /> : null}
      {list.error ? <LoadError name='surveys' message={list.error} stale={Boolean(list.data)} onRetry={() => void list.reload()} /> : null}
      {list.data ? (
        <SurveyList
          entries={list.data}
          onOpen={(entry) => void Taro.navigateTo({ url: withParams(PublicityRoutes.survey, { surveyId: entry.survey.id, householdId: entry.householdId }) })}
        />
      ) : null}
    </>
  )
}

function SurveyScreen({ surveyId, householdId }: { surveyId: string; householdId: string }) {
  const s = useSurveyAnswer(surveyId, householdId)
  const entry = s.entry
  const survey = entry?.survey ?? null
  const open = survey?.status === SurveyStatus.Open && Date.parse(survey.closesAt) > Date.now()
  const formShown = Boolean(survey && entry && !entry.answered && open)

  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>{survey ? survey.title : '问卷调查'}</Text>
        {survey ? <Text className='text-secondary'>{SURVEY_PURPOSE_LABELS[survey.purpose]} · {entry?.householdLabel}</Text> : null}
      </View>
      {s.loading && !s.data ? <LoadingNotice /> : null}
      {s.error ? <LoadError name='survey' message={s.error} stale={Boolean(s.data)} onRetry={() => void s.reload()} /> : null}
      {s.data && !entry ? <Text className='card text-body survey-missing'>没有找到这份问卷，它可能不是您家所在小区的问卷。</Text> : null}
      {survey && survey.intro ? <Text className='card text-body survey-intro'>{survey.intro}</Text> : null}
      {s.receipt ? (
        <View className='card publicity-outcome survey-receipt' role='status'>
          <Text className='publicity-card-title'>问卷已提交，谢谢您！</Text>
          <Text className='text-body'>提交时间：{formatDateTime(s.receipt.answeredAt)}</Text>
          {survey?.anonymous ? <Text className='text-body'>这是不记名问卷：您的回答没有和您家的房屋保存在一起。</Text> : null}
        </View>
      ) : null}
      {entry && entry.answered && !s.receipt ? (
        <View className='card survey-answered'>
          <Text className='text-body'>{entry.householdLabel} 已经填写过这份问卷，每户只能填一次。谢谢您！</Text>
        </View>
      ) : null}
      {survey && !entry?.answered && !open ? <Text className='card text-body survey-closed'>这份问卷已经结束，不能再填写了。</Text> : null}
      {/* The form is gone (answered elsewhere, closed meanwhile): the server's words still say why. */}
      {s.problem && !formShown ? <LoadError name='survey-answer' message={s.problem} stale={false} onRetry={null} /> : null}
      {formShown && survey && entry ? (
        <SurveyForm survey={survey} householdLabel={entry.householdLabel} sending={s.sending} error={s.problem} onSubmit={s.send} />
      ) : null}
      {entry?.answered || s.receipt ? (
        <BigButton variant='secondary' className='survey-done' onClick={() => goBackOr(Routes.home)}>
          返回
        </BigButton>
      ) : null}
    </>
  )
}
