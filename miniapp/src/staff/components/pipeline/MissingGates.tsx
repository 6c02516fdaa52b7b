import { Text, View } from '@tarojs/components'
import type { PipelineGateView } from '@linyi/shared'
import { GATE_HOW, gateLabel } from './pipeline.rules'

/** 「还缺：…」: every gate still unmet before the year's plan, and how each is met. */
export function MissingGates({ gates }: { gates: PipelineGateView[] }) {
  if (gates.length === 0) {
    return (
      <View className='card pipeline-missing pipeline-missing--none' role='status'>
        <Text className='text-body'>列入年度计划的条件已全部满足，等待街道办列入年度计划。</Text>
      </View>
    )
  }
  return (
    <View className='card pipeline-missing'>
      <Text className='pipeline-missing__title'>还缺：{gates.map((g) => gateLabel(g.gate)).join('、')}</Text>
      {gates.map((gate) => (
        <View key={gate.gate} className='pipeline-missing__item' data-gate={gate.gate}>
          <Text className='pipeline-gate__label'>{gateLabel(gate.gate)}</Text>
          <Text className='text-body'>现状：{gate.detail}</Text>
          <Text className='text-secondary'>怎样满足：{GATE_HOW[gate.gate]}</Text>
        </View>
      ))}
    </View>
  )
}
