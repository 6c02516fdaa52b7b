import { Text, View } from '@tarojs/components'
import { TickRow } from '../screening/TickRow'
import type { UnitChoice } from './plan-form.rules'
import { MiniButton } from '../MiniButton'

interface Props {
  buildings: Array<{ buildingId: string; name: string; units: UnitChoice[] }>
  picked: string[]
  onChange: (unitIds: string[]) => void
}

/** The units the crew will work in, building by building, each a big tick box. */
export function UnitPicker({ buildings, picked, onChange }: Props) {
  const on = new Set(picked)
  const set = (unitIds: string[], tick: boolean) => {
    const next = new Set(on)
    for (const id of unitIds) {
      if (tick) next.add(id)
      else next.delete(id)
    }
    onChange([...next])
  }
  if (buildings.length === 0) return <Text className='text-body works-no-units'>这个申请涉及的单元里还没有住户，请先导入住户名册。</Text>
  return (
    <View className='works-unit-picker'>
      {buildings.map((building) => {
        const ids = building.units.map((unit) => unit.unitId)
        const all = ids.every((id) => on.has(id))
        return (
          <View key={building.buildingId} className='works-unit-building' data-building={building.buildingId}>
            <View className='works-row'>
              <Text className='works-unit-building__name'>{building.name}</Text>
              <MiniButton className='works-building-all' onClick={() => set(ids, !all)}>
                {all ? '取消全选' : '全选本楼'}
              </MiniButton>
            </View>
            {building.units.map((unit) => (
              <TickRow
                key={unit.unitId}
                className={`works-unit works-unit-${unit.unitId}`}
                label={`${unit.label}（${unit.households} 户）`}
                on={on.has(unit.unitId)}
                onToggle={() => set([unit.unitId], !on.has(unit.unitId))}
              />
            ))}
          </View>
        )
      })}
    </View>
  )
}
