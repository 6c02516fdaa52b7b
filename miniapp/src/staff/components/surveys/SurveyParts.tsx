import { Text, View } from '@tarojs/components'
import { SURVEY_PURPOSE_LABELS, SurveyStatus } from '@linyi/shared'
import type { SurveyPurpose } from '@linyi/shared'
import { STATUS_TEXT } from './survey-results.rules'

/** The survey's state in words (the colour only repeats them). */
export function SurveyStatusChip({ status }: { status: SurveyStatus }) {
  return <Text className={`survey-status survey-status--${status.toLowerCase()}`}>{STATUS_TEXT[status] ?? status}</Text>
}

export function PurposeLabel({ purpose }: { purpose: SurveyPurpose }) {
  return <Text className='survey-purpose-label'>{SURVEY_PURPOSE_LABELS[purpose] ?? purpose}</Text>
}

const ANONYMOUS_NOTE = '匿名问卷：答案与住户分开保存，居委会和街道办只能看到统计和不署名的文字答案，看不到哪一户答了什么。每户仍只能答一次。'
const NAMED_NOTE = '实名问卷：文字答案旁会显示门牌号，便于回访。'

/** What the committee will and will not see of each household's answers. */
export function AnonymityNote({ anonymous }: { anonymous: boolean }) {
  return (
    <View className={`survey-anonymity ${anonymous ? 'survey-anonymity--anonymous' : ''}`}>
      <Text>{anonymous ? ANONYMOUS_NOTE : NAMED_NOTE}</Text>
    </View>
  )
}

export function AnonymousBadge() {
  return <Text className='survey-anonymous-badge'>匿名</Text>
}
