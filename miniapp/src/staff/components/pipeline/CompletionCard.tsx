import { Text, View } from '@tarojs/components'
import type { PipelineCompletion } from '@linyi/shared'
import { completionText } from './pipeline.rules'

/** How far the household acceptances have come: once every unit is accepted, the street office may close the works. */
export function CompletionCard({ completion }: { completion: PipelineCompletion }) {
  return (
    <View className='section pipeline-completion'>
      <Text className='section-title'>完工情况</Text>
      <View className='card'>
        <Text className='text-body pipeline-completion__units'>{completionText(completion)}</Text>
        {completion.offered ? <Text className='state-badge state-badge--reached pipeline-mark pipeline-completion__offered'>各单元已全部验收，可标记为已完工</Text> : null}
      </View>
    </View>
  )
}
