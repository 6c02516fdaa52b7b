import { Text, View } from '@tarojs/components'
import type { StreetStatus } from '@linyi/shared'
import { pressable } from '../../../components/pressable'
import { summaryLines } from '../pipeline/pipeline.rules'

type Compound = StreetStatus['communities'][number]['compounds'][number]

function PipelineLine({ compound, onOpen }: { compound: Compound; onOpen: () => void }) {
  const lines = summaryLines(compound.pipeline)
  return (
    <View className='card dashboard-pipeline-line' id={`pipeline-line-${compound.id}`} {...pressable(onOpen)} onClick={onOpen}>
      <View className='dashboard-pipeline-line__head'>
        <Text className='household-item__label dashboard-pipeline-line__name'>{compound.name}</Text>
        <Text className='state-badge state-badge--pending dashboard-pipeline-line__stage'>{lines.stage}</Text>
      </View>
      <Text className='progress-line dashboard-pipeline-line__gates'>{lines.gates}</Text>
      {lines.missing ? <Text className='missing-hint dashboard-pipeline-line__missing'>{lines.missing}</Text> : null}
      {lines.excluded ? <Text className='text-body dashboard-pipeline-line__excluded'>{lines.excluded}</Text> : null}
      <Text className='dashboard-pipeline-line__open'>查看改造进度 ›</Text>
    </View>
  )
}

/** 各小区改造进度: every compound of the street, community by community, with its stage and gates. */
export function StreetPipeline({ status, onOpen }: { status: StreetStatus; onOpen: (compoundId: string) => void }) {
  return (
    <View className='section dashboard-pipeline'>
      <Text className='section-title'>各小区改造进度</Text>
      {status.communities.map((community) => (
        <View key={community.id} className='dashboard-pipeline-community' data-id={community.id}>
          <Text className='section-title dashboard-pipeline-community__name'>{community.name}</Text>
          {/* A server from before issue 14 sends no pipeline: leave the compound out rather than fail the dashboard. */}
          {community.compounds.filter((compound) => compound.pipeline).map((compound) => (
            <PipelineLine key={compound.id} compound={compound} onOpen={() => onOpen(compound.id)} />
          ))}
        </View>
      ))}
    </View>
  )
}
