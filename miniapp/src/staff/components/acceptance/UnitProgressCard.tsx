import { Text, View } from '@tarojs/components'
import { Fragment, type ReactNode } from 'react'
import type { AcceptanceProgressHousehold, AcceptanceProgressUnit } from '@linyi/shared'
import { formatDateTime } from '../../../lib/format'
import { chaseFirst } from './acceptance-staff.rules'

interface Props {
  unit: AcceptanceProgressUnit
  row: (household: AcceptanceProgressHousehold) => ReactNode
}

/** A unit's figures and its households, those waiting on the resident first (the committee's chase). */
export function UnitProgressCard({ unit, row }: Props) {
  return (
    <View className='card staff-acc-unit' id={`acceptance-unit-${unit.unitId}`}>
      <View className='works-row'>
        <Text className='staff-acc-unit__label'>{unit.label}</Text>
        {unit.complete ? <Text className='staff-acc-chip staff-acc-chip--accepted staff-acc-unit__complete'>全部验收</Text> : null}
      </View>
      <Text className='staff-acc-unit__figures'>
        共 {unit.households} 户 · 已检测 {unit.inspected} · 通过 {unit.passed} · 已验收 {unit.accepted} · 整改中 {unit.rework}
      </Text>
      {unit.complete && unit.completedAt ? <Text className='text-secondary'>本单元于 {formatDateTime(unit.completedAt)} 全部验收完成。</Text> : null}
      {chaseFirst(unit.list).map((household) => (
        <Fragment key={household.householdId}>{row(household)}</Fragment>
      ))}
    </View>
  )
}
