import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ConsultationView, StaffView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import type { IssuedInvite } from '../../hooks/staff'
import type { BuildingView, UnitView } from './compound/compound-tree'
import { CountsLine } from './compound/CountsLine'
import { HouseholdRow } from './HouseholdRow'

interface Shared {
  /** A search or chip is on: matching units open by themselves. */
  narrowed: boolean
  withStates: boolean
  consultation: ConsultationView | null
  profile: StaffView | null
  issued: Record<string, IssuedInvite>
  onIssue: (householdId: string) => void
}

function UnitSection({ building, unit, narrowed, withStates, consultation, profile, issued, onIssue }: Shared & { building: BuildingView; unit: UnitView }) {
  const [toggled, setToggled] = useState<boolean | null>(null)
  const open = toggled ?? narrowed
  return (
    <View className='unit-section' id={`unit-${unit.id}`}>
      <BigButton variant='secondary' className={`tree-toggle unit-toggle ${open ? 'tree-toggle--open' : ''}`} onClick={() => setToggled(!open)}>
        <Text className='tree-toggle__title'>
          {building.name}
          {unit.name}
        </Text>
        <CountsLine counts={unit.counts} withStates={withStates} withAnswers={consultation !== null} matching={narrowed ? unit.shown.length : undefined} />
        <Text className='tree-toggle__hint'>{open ? '收起 ▴' : '展开住户 ▾'}</Text>
      </BigButton>
      {open ? (
        <View className='unit-section__households'>
          {unit.shown.map((entry) => (
            <HouseholdRow key={entry.node.id} entry={entry} consultation={consultation} profile={profile} issued={issued[entry.node.id]} onIssue={onIssue} />
          ))}
        </View>
      ) : null}
    </View>
  )
}

/** One building, collapsed to its figures until opened; its units collapse the same way. */
export function BuildingSection({ building, ...shared }: Shared & { building: BuildingView }) {
  const [toggled, setToggled] = useState<boolean | null>(null)
  const open = toggled ?? shared.narrowed
  return (
    <View className='card building-section' id={`building-${building.id}`}>
      <BigButton variant='secondary' className={`tree-toggle building-toggle ${open ? 'tree-toggle--open' : ''}`} onClick={() => setToggled(!open)}>
        <Text className='tree-toggle__title'>
          {building.name}（{building.units.length}个单元）
        </Text>
        <CountsLine counts={building.counts} withStates={shared.withStates} withAnswers={shared.consultation !== null} matching={shared.narrowed ? building.shownCount : undefined} />
        <Text className='tree-toggle__hint'>{open ? '收起 ▴' : '展开单元 ▾'}</Text>
      </BigButton>
      {open ? building.units.map((unit) => <UnitSection key={unit.id} building={building} unit={unit} {...shared} />) : null}
    </View>
  )
}
