import { Text, View } from '@tarojs/components'
import { SurveyStatus } from '@linyi/shared'
import type { SurveyView } from '@linyi/shared'
import { pressable } from '../../../components/pressable'
import { AnonymousBadge, PurposeLabel, SurveyStatusChip } from './SurveyParts'
import { closingText } from './survey-results.rules'

/** A survey of the compound: the whole card opens it. */
export function SurveyCard({ survey, now, onOpen }: { survey: SurveyView; now: Date; onOpen: () => void }) {
  return (
    <View className='card survey-card' id={`survey-${survey.id}`} {...pressable(onOpen)} aria-label={`打开问卷：${survey.title}`} onClick={onOpen}>
      <View className='works-row'>
        <SurveyStatusChip status={survey.status} />
        {survey.anonymous ? <AnonymousBadge /> : null}
      </View>
      <PurposeLabel purpose={survey.purpose} />
      <Text className='survey-card__title'>{survey.title}</Text>
      <Text className='survey-card__figure'>
        {survey.questions.length} 道题 · {closingText(survey, now)}
      </Text>
      <Text className='survey-card__open'>{survey.status === SurveyStatus.Draft ? '查看并发布' : '查看结果'}</Text>
    </View>
  )
}
