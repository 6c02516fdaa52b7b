import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ConsultationView, OutstandingUnit, StaffView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import type { IssuedInvite } from '../../hooks/staff'
import { ChaseHousehold } from './ChaseHousehold'

/** The units closest to their threshold are worked on first: only those open at the start. */
const OPEN_AT_START = 3

interface Props {
  consultation: ConsultationView
  units: OutstandingUnit[]
  profile: StaffView | null
  issued: Record<string, IssuedInvite>
  onIssue: (householdId: string) => void
  onChanged: () => void
  onNudged?: () => void
}

/** 待跟进住户, by unit, in the server's order: units closest to their threshold first. */
export function ChaseList({ consultation, units, profile, issued, onIssue, onChanged, onNudged }: Props) {
  const [toggled, setToggled] = useState<Record<string, boolean>>({})
  if (units.length === 0) return <Text className='card text-body chase-empty'>所有住户都已同意，没有需要跟进的住户。</Text>
  return (
    <View className='chase-list'>
      {units.map((unit, index) => {
        const open = toggled[unit.unitId] ?? index < OPEN_AT_START
        return (
          <View key={unit.unitId} className='card chase-unit' id={`chase-unit-${unit.unitId}`}>
            <Text className='unit-card__title chase-unit__title'>
              {unit.label} · 还差 {unit.missing} 户
            </Text>
            {open
              ? unit.households.map((household) => (
                  <ChaseHousehold
                    key={household.householdId}
                    consultation={consultation}
                    household={household}
                    profile={profile}
                    issued={issued[household.householdId]}
                    onIssue={onIssue}
                    onChanged={onChanged}
                    onNudged={onNudged}
                  />
                ))
              : null}
            <BigButton variant='link' className='chase-unit-toggle' onClick={() => setToggled((all) => ({ ...all, [unit.unitId]: !open }))}>
              {open ? '收起本单元' : `展开本单元 ${unit.households.length} 户`}
            </BigButton>
          </View>
        )
      })}
    </View>
  )
}
