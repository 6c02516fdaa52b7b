import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { windowSpanText } from '@linyi/shared'
import type { CrewHousehold } from '@linyi/shared'
import { placesLeft, type CrewWindow } from './crew.rules'
import { MiniButton } from '../MiniButton'
import { PhoneLink, PriorityBadge } from './WorksParts'

interface Props {
  window: CrewWindow
  /** The committee's 改约 and 取消预约 (BookForHousehold); the crew only reads. */
  onMove?: (household: CrewHousehold) => void
  onCancel?: (household: CrewHousehold) => void
  busy: boolean
  /** Under the household being moved: the window picker. */
  pickerFor: (householdId: string) => ReactNode
}

/** One window as the crew reads it on the day: who is home, the number to ring, and how to help. */
export function CrewWindowCard({ window, onMove, onCancel, busy, pickerFor }: Props) {
  const left = placesLeft(window)
  return (
    <View className='card works-crew-window' id={`crew-window-${window.windowId}`}>
      <View className='works-row'>
        <Text className='works-crew-window__span'>{windowSpanText(window.startsAt, window.endsAt)}</Text>
        {window.priority ? <PriorityBadge /> : null}
      </View>
      <Text className='works-crew-window__count'>
        已约 {window.households.length} / {window.capacity} 户{left > 0 ? ` · 还剩 ${left} 户` : ' · 已约满'}
      </Text>
      {window.households.length === 0 ? <Text className='text-secondary'>还没有住户约这个时段。</Text> : null}
      {window.households.map((household) => (
        <View key={household.householdId} className='works-crew-household' id={`crew-household-${household.householdId}`}>
          <View className='works-row'>
            <Text className='works-crew-household__label'>{household.label}</Text>
            <PhoneLink phone={household.contactPhone} />
          </View>
          {household.assistanceNote ? (
            <Text className='works-assistance'>
              <Text className='works-assistance__key'>照顾说明：</Text>
              {household.assistanceNote}
            </Text>
          ) : null}
          {onMove || onCancel ? (
            <View className='works-row__actions'>
              {onMove ? (
                <MiniButton className='works-move' disabled={busy} onClick={() => onMove(household)}>
                  改约
                </MiniButton>
              ) : null}
              {onCancel ? (
                <MiniButton className='works-cancel' disabled={busy} onClick={() => onCancel(household)}>
                  取消预约
                </MiniButton>
              ) : null}
            </View>
          ) : null}
          {pickerFor(household.householdId)}
        </View>
      ))}
    </View>
  )
}
