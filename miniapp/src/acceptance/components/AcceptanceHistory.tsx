import { View } from '@tarojs/components'
import { useState } from 'react'
import type { AcceptanceRecordView, InspectionView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { InspectionCard } from './InspectionCard'
import { RecordCard } from './RecordCard'

interface Props {
  householdId: string
  /** Older than the ones shown above, newest first. */
  inspections: InspectionView[]
  records: AcceptanceRecordView[]
}

/** Earlier inspections and decisions, folded away until asked for: the page leads with what matters now. */
export function AcceptanceHistory({ householdId, inspections, records }: Props) {
  const [open, setOpen] = useState(false)
  const count = inspections.length + records.length
  if (count === 0) return null
  return (
    <View className='section acceptance-history'>
      <BigButton variant='secondary' className='acceptance-history-toggle' onClick={() => setOpen(!open)}>
        {open ? '收起以前的记录' : `查看以前的检测和验收记录（${count} 条）`}
      </BigButton>
      {open ? (
        <View className='acceptance-history__list'>
          {records.map((record) => (
            <RecordCard key={record.id} householdId={householdId} record={record} title='以前的验收记录' />
          ))}
          {inspections.map((inspection) => (
            <InspectionCard key={inspection.id} householdId={householdId} inspection={inspection} title='以前的检测' />
          ))}
        </View>
      ) : null}
    </View>
  )
}
