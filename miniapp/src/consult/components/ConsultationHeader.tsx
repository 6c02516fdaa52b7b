import { Text, View } from '@tarojs/components'
import type { ConsultationView } from '@linyi/shared'
import { kindLabel } from '../../lib/consultation-text'
import { formatDateTime } from '../../lib/format'

interface Props {
  consultation: ConsultationView
  householdLabel: string | null
  /** The full text is shown while answering; the receipt needs only the title. */
  showBody: boolean
}

export function ConsultationHeader({ consultation, householdLabel, showBody }: Props) {
  return (
    <View className='page-header consultation-header'>
      <Text className='kind-tag'>{kindLabel(consultation.kind)}</Text>
      <Text className='page-title consultation-title'>{consultation.title}</Text>
      {householdLabel ? <Text className='text-secondary'>房屋：{householdLabel}</Text> : null}
      <Text className='deadline'>截止时间：{formatDateTime(consultation.deadline)}</Text>
      {showBody ? (
        <View className='card consultation-body'>
          <Text className='text-body consultation-body__text'>{consultation.body}</Text>
        </View>
      ) : null}
    </View>
  )
}
