import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { GroupBy } from '@linyi/shared'
import type { ConsultationHouseholds, ConsultationView, GroupView } from '@linyi/shared'
import { answerCounts, countsText } from '../../../lib/dashboard'
import { FoldHeader } from './FoldHeader'
import { GroupStateBadge, GroupStatus } from './GroupStatus'
import { HouseholdTile } from './HouseholdTile'

type Building = ConsultationHouseholds['buildings'][number]
type Unit = Building['units'][number]

/** Above this many households the units start folded, so the page opens on the buildings' counts. */
const UNFOLDED_UP_TO = 120

interface Shared {
  consultation: ConsultationView
  /** Groups by their place id (unit, building or compound, as the consultation groups). */
  groups: Map<string, GroupView>
}

function UnitBlock({ unit, consultation, groups, initiallyOpen }: Shared & { unit: Unit; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen)
  const group = groups.get(unit.id)
  return (
    <View className='progress-unit' data-id={unit.id}>
      <FoldHeader open={open} onToggle={() => setOpen(!open)} title={`${unit.name} · ${unit.households.length} 户`} counts={countsText(answerCounts(unit.households), consultation.kind)}>
        {group ? <GroupStatus group={group} consultation={consultation} /> : unit.groupState ? <GroupStateBadge state={unit.groupState} /> : null}
        {open ? (
          <View className='answer-tiles'>
            {unit.households.map((household) => (
              <HouseholdTile key={household.householdId} household={household} kind={consultation.kind} options={consultation.options} />
            ))}
          </View>
        ) : null}
      </FoldHeader>
    </View>
  )
}

function BuildingBlock({ building, consultation, groups, unitsOpen }: Shared & { building: Building; unitsOpen: boolean }) {
  const [open, setOpen] = useState(true)
  const households = building.units.flatMap((u) => u.households)
  const group = groups.get(building.id)
  return (
    <View className='card progress-building' data-id={building.id}>
      <FoldHeader open={open} onToggle={() => setOpen(!open)} title={`${building.name} · ${households.length} 户`} counts={countsText(answerCounts(households), consultation.kind)}>
        {group ? <GroupStatus group={group} consultation={consultation} /> : null}
        {open ? building.units.map((unit) => <UnitBlock key={unit.id} unit={unit} consultation={consultation} groups={groups} initiallyOpen={unitsOpen} />) : null}
      </FoldHeader>
    </View>
  )
}

interface Props {
  consultation: ConsultationView
  households: ConsultationHouseholds
  groups: GroupView[]
  compoundName: string
}

/** Compound → building → unit → households, each level with its counts and, where it is a group, its state. */
export function ProgressTree({ consultation, households, groups, compoundName }: Props) {
  const byPlace = new Map(groups.map((g) => [g.groupId, g]))
  const all = households.buildings.flatMap((b) => b.units.flatMap((u) => u.households))
  const compoundGroup = consultation.groupBy === GroupBy.Compound ? byPlace.get(households.compoundId) ?? groups[0] : undefined
  if (all.length === 0) return <Text className='card text-body progress-empty'>本次征询没有参与的住户。</Text>
  return (
    <View className='console-grid progress-tree'>
      <View className='card progress-compound' data-id={households.compoundId}>
        <Text className='progress-compound__name'>
          {compoundName} · {all.length} 户
        </Text>
        <Text className='progress-counts'>{countsText(answerCounts(all), consultation.kind)}</Text>
        {compoundGroup ? <GroupStatus group={compoundGroup} consultation={consultation} /> : null}
      </View>
      {households.buildings.map((building) => (
        <BuildingBlock key={building.id} building={building} consultation={consultation} groups={byPlace} unitsOpen={all.length <= UNFOLDED_UP_TO} />
      ))}
    </View>
  )
}
