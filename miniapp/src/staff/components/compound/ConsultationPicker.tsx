import { Text, View } from '@tarojs/components'
import { ConsultationStatus } from '@linyi/shared'
import type { ConsultationView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'

/** Open first, then scheduled, then closed; drafts have no answers to show. */
const ORDER: Partial<Record<ConsultationStatus, number>> = {
  [ConsultationStatus.Open]: 0,
  [ConsultationStatus.Scheduled]: 1,
  [ConsultationStatus.Closed]: 2,
}

export function answerableConsultations(consultations: ConsultationView[]): ConsultationView[] {
  return consultations.filter((c) => ORDER[c.status] !== undefined).sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9))
}

/** The consultation shown by default: the first open one, else the most recent that has answers. */
export const defaultConsultation = (consultations: ConsultationView[]): ConsultationView | null => answerableConsultations(consultations)[0] ?? null

interface Props {
  consultations: ConsultationView[]
  pickedId: string | null
  onPick: (id: string) => void
}

/** Whose answers the household badges show: one chip per consultation. */
export function ConsultationPicker({ consultations, pickedId, onPick }: Props) {
  const choices = answerableConsultations(consultations)
  if (choices.length === 0) return <Text className='text-secondary consultation-pick-none'>还没有可查看答复的意见征询，下面只显示住户绑定情况。</Text>
  return (
    <View className='consultation-picker'>
      <Text className='field-label'>显示哪次征询的答复</Text>
      {choices.map((consultation) => (
        <BigButton
          key={consultation.id}
          variant={consultation.id === pickedId ? 'primary' : 'secondary'}
          className={`consultation-pick ${consultation.id === pickedId ? 'consultation-pick--on' : ''}`}
          onClick={() => onPick(consultation.id)}
        >
          {consultation.title}
        </BigButton>
      ))}
    </View>
  )
}
