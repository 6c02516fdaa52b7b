import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PIPELINE_STAGE_LABELS } from '@linyi/shared'
import type { MyHousehold } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { useMyPipelines } from '../../hooks/pipeline-resident'
import { withParams } from '../../lib/routes'
import { PublicityRoutes } from '../routes'
import { entryWords } from './plan.rules'

/** Home's 小区改造: one card per compound of mine already in the pipeline, leading to its stage and advance notice. */
export function HomePlanEntry({ households }: { households: MyHousehold[] }) {
  const plans = useMyPipelines(households).data ?? []
  if (plans.length === 0) return null
  return (
    <View className='section plan-section'>
      <Text className='section-title'>小区改造</Text>
      {plans.map((plan) => (
        <View key={plan.compoundId} className='card plan-entry' id={`plan-entry-${plan.compoundId}`}>
          <Text className='household-item__label plan-entry__stage'>
            {plan.compoundName} · {PIPELINE_STAGE_LABELS[plan.stage]}
          </Text>
          <Text className='text-body plan-entry__words'>{entryWords(plan.stage)}</Text>
          <BigButton variant='secondary' className='plan-entry__open' onClick={() => void Taro.navigateTo({ url: withParams(PublicityRoutes.plan, { compoundId: plan.compoundId }) })}>
            {plan.notice ? '查看改造告知书' : '查看改造进度'}
          </BigButton>
        </View>
      ))}
    </View>
  )
}
