import { Text, View } from '@tarojs/components'
import type { MyConsultation } from '@linyi/shared'
import { answerLabel, groupProgress, kindLabel } from '../lib/consultation-text'
import { formatDateTime } from '../lib/format'
import { BigButton } from './BigButton'

const needsMe = (entry: MyConsultation) => entry.canAnswer && entry.answer === null

/** Unanswered first, then the nearest deadline. */
function byUrgency(a: MyConsultation, b: MyConsultation): number {
  if (needsMe(a) !== needsMe(b)) return needsMe(a) ? -1 : 1
  return new Date(a.consultation.deadline).getTime() - new Date(b.consultation.deadline).getTime()
}

interface Props {
  entries: MyConsultation[]
  onOpen: (entry: MyConsultation) => void
}

/** 待办事项: my households' open consultations, each with my answer and my unit's progress. */
export function ConsultationList({ entries, onOpen }: Props) {
  if (entries.length === 0) {
    return (
      <View className='card'>
        <Text className='text-body'>目前没有需要您填写的意见征询。</Text>
      </View>
    )
  }
  return (
    <View className='consultation-list'>
      {[...entries].sort(byUrgency).map((entry) => {
        const { consultation } = entry
        const state = entry.canAnswer ? answerLabel(consultation.kind, entry.answer) : '仅业主填写'
        const todo = needsMe(entry)
        return (
          <View key={`${consultation.id}:${entry.householdId}`} className='card consultation-item' id={`consultation-${consultation.id}`}>
            <View className='consultation-item__top'>
              <Text className='kind-tag'>{kindLabel(consultation.kind)}</Text>
              <Text className={`answer-state ${todo ? 'answer-state--todo' : 'answer-state--done'}`}>{state}</Text>
            </View>
            <Text className='consultation-item__title'>{consultation.title}</Text>
            <Text className='text-secondary'>
              {entry.householdLabel} · 截止 {formatDateTime(consultation.deadline)}
            </Text>
            <Text className='progress-line consultation-item__progress'>{groupProgress(consultation, entry.group)}</Text>
            <BigButton variant={todo ? 'primary' : 'secondary'} className='consultation-open' onClick={() => onOpen(entry)}>
              {todo ? '去填写' : entry.canAnswer ? '查看或修改' : '查看'}
            </BigButton>
          </View>
        )
      })}
    </View>
  )
}
