import { Text, View } from '@tarojs/components'
import type { PipelineStage } from '@linyi/shared'
import { formatDateTime } from '../../../lib/format'
import { stageLabel, stageSteps } from './pipeline.rules'

/** The compound's stage in large print, since when (北京时间), and where it sits among the five. */
export function StageCard({ stage, since }: { stage: PipelineStage; since: string | null }) {
  return (
    <View className={`card pipeline-stage pipeline-stage--${stage.toLowerCase()}`}>
      <Text className='text-secondary'>当前阶段</Text>
      <Text className='page-title pipeline-stage__label'>{stageLabel(stage)}</Text>
      {since ? <Text className='text-body pipeline-stage__since'>自 {formatDateTime(since)} 起</Text> : null}
      <View className='pipeline-steps'>
        {stageSteps(stage).map((step, index) => (
          <Text key={step.stage} className={`pipeline-step ${step.current ? 'pipeline-step--current' : ''}`}>
            {index > 0 ? '→ ' : ''}
            {step.current ? `${step.label}（当前）` : step.label}
          </Text>
        ))}
      </View>
    </View>
  )
}
