import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { HouseholdAcceptanceView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { DecisionCard } from './DecisionCard'
import { InspectionCard } from './InspectionCard'

/** The household's inspections and decisions, newest first; older inspections folded away. */
export function AcceptanceHistory({ view }: { view: HouseholdAcceptanceView }) {
  const [allShown, setAllShown] = useState(false)
  const [latest, ...earlier] = view.inspections
  if (!latest && !view.records.length) return <Text className='card text-body staff-acc-no-history'>这户还没有检测记录。</Text>
  return (
    <View className='card staff-acc-history'>
      {view.records.length ? (
        <>
          <Text className='section-title'>验收记录</Text>
          {view.records.map((record) => (
            <DecisionCard key={record.id} householdId={view.householdId} record={record} />
          ))}
        </>
      ) : null}
      {latest ? (
        <>
          <Text className='section-title staff-acc-history__inspections'>检测记录（共 {view.inspections.length} 次）</Text>
          <InspectionCard householdId={view.householdId} inspection={latest} title='最近一次检测' />
          {allShown ? earlier.map((inspection, i) => <InspectionCard key={inspection.id} householdId={view.householdId} inspection={inspection} title={`更早的检测（${i + 2}）`} />) : null}
          {earlier.length && !allShown ? (
            <BigButton variant='link' className='staff-acc-show-earlier' onClick={() => setAllShown(true)}>
              显示更早的 {earlier.length} 次检测
            </BigButton>
          ) : null}
        </>
      ) : null}
    </View>
  )
}
