import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { REPAIR_STATUS_LABELS, RepairStatus, WARRANTY_PART_LABELS } from '@linyi/shared'
import type { RepairView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { useRepairDone } from '../../../hooks/acceptance-staff'
import { formatDateTime } from '../../../lib/format'
import { InspectionCard } from './InspectionCard'
import { RepairDoneForm } from './RepairDoneForm'
import { StaffPhoto } from './StaffPhoto'
import { repairNeedsWork } from './acceptance-staff.rules'

/** One resident's report: the part, what they wrote and photographed, under warranty or not; the crew records the repair. */
export function RepairCard({ repair, repairs, onChanged }: { repair: RepairView; repairs: boolean; onChanged: () => Promise<void> }) {
  const [open, setOpen] = useState(false)
  const done = useRepairDone(repair.householdId, repair.id, async () => {
    setOpen(false)
    await onChanged()
  })
  const [latest] = repair.inspections
  return (
    <View className={`card staff-acc-repair staff-acc-repair--${repair.status.toLowerCase()}`} id={`repair-${repair.id}`}>
      <View className='works-row'>
        <Text className='staff-acc-repair__title'>
          {repair.label} · {WARRANTY_PART_LABELS[repair.part]}
        </Text>
        <Text className={`staff-acc-repair-status staff-acc-repair-status--${repair.status.toLowerCase()}`}>{REPAIR_STATUS_LABELS[repair.status]}</Text>
      </View>
      <Text className={`staff-acc-warranty staff-acc-warranty--${repair.underWarranty ? 'in' : 'out'}`}>
        {repair.underWarranty ? '在保修期内' : '已过保修期（居民已被告知可能收费）'}
      </Text>
      <Text className='text-secondary'>报修于 {formatDateTime(repair.reportedAt)}</Text>
      <Text className='text-body staff-acc-repair__description'>居民描述：{repair.description}</Text>
      {repair.photoSha256 ? <StaffPhoto householdId={repair.householdId} sha256={repair.photoSha256} label='居民拍的照片' /> : null}
      {latest ? <InspectionCard householdId={repair.householdId} inspection={latest} title='最近一次维修检测' /> : null}
      {repair.acceptedAt ? <Text className='text-body staff-acc-repair__accepted'>居民已于 {formatDateTime(repair.acceptedAt)} 确认修好。</Text> : null}
      {done.passed !== null ? (
        <View role='status'>
          <Text className={`staff-acc-repair-outcome staff-acc-repair-outcome--${done.passed ? 'passed' : 'failed'}`}>
            {done.passed ? '已记录维修，检测通过：等居民确认修好。' : '已记录维修，但检测未通过：请再次维修后重新记录。'}
          </Text>
        </View>
      ) : null}
      {repairs && open ? <RepairDoneForm repair={repair} submission={done} onCancel={() => setOpen(false)} /> : null}
      {repairs && !open && repairNeedsWork(repair) ? (
        <BigButton className='staff-acc-repair-open' onClick={() => setOpen(true)}>
          {repair.status === RepairStatus.Repaired ? '重新维修并记录' : '记录维修完成'}
        </BigButton>
      ) : null}
    </View>
  )
}
