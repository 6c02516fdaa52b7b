import { Text, View } from '@tarojs/components'
import { pressable } from '../../../components/pressable'

interface Props {
  label: string
  on: boolean
  onToggle: () => void
  className?: string
}

/** A big tick box with its label: the whole row (≥ the tap size) toggles it. */
export function TickRow({ label, on, onToggle, className = '' }: Props) {
  return (
    <View
      className={`screening-tick ${on ? 'screening-tick--on' : ''} ${className}`}
      role='checkbox'
      {...pressable(onToggle, false, 'checkbox')}
      aria-checked={on}
      onClick={onToggle}
    >
      <View className='screening-tick__box'>
        <Text>{on ? '✓' : ''}</Text>
      </View>
      <Text className='screening-tick__label'>{label}</Text>
    </View>
  )
}
