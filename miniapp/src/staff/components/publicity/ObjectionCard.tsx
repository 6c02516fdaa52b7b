import { Text, View } from '@tarojs/components'
import { OBJECTION_STATUS_LABELS, ObjectionStatus } from '@linyi/shared'
import type { ObjectionResolutionRequest, ObjectionView } from '@linyi/shared'
import { formatDateTime } from '../../../lib/format'
import { ObjectionAnswerForm } from './ObjectionAnswerForm'

interface Props {
  objection: ObjectionView
  /** Set for roles that answer objections (the committee): the form shows on open ones. */
  answerLabel: string | null
  onAnswer: (objectionId: string, body: ObjectionResolutionRequest) => Promise<void>
}

/** One objection: the entry it is about, who filed it (room only), its text, and the answer or the form to give one. */
export function ObjectionCard({ objection, answerLabel, onAnswer }: Props) {
  const open = objection.status === ObjectionStatus.Open
  return (
    <View className={`card publicity-objection ${open ? 'publicity-objection--open' : ''}`} id={`objection-${objection.id}`}>
      <View className='works-row'>
        <Text className='publicity-objection__about'>对 {objection.householdLabel} 的异议</Text>
        <Text className={`state-badge ${open ? 'state-badge--failed' : 'state-badge--reached'} publicity-objection__status`}>
          {OBJECTION_STATUS_LABELS[objection.status] ?? objection.status}
        </Text>
      </View>
      <Text className='text-secondary publicity-objection__filed'>
        {objection.filedByHouseholdLabel ? `${objection.filedByHouseholdLabel} 提出` : '住户提出'} · {formatDateTime(objection.createdAt)}
      </Text>
      <Text className='text-body publicity-objection__text'>{objection.text}</Text>
      {open ? (
        answerLabel ? (
          <ObjectionAnswerForm label={answerLabel} onAnswer={(body) => onAnswer(objection.id, body)} />
        ) : (
          <Text className='text-secondary publicity-objection__waiting'>等待居委会答复。</Text>
        )
      ) : (
        <View className='publicity-objection__answer'>
          <Text className='publicity-objection__verdict'>{objection.upheld ? '异议成立' : '异议不成立'}</Text>
          <Text className='text-body publicity-objection__resolution'>答复：{objection.resolution}</Text>
          {objection.resolvedAt ? <Text className='text-secondary'>答复于 {formatDateTime(objection.resolvedAt)}</Text> : null}
        </View>
      )}
    </View>
  )
}
