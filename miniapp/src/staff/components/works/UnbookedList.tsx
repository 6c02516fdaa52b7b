import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { CrewList } from '@linyi/shared'
import { MiniButton } from '../MiniButton'

type Unbooked = CrewList['unbooked'][number]

interface Props {
  households: Unbooked[]
  /** The committee books for a household that cannot use a phone (BookForHousehold). */
  onBook?: (household: Unbooked) => void
  busy: boolean
  pickerFor: (householdId: string) => ReactNode
}

/** 未预约: the committee's follow-up list, in roster order; the crew sees who it will not find at home. */
export function UnbookedList({ households, onBook, busy, pickerFor }: Props) {
  return (
    <View className='card works-unbooked' id='works-unbooked'>
      <Text className='section-title'>未预约（{households.length} 户）</Text>
      {households.length === 0 ? (
        <Text className='text-body works-all-booked'>各户都已预约。</Text>
      ) : (
        <Text className='text-secondary'>{onBook ? '请逐户联系；不会用手机的住户，可以在这里代为预约。' : '这些住户还没有预约，居委会正在联系。'}</Text>
      )}
      {households.map((household) => (
        <View key={household.householdId} className='works-unbooked-household' id={`unbooked-${household.householdId}`}>
          <View className='works-row'>
            <Text className='works-crew-household__label'>{household.label}</Text>
            {onBook ? (
              <MiniButton className='works-book-for' disabled={busy} onClick={() => onBook(household)}>
                代为预约
              </MiniButton>
            ) : null}
          </View>
          {pickerFor(household.householdId)}
        </View>
      ))}
    </View>
  )
}
