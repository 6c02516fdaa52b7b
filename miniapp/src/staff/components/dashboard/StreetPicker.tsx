import { Text, View } from '@tarojs/components'
import type { StreetOfficeSummary } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'

interface Props {
  offices: StreetOfficeSummary[]
  selectedId: string | null
  onSelect: (id: string) => void
}

/** An admin watches every street: one button per street office, the current one marked in words. */
export function StreetPicker({ offices, selectedId, onSelect }: Props) {
  return (
    <View className='street-picker'>
      <Text className='field-label'>选择街道</Text>
      <View className='street-picker__choices'>
        {offices.map((office) => {
          const current = office.id === selectedId
          return (
            <View key={office.id} className='street-picker__choice' data-id={office.id}>
              <BigButton variant={current ? 'primary' : 'secondary'} className={`street-choice ${current ? 'street-choice--current' : ''}`} onClick={() => onSelect(office.id)}>
                {current ? `✓ ${office.name}（当前）` : office.name}
              </BigButton>
            </View>
          )
        })}
      </View>
    </View>
  )
}
