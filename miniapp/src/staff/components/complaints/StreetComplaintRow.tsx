import { Text, View } from '@tarojs/components'
import type { StreetComplaintsRow } from '@linyi/shared'
import { pressable } from '../../../components/pressable'
import { OVERDUE_DAYS, oldestText } from './complaints-staff.rules'

/** A compound of the street: open complaints and the oldest one's wait; the whole row opens the compound's list. */
export function StreetComplaintRow({ row, onOpen }: { row: StreetComplaintsRow; onOpen: () => void }) {
  const overdue = row.oldestOpenDays !== null && row.oldestOpenDays >= OVERDUE_DAYS
  return (
    <View
      className={`card street-complaint-row ${row.open ? 'street-complaint-row--open' : ''} ${overdue ? 'street-complaint-row--overdue' : ''}`}
      id={`street-complaints-${row.compoundId}`}
      {...pressable(onOpen)}
      aria-label={`${row.communityName}${row.compoundName}，待答复 ${row.open} 条，${oldestText(row)}`}
      onClick={onOpen}
    >
      <Text className='text-secondary street-complaint-row__community'>{row.communityName}</Text>
      <Text className='street-complaint-row__compound'>{row.compoundName}</Text>
      <Text className='street-complaint-row__open'>待答复 {row.open} 条</Text>
      <Text className='street-complaint-row__oldest'>{oldestText(row)}</Text>
      <Text className='street-complaint-row__go'>查看这个小区的意见建议</Text>
    </View>
  )
}
