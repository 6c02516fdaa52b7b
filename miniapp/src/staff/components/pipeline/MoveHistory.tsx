import { Text, View } from '@tarojs/components'
import type { PipelineMoveView } from '@linyi/shared'
import { formatDateTime } from '../../../lib/format'
import { movesInOrder, stageLabel } from './pipeline.rules'

/** Every stage change as it happened: from → to, who, when, and the note given. */
export function MoveHistory({ moves }: { moves: PipelineMoveView[] }) {
  return (
    <View className='section pipeline-history'>
      <Text className='section-title'>阶段调整记录</Text>
      {moves.length === 0 ? <Text className='card text-body pipeline-no-moves'>还没有调整过阶段。</Text> : null}
      {movesInOrder(moves).map((move, index) => (
        <View key={`${move.at}:${index}`} className='card pipeline-move'>
          <Text className='pipeline-move__stages'>
            {stageLabel(move.from)} → {stageLabel(move.to)}
          </Text>
          <Text className='text-secondary pipeline-move__who'>
            {move.by} · {formatDateTime(move.at)}
          </Text>
          {move.note ? <Text className='text-body pipeline-move__note'>说明：{move.note}</Text> : null}
        </View>
      ))}
    </View>
  )
}
