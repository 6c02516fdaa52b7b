import { Text, View } from '@tarojs/components'
import { OBJECTION_STATUS_LABELS, ObjectionStatus } from '@linyi/shared'
import type { ObjectionView } from '@linyi/shared'
import { formatDateTime } from '../../lib/format'
import { objectionOutcome } from './publicity.rules'

/** 我提出的异议: each with its status and, once answered, the committee's answer. */
export function MyObjections({ objections }: { objections: ObjectionView[] }) {
  const mine = objections.filter((objection) => objection.mine)
  if (mine.length === 0) return null
  return (
    <View className='section my-objections'>
      <Text className='section-title'>我提出的异议</Text>
      {mine.map((objection) => {
        const open = objection.status === ObjectionStatus.Open
        return (
          <View key={objection.id} className={`card my-objection ${open ? 'my-objection--open' : 'my-objection--resolved'}`} id={`objection-${objection.id}`}>
            <Text className='publicity-card-title'>{objection.householdLabel}</Text>
            <Text className={`answer-state ${open ? 'answer-state--todo' : 'answer-state--done'} my-objection__status`}>{OBJECTION_STATUS_LABELS[objection.status]}</Text>
            <Text className='text-body my-objection__text'>我的异议：{objection.text}</Text>
            <Text className='text-secondary my-objection__time'>提出时间：{formatDateTime(objection.createdAt)}</Text>
            <Text className='text-body my-objection__outcome'>{objectionOutcome(objection)}</Text>
            {objection.resolution ? <Text className='text-body my-objection__resolution'>业委会答复：{objection.resolution}</Text> : null}
            {objection.resolvedAt ? <Text className='text-secondary my-objection__resolved-at'>答复时间：{formatDateTime(objection.resolvedAt)}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
