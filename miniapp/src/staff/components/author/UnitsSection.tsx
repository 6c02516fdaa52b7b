import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { BuildingNode, CompoundStructure } from '@linyi/shared'
import { ErrorNotice, LoadingNotice } from '../../../components/Notice'
import { MiniButton } from '../MiniButton'
import { Field, TickRow } from './FormParts'
import type { SectionProps } from './section-props'

interface Props extends SectionProps {
  structure: CompoundStructure | null
  structureError: string | null
}

const householdsOf = (building: BuildingNode) => building.units.reduce((sum, unit) => sum + unit.households.length, 0)

function BuildingPicker({ building, picked, onChange }: { building: BuildingNode; picked: Set<string>; onChange: (unitIds: string[], on: boolean) => void }) {
  const [open, setOpen] = useState(false)
  const chosen = building.units.filter((unit) => picked.has(unit.id)).length
  const all = chosen === building.units.length && chosen > 0
  return (
    <View className='card author-building' data-building={building.id}>
      <View className='author-building__head'>
        <View className='author-building__name' role='button' aria-expanded={open} onClick={() => setOpen(!open)}>
          <Text className='author-building__title'>
            {open ? '▾' : '▸'} {building.name}
          </Text>
          <Text className='text-secondary'>
            已选 {chosen}/{building.units.length} 个单元 · 共 {householdsOf(building)} 户
          </Text>
        </View>
        <MiniButton className='author-building-all' onClick={() => onChange(building.units.map((u) => u.id), !all)}>
          {all ? '取消全选' : '全选'}
        </MiniButton>
      </View>
      {open
        ? building.units.map((unit) => (
            <TickRow
              key={unit.id}
              className='author-unit'
              checked={picked.has(unit.id)}
              onToggle={() => onChange([unit.id], !picked.has(unit.id))}
              label={`${building.name}${unit.name}`}
              hint={`${unit.households.length} 户`}
            />
          ))
        : null}
    </View>
  )
}

/** Who is asked: the whole compound, or chosen buildings and units. */
export function UnitsSection({ draft, errors, update, structure, structureError }: Props) {
  const picked = new Set(draft.unitIds)
  const change = (unitIds: string[], on: boolean) => {
    const next = new Set(picked)
    for (const id of unitIds) {
      if (on) next.add(id)
      else next.delete(id)
    }
    update({ unitIds: [...next] })
  }
  return (
    <View className='section author-section'>
      <Text className='section-title'>征询哪些住户</Text>
      <Field name='units' error={errors.units}>
        <TickRow
          className='author-all-units'
          checked={draft.allUnits}
          onToggle={() => update({ allUnits: !draft.allUnits })}
          label='全小区所有单元'
          hint={draft.allUnits ? '取消勾选可以只选部分楼栋或单元。' : '请在下面选择楼栋和单元。'}
        />
        {!draft.allUnits && !structure && !structureError ? <LoadingNotice text='正在读取楼栋和单元…' /> : null}
        <ErrorNotice message={structureError} />
        {!draft.allUnits && structure
          ? structure.buildings.map((building) => <BuildingPicker key={building.id} building={building} picked={picked} onChange={change} />)
          : null}
        {!draft.allUnits && structure?.buildings.length === 0 ? <Text className='text-body'>本小区还没有楼栋和住户，请先导入住户名单。</Text> : null}
      </Field>
    </View>
  )
}
