import { Text, View } from '@tarojs/components'
import { ConsultationKind, DecisionRule } from '@linyi/shared'
import type { ConsultationView } from '@linyi/shared'
import { ConsultationHeader } from '../../../consult/components/ConsultationHeader'
import { DesignVoteForm } from '../../../consult/components/DesignVoteForm'
import { PlumbingApplicationForm } from '../../../consult/components/PlumbingApplicationForm'
import { SimpleAnswerForm } from '../../../consult/components/SimpleAnswerForm'
import { formatDateTime } from '../../../lib/format'
import { RULE_TEXT } from './choice-texts'

interface Props {
  consultation: ConsultationView
  opensNow: boolean
  households: number | null
  sampleLabel: string | null
}

const nothing = () => {}

/** The resident's form for this kind, as the consultation page picks it; nothing it sends goes anywhere. */
function ResidentForm({ consultation }: { consultation: ConsultationView }) {
  const common = { consultation, submitting: false, error: null, onSubmit: nothing }
  if (consultation.kind === ConsultationKind.PlumbingApplication) return <PlumbingApplicationForm {...common} />
  if (consultation.kind === ConsultationKind.DesignVote || consultation.rule === DecisionRule.Plurality) return <DesignVoteForm {...common} currentOptionId={null} />
  return <SimpleAnswerForm {...common} />
}

/** The consultation as a resident will see it, drawn with the residents' own components. */
export function AuthorPreview({ consultation, opensNow, households, sampleLabel }: Props) {
  return (
    <View className='author-preview'>
      <View className='card author-preview__facts'>
        <Text className='section-title'>发布前请核对</Text>
        <Text className='text-body author-fact'>规则：{RULE_TEXT[consultation.rule].label}</Text>
        <Text className='text-body author-fact'>开始：{opensNow ? '发布后立即开始' : formatDateTime(consultation.opensAt)}</Text>
        <Text className='text-body author-fact author-fact--deadline'>截止：{formatDateTime(consultation.deadline)}</Text>
        <Text className='text-body author-fact author-fact--households'>
          征询住户：{households === null ? '所选范围内的全部住户' : `${households} 户`}
          {consultation.ownersOnly ? '（由业主填写）' : ''}
        </Text>
      </View>
      <Text className='author-preview__banner'>以下是居民在手机上看到的样子（预览，不能填写）</Text>
      <View className='author-preview__phone'>
        <ConsultationHeader consultation={consultation} householdLabel={sampleLabel ? `${sampleLabel}（示例）` : null} showBody />
        <ResidentForm consultation={consultation} />
      </View>
    </View>
  )
}
