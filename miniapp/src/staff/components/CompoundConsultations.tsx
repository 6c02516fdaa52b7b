import { Text, View } from '@tarojs/components'
import { ConsultationStatus } from '@linyi/shared'
import type { ConsultationView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { kindLabel } from '../../lib/consultation-text'
import { formatDateTime } from '../../lib/format'

export const STATUS_LABEL: Record<ConsultationStatus, string> = {
  [ConsultationStatus.Draft]: '草稿',
  [ConsultationStatus.Scheduled]: '未开始',
  [ConsultationStatus.Open]: '进行中',
  [ConsultationStatus.Closed]: '已截止',
}

interface Props {
  consultations: ConsultationView[] | null
  loading: boolean
  error: string | null
  /** What opening one shows: for organisers also the chase list. */
  openLabel?: string
  onOpen: (consultation: ConsultationView) => void
}

/** The compound's consultations, open ones first; each opens its progress and chase list. */
export function CompoundConsultations({ consultations, loading, error, openLabel = '查看进度和待跟进住户', onOpen }: Props) {
  const order = (c: ConsultationView) => (c.status === ConsultationStatus.Open ? 0 : c.status === ConsultationStatus.Scheduled ? 1 : 2)
  const sorted = [...(consultations ?? [])].sort((a, b) => order(a) - order(b))
  return (
    <View className='section compound-consultations'>
      <Text className='section-title'>意见征询</Text>
      {loading && !consultations ? <LoadingNotice /> : null}
      <ErrorNotice message={error} />
      {consultations && consultations.length === 0 ? <Text className='text-secondary'>这个小区还没有发起意见征询。</Text> : null}
      {sorted.map((consultation) => (
        <View key={consultation.id} className='card consultation-entry-card' id={`consultation-entry-${consultation.id}`}>
          <Text className='kind-tag'>
            {kindLabel(consultation.kind)} · {STATUS_LABEL[consultation.status] ?? consultation.status}
          </Text>
          <Text className='consultation-item__title'>{consultation.title}</Text>
          <Text className='text-secondary'>截止 {formatDateTime(consultation.deadline)}</Text>
          <BigButton variant='secondary' className='consultation-entry' onClick={() => onOpen(consultation)}>
            {openLabel}
          </BigButton>
        </View>
      ))}
    </View>
  )
}
