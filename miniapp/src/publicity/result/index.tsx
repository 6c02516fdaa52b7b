import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { DecisionRule, PublicityStage } from '@linyi/shared'
import { openResultNoticePdf } from '../../api/publicity-resident'
import { LoadError } from '../../components/LoadError'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { linkProblem } from '../../acceptance/components/acceptance.rules'
import { decodeParam } from '../../consult/link.rules'
import { useMyPublicity, useOptionTitles, usePublicity } from '../../hooks/publicity-resident'
import { useMe } from '../../hooks/resident'
import { withParams } from '../../lib/routes'
import { GroupResult } from '../components/GroupResult'
import { MyObjections } from '../components/MyObjections'
import { ObjectionForm } from '../components/ObjectionForm'
import { PdfButton } from '../components/PdfButton'
import { LinkProblem } from '../../components/LinkProblem'
import { PublicityList } from '../components/PublicityList'
import { StageCard } from '../components/StageCard'
import { PublicityRoutes } from '../routes'
import '../publicity.css'

/** 结果公示 (`consultationId`): the published result, each room's answer class, objections; without it, the list of published results. */
export default function ResultPage() {
  const params = useRouter().params
  const problem = linkProblem(params, ['consultationId'])
  const consultationId = decodeParam(params.consultationId)
  return (
    <Screen className='publicity result'>
      {problem ? <LinkProblem message={problem} /> : consultationId ? <ResultScreen consultationId={consultationId} /> : <ResultList />}
    </Screen>
  )
}

function ResultList() {
  const list = useMyPublicity()
  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>结果公示</Text>
        <Text className='text-secondary'>意见征询截止后的统计结果。公示期间对某一户的统计有异议，可以提出。</Text>
      </View>
      {list.loading && !list.data ? <LoadingNotice /> : null}
      {list.error ? <LoadError name='publicity' message={list.error} stale={Boolean(list.data)} onRetry={() => void list.reload()} /> : null}
      {list.data ? (
        <PublicityList entries={list.data} onOpen={(entry) => void Taro.navigateTo({ url: withParams(PublicityRoutes.result, { consultationId: entry.consultationId }) })} />
      ) : null}
    </>
  )
}

function ResultScreen({ consultationId }: { consultationId: string }) {
  const p = usePublicity(consultationId)
  const me = useMe()
  const [objecting, setObjecting] = useState<{ householdId: string; label: string } | null>(null)
  const view = p.data
  const mine = new Set((me.data?.households ?? []).map((h) => h.id))
  const optionTitles = useOptionTitles(consultationId, view?.rule === DecisionRule.Plurality)
  const canObject = Boolean(view?.windowOpen && view.stage === PublicityStage.Preliminary)
  const retryable = p.errorStatus !== 403 && p.errorStatus !== 404
  const objectionForm = objecting ? (
    <ObjectionForm
      key={objecting.householdId}
      label={objecting.label}
      sending={p.sending}
      error={p.problem}
      onSubmit={async (text) => {
        const done = await p.object(objecting.householdId, text)
        if (done) setObjecting(null)
        return done
      }}
      onCancel={() => {
        setObjecting(null)
        p.clearProblem()
      }}
    />
  ) : null
  const filedNote = p.filed ? (
    <View className='card publicity-outcome' role='status'>
      <Text className='text-body publicity-outcome__text'>异议已提交。业委会核实后会答复您，答复显示在本页上方“我提出的异议”里。</Text>
    </View>
  ) : null
  const belowEntry =
    objecting && canObject ? { householdId: objecting.householdId, node: objectionForm } : p.filed ? { householdId: p.filed.householdId, node: filedNote } : null

  return (
    <>
      <View className='page-header'>
        <Text className='page-title'>{view ? view.title : '结果公示'}</Text>
      </View>
      {p.loading && !view ? <LoadingNotice /> : null}
      {p.error ? <LoadError name='publicity' message={p.error} stale={Boolean(view)} onRetry={retryable ? () => void p.reload() : null} /> : null}
      {view ? (
        <>
          <StageCard view={view} />
          {view.stage !== PublicityStage.None ? (
            <PdfButton name='公告' label='下载公示公告（PDF）' className='result-notice-pdf' open={() => openResultNoticePdf(consultationId)} />
          ) : null}
          {/* A refusal that closed the form (window just closed): still say why. */}
          {p.problem && !(objecting && canObject) ? <LoadError name='objection' message={p.problem} stale={false} onRetry={null} /> : null}
          <MyObjections objections={view.objections} />
          {view.groups.length ? (
            <View className='section publicity-groups'>
              <Text className='section-title'>统计结果</Text>
              {view.groups.map((group) => (
                <GroupResult
                  key={group.groupId}
                  group={group}
                  mine={mine}
                  optionTitles={optionTitles}
                  onObject={
                    canObject
                      ? (householdId, label) => {
                          p.clearProblem()
                          setObjecting({ householdId, label })
                        }
                      : null
                  }
                  belowEntry={belowEntry}
                />
              ))}
            </View>
          ) : null}
        </>
      ) : null}
    </>
  )
}
