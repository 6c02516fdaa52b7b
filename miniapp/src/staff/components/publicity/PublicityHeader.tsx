import { Text, View } from '@tarojs/components'
import { PublicityStage } from '@linyi/shared'
import type { ConsultationView, PublicityView } from '@linyi/shared'
import { kindLabel } from '../../../lib/consultation-text'
import { formatDateTime } from '../../../lib/format'
import { STAGE_LABELS, daysLeftText } from './publicity-staff.rules'

/** Where the publicity stands: the stage, when each step was published, the objection window and the snapshot hash. */
export function PublicityHeader({ consultation, view }: { consultation: ConsultationView; view: PublicityView }) {
  const left = view.windowOpen ? daysLeftText(view.objectionClosesAt) : null
  return (
    <View className='page-header publicity-header'>
      <Text className={`publicity-stage publicity-stage--${view.stage.toLowerCase()}`}>{STAGE_LABELS[view.stage]}</Text>
      <Text className='page-title'>{view.title}</Text>
      <Text className='text-secondary'>
        {kindLabel(view.kind)} · 截止 {formatDateTime(consultation.deadline)}
      </Text>
      {view.preview ? <Text className='text-body publicity-preview-note'>以下是当前统计（预览）：发布前住户看不到这些数字。</Text> : null}
      {view.preliminaryAt ? <Text className='text-body publicity-preliminary-at'>初步统计结果发布于 {formatDateTime(view.preliminaryAt)}</Text> : null}
      {view.objectionClosesAt && view.stage === PublicityStage.Preliminary ? (
        <Text className='text-body publicity-window'>
          {view.windowOpen ? `异议期至 ${formatDateTime(view.objectionClosesAt)}${left ? `，${left}` : ''}` : `异议期已于 ${formatDateTime(view.objectionClosesAt)} 结束`}
        </Text>
      ) : null}
      {view.finalAt ? <Text className='text-body publicity-final-at'>最终结果发布于 {formatDateTime(view.finalAt)}</Text> : null}
      {view.snapshotSha256 ? <Text className='text-secondary publicity-hash'>公示内容校验码（SHA-256）：{view.snapshotSha256}</Text> : null}
    </View>
  )
}
