import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PipelineStage, StaffAction } from '@linyi/shared'
import type { PipelineView, StaffView } from '@linyi/shared'
import { usePipeline, type PipelineState } from '../../hooks/pipeline-staff'
import { canDo } from '../../hooks/staff-session'
import { NotLoaded } from '../components/LoadFailure'
import { RefreshButton } from '../components/RefreshButton'
import { CompletionCard } from '../components/pipeline/CompletionCard'
import { ExcludedBuildings, GatesCard } from '../components/pipeline/GatesCard'
import { GateRecords } from '../components/pipeline/GateRecords'
import { MissingGates } from '../components/pipeline/MissingGates'
import { MoveHistory } from '../components/pipeline/MoveHistory'
import { MoveSection } from '../components/pipeline/MoveSection'
import { NoticeCard } from '../components/pipeline/NoticeCard'
import { StageCard } from '../components/pipeline/StageCard'
import { gatesAhead, unmet } from '../components/pipeline/pipeline.rules'
import { WorksScreen } from '../components/works/WorksScreen'
import '../staff.css'
import '../components/works/works.css'
import '../components/pipeline/pipeline.css'

const worksStarted = (stage: PipelineStage) => stage === PipelineStage.InWorks || stage === PipelineStage.Completed

function Pipeline({ view, profile, state }: { view: PipelineView; profile: StaffView; state: PipelineState }) {
  const manages = canDo(profile, StaffAction.ManagePipeline)
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>{view.compoundName}</Text>
        <Text className='text-secondary'>{manages ? '老旧小区改造进度：调整阶段、记录列入年度计划前的条件。' : '老旧小区改造进度（只读，由街道办调整）。'}</Text>
      </View>
      <StageCard stage={view.stage} since={view.since} />
      {/* Street staff read the same in the gates and in a refused move: 还缺 is for those who cannot act here. */}
      {!manages && gatesAhead(view.stage) ? <MissingGates gates={unmet(view.gates)} /> : null}
      {manages ? <MoveSection stage={view.stage} nextStages={view.nextStages} moving={state.moving} refusal={state.refusal} onMove={state.move} /> : null}
      <GatesCard gates={view.gates} />
      <ExcludedBuildings buildings={view.excludedBuildings} />
      {manages ? <GateRecords view={view} state={state} /> : null}
      <NoticeCard notice={view.notice} compoundId={view.compoundId} compoundName={view.compoundName} />
      {worksStarted(view.stage) || view.completion.units > 0 ? <CompletionCard completion={view.completion} /> : null}
      <MoveHistory moves={view.moves} />
      <RefreshButton className='pipeline-refresh' state={state} />
    </>
  )
}

function PipelineLoader({ compoundId, profile }: { compoundId: string; profile: StaffView }) {
  const state = usePipeline(compoundId)
  if (!state.view) return <NotLoaded state={state} />
  return <Pipeline view={state.view} profile={profile} state={state} />
}

export default function StaffPipelinePage() {
  const compoundId = decodeURIComponent(useRouter().params.id ?? '')
  return (
    <WorksScreen
      className='staff-pipeline'
      action={StaffAction.ViewPipeline}
      deniedText='改造进度供居委会、街道办、施工单位和系统管理员查看。'
      missingText={compoundId ? null : '链接中缺少小区编号，请从小区页面进入“改造进度”。'}
    >
      {(profile) => <PipelineLoader compoundId={compoundId} profile={profile} />}
    </WorksScreen>
  )
}
