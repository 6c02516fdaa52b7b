import { Text, View } from '@tarojs/components'
import { SURVEY_PURPOSE_LABELS, SurveyStatus } from '@linyi/shared'
import type { MySurvey } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { formatDateTime } from '../../lib/format'

const todo = (entry: MySurvey) => !entry.answered && entry.survey.status === SurveyStatus.Open

function stateText(entry: MySurvey): string {
  if (entry.answered) return '您家已填写'
  return entry.survey.status === SurveyStatus.Open ? '待填写' : '已结束，未填写'
}

/** My households' surveys, the ones still to fill in first. */
export function SurveyList({ entries, onOpen }: { entries: MySurvey[]; onOpen: (entry: MySurvey) => void }) {
  if (entries.length === 0) {
    return (
      <View className='card surveys-none'>
        <Text className='text-body'>目前没有问卷。业委会发起改造需求或满意度调查时，会出现在这里。</Text>
      </View>
    )
  }
  const sorted = [...entries].sort((a, b) => Number(todo(b)) - Number(todo(a)))
  return (
    <View className='survey-list'>
      {sorted.map((entry) => (
        <View key={`${entry.survey.id}:${entry.householdId}`} className='card survey-item' id={`survey-item-${entry.survey.id}-${entry.householdId}`}>
          <Text className='kind-tag'>{SURVEY_PURPOSE_LABELS[entry.survey.purpose] ?? '问卷'}</Text>
          <Text className='publicity-card-title survey-item__title'>{entry.survey.title}</Text>
          <Text className='text-secondary survey-item__household'>{entry.householdLabel}</Text>
          <Text className={`answer-state ${todo(entry) ? 'answer-state--todo' : 'answer-state--done'} survey-item__state`}>{stateText(entry)}</Text>
          {entry.survey.status === SurveyStatus.Open ? <Text className='text-body survey-item__closes'>截止时间：{formatDateTime(entry.survey.closesAt)}</Text> : null}
          {todo(entry) ? (
            <BigButton className='survey-item__open' onClick={() => onOpen(entry)}>
              去填写
            </BigButton>
          ) : null}
        </View>
      ))}
    </View>
  )
}
