import { Text, View } from '@tarojs/components'
import type { ExcludedBuildingView, PipelineGateView } from '@linyi/shared'
import { MARK_BADGE, gateLabel, gateMark } from './pipeline.rules'

/** Each gate before the year's plan with its mark in words and what shows it. */
export function GatesCard({ gates }: { gates: PipelineGateView[] }) {
  return (
    <View className='section pipeline-gates'>
      <Text className='section-title'>列入年度计划的条件</Text>
      {gates.map((gate) => {
        const mark = gateMark(gate)
        return (
          <View key={gate.gate} className={`card pipeline-gate pipeline-gate--${mark.tone}`} id={`pipeline-gate-${gate.gate}`} data-gate={gate.gate}>
            <Text className='pipeline-gate__label'>{gateLabel(gate.gate)}</Text>
            <Text className={`state-badge pipeline-mark ${MARK_BADGE[mark.tone]}`}>{mark.text}</Text>
            <Text className='text-body pipeline-gate__detail'>{gate.detail}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** Buildings left out of the year's plan, each with the consultation that decided it. */
export function ExcludedBuildings({ buildings }: { buildings: ExcludedBuildingView[] }) {
  if (buildings.length === 0) return null
  return (
    <View className='section pipeline-excluded'>
      <Text className='section-title'>不列入年度计划的楼栋（{buildings.length} 栋）</Text>
      {buildings.map((building) => (
        <View key={building.buildingId} className='card pipeline-excluded-building' id={`pipeline-excluded-${building.buildingId}`}>
          <Text className='pipeline-gate__label'>{building.name}</Text>
          <Text className='text-body pipeline-excluded-building__reason'>{building.reason}</Text>
        </View>
      ))}
    </View>
  )
}
