import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PIPELINE_STAGE_LABELS } from '@linyi/shared'
import type { PlanNoticeView, ResidentPipelineView } from '@linyi/shared'
import { openPlanNoticePdf } from '../../api/pipeline-resident'
import { LoadError } from '../../components/LoadError'
import { LinkProblem } from '../../components/LinkProblem'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { linkProblem } from '../../acceptance/components/acceptance.rules'
import { decodeParam } from '../../consult/link.rules'
import { useMyCompoundPipeline } from '../../hooks/pipeline-resident'
import { formatDateTime } from '../../lib/format'
import { MyCompound } from '../components/MyCompound'
import { PdfButton } from '../components/PdfButton'
import { STAGE_WORDS } from '../components/plan.rules'
import { PublicityRoutes } from '../routes'
import '../publicity.css'

/** 小区改造 (`compoundId`): the compound's stage in plain words and the advance notice; without it, my only compound or a choice. */
export default function PlanPage() {
  const params = useRouter().params
  const problem = linkProblem(params, ['compoundId'])
  const compoundId = decodeParam(params.compoundId)
  const page = (id: string) => <PlanScreen compoundId={id} />
  return (
    <Screen className='publicity plan-page'>
      <View className='page-header'>
        <Text className='page-title'>小区改造</Text>
        <Text className='text-secondary'>老旧小区改造走到了哪一步，以及改造前请您注意的事。</Text>
      </View>
      {problem ? <LinkProblem message={problem} /> : compoundId ? page(compoundId) : <MyCompound name='plan' noHousehold='请先在首页绑定您的房屋，再查看小区的改造进度。' chooseTitle='看哪个小区的改造进度？' route={PublicityRoutes.plan}>{page}</MyCompound>}
    </Screen>
  )
}

function PlanScreen({ compoundId }: { compoundId: string }) {
  const plan = useMyCompoundPipeline(compoundId)
  const retryable = plan.errorStatus !== 403 && plan.errorStatus !== 404
  return (
    <>
      {plan.loading && !plan.data ? <LoadingNotice /> : null}
      {plan.error ? <LoadError name='plan' message={plan.error} stale={Boolean(plan.data)} onRetry={retryable ? () => void plan.reload() : null} /> : null}
      {plan.data ? <Plan view={plan.data} /> : null}
    </>
  )
}

function Plan({ view }: { view: ResidentPipelineView }) {
  return (
    <>
      <View className={`card plan-stage plan-stage--${view.stage.toLowerCase()}`}>
        <Text className='text-secondary'>{view.compoundName}</Text>
        <Text className='page-title plan-stage__label'>{PIPELINE_STAGE_LABELS[view.stage]}</Text>
        <Text className='text-body plan-stage__words'>{STAGE_WORDS[view.stage]}</Text>
        {view.since ? <Text className='text-secondary plan-stage__since'>自 {formatDateTime(view.since)} 起</Text> : null}
      </View>
      {view.notice ? <Notice compoundId={view.compoundId} notice={view.notice} /> : <Text className='card text-body plan-no-notice'>目前没有改造告知。小区列入改造储备库时，会在这里和“消息”里告诉您。</Text>}
    </>
  )
}

function Notice({ compoundId, notice }: { compoundId: string; notice: PlanNoticeView }) {
  return (
    <View className='card plan-notice'>
      <Text className='publicity-card-title plan-notice__title'>{notice.title}</Text>
      <Text className='text-body plan-notice__body'>{notice.body}</Text>
      <Text className='text-secondary plan-notice__issued'>发出时间：{formatDateTime(notice.issuedAt)}</Text>
      <PdfButton name='告知书' label='保存/打印告知书' className='plan-notice-pdf' open={() => openPlanNoticePdf(compoundId)} />
    </View>
  )
}
