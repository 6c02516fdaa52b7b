import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PublicityStage, StaffAction } from '@linyi/shared'
import type { ConsultationView, PublicityView, StaffView } from '@linyi/shared'
import { openResultNotice } from '../../api/publicity-staff'
import { usePublicity } from '../../hooks/publicity-staff'
import { actionLabel, canDo } from '../../hooks/staff-session'
import { NotLoaded } from '../components/LoadFailure'
import { RefreshButton } from '../components/RefreshButton'
import { FinalPublish } from '../components/publicity/FinalPublish'
import { GroupCountsCard } from '../components/publicity/GroupCountsCard'
import { ObjectionCard } from '../components/publicity/ObjectionCard'
import { PreliminaryPublish } from '../components/publicity/PreliminaryPublish'
import { PrintButton } from '../components/publicity/PrintButton'
import { PublicityHeader } from '../components/publicity/PublicityHeader'
import { finalBlocked, objectionsInOrder, preliminaryBlocked } from '../components/publicity/publicity-staff.rules'
import { WorksScreen } from '../components/works/WorksScreen'
import '../staff.css'
import '../components/works/works.css'
import '../components/publicity/publicity.css'

type Loaded = ReturnType<typeof usePublicity>

function Objections({ view, profile, answer }: { view: PublicityView; profile: StaffView; answer: Loaded['answer'] }) {
  const answers = canDo(profile, StaffAction.AnswerObjections) ? actionLabel(profile, StaffAction.AnswerObjections, '提交答复') : null
  return (
    <View className='section publicity-objections'>
      <Text className='section-title'>异议（{view.openObjections} 条待答复）</Text>
      {view.objections.length === 0 ? <Text className='text-body publicity-no-objections'>还没有住户提出异议。</Text> : null}
      {objectionsInOrder(view.objections).map((objection) => (
        <ObjectionCard key={objection.id} objection={objection} answerLabel={answers} onAnswer={answer} />
      ))}
    </View>
  )
}

function Publicity({ consultation, view, profile, loaded }: { consultation: ConsultationView; view: PublicityView; profile: StaffView; loaded: Loaded }) {
  const publishes = canDo(profile, StaffAction.PublishResults)
  const published = view.stage !== PublicityStage.None
  return (
    <>
      <PublicityHeader consultation={consultation} view={view} />
      {published ? (
        <PrintButton text='打印公告' noun='公告' className='publicity-print-notice' open={() => openResultNotice(view.consultationId, view.title)} />
      ) : null}
      <Text className='section-title'>各组统计（按户数和面积）</Text>
      {view.groups.length === 0 ? <Text className='card text-body publicity-no-groups'>还没有可统计的组。</Text> : null}
      {view.groups.map((group) => (
        <GroupCountsCard key={group.groupId} consultationId={view.consultationId} group={group} options={consultation.options} profile={profile} />
      ))}
      {publishes && !published ? (
        <PreliminaryPublish
          blocked={preliminaryBlocked(consultation, view)}
          label={actionLabel(profile, StaffAction.PublishResults, '发布初步统计结果')}
          publish={loaded.publishPreliminary}
        />
      ) : null}
      {published && canDo(profile, StaffAction.ViewObjections) ? <Objections view={view} profile={profile} answer={loaded.answer} /> : null}
      {publishes && view.stage === PublicityStage.Preliminary ? (
        <FinalPublish blocked={finalBlocked(view)} label={actionLabel(profile, StaffAction.PublishResults, '发布最终结果')} publish={loaded.publishFinal} />
      ) : null}
      <RefreshButton className='publicity-refresh' state={loaded} />
    </>
  )
}

function PublicityLoader({ consultationId, profile }: { consultationId: string; profile: StaffView }) {
  const loaded = usePublicity(consultationId)
  if (!loaded.consultation || !loaded.view) return <NotLoaded state={loaded} />
  return <Publicity consultation={loaded.consultation} view={loaded.view} profile={profile} loaded={loaded} />
}

export default function StaffPublicityPage() {
  const consultationId = decodeURIComponent(useRouter().params.consultationId ?? '')
  return (
    <WorksScreen
      className='staff-publicity'
      action={StaffAction.ViewAnswerClasses}
      deniedText='结果公示与异议供居委会、街道办和系统管理员查看。'
      missingText={consultationId ? null : '链接中缺少征询编号，请从征询进度页面进入“结果公示与异议”。'}
    >
      {(profile) => <PublicityLoader consultationId={consultationId} profile={profile} />}
    </WorksScreen>
  )
}
