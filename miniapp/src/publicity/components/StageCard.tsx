import { Text, View } from '@tarojs/components'
import { PublicityStage } from '@linyi/shared'
import type { PublicityView } from '@linyi/shared'
import { evidenceShort } from '../../lib/consultation-text'
import { formatDateTime } from '../../lib/format'
import { STAGE_TITLE, windowText } from './publicity.rules'

/** Where the publicity stands: preliminary with its objection window, or final; and the snapshot's fingerprint. */
export function StageCard({ view }: { view: PublicityView }) {
  const stage = view.stage
  return (
    <View className={`card publicity-stage publicity-stage--${stage.toLowerCase()}`}>
      <Text className='publicity-stage__title'>{STAGE_TITLE[stage]}</Text>
      {stage === PublicityStage.None ? (
        <Text className='text-body publicity-stage__next'>结果还没有公示。公示后，这里会显示每栋楼（单元）的统计结果和每户的表态。</Text>
      ) : null}
      {stage === PublicityStage.Preliminary && view.preliminaryAt ? (
        <Text className='text-body publicity-stage__published'>公示时间：{formatDateTime(view.preliminaryAt)}</Text>
      ) : null}
      {stage === PublicityStage.Preliminary && view.objectionClosesAt ? (
        <Text className={`publicity-stage__window ${view.windowOpen ? 'publicity-stage__window--open' : ''}`}>{windowText(view.objectionClosesAt, view.windowOpen)}</Text>
      ) : null}
      {stage === PublicityStage.Preliminary ? (
        <Text className='text-body publicity-stage__next'>
          {view.windowOpen ? '如果某一户的统计不对，可以在下面那一户旁边点“我有异议”。' : '异议期已结束，业委会答复全部异议后公布最终结果。'}
        </Text>
      ) : null}
      {stage === PublicityStage.Final && view.finalAt ? <Text className='text-body publicity-stage__published'>最终结果公布时间：{formatDateTime(view.finalAt)}</Text> : null}
      {view.snapshotSha256 ? <Text className='text-secondary publicity-stage__hash'>公示存证编号：{evidenceShort(view.snapshotSha256)}</Text> : null}
    </View>
  )
}
