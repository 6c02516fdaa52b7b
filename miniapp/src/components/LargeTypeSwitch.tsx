import { Button, Text } from '@tarojs/components'
import { useLargeType } from '../store/large-type'
import { pressable } from './pressable'

/** One big toggle; its state is remembered on the phone across launches. */
export function LargeTypeSwitch() {
  const [largeType, setLargeType] = useLargeType()
  const toggle = () => setLargeType(!largeType)
  return (
    <Button
      {...pressable(toggle)}
      className={`large-type-switch ${largeType ? 'large-type-switch--on' : ''}`}
      aria-pressed={largeType}
      onClick={toggle}
    >
      <Text className='large-type-switch__label'>大字模式</Text>
      <Text className='large-type-switch__state'>{largeType ? '已开启' : '已关闭'}</Text>
    </Button>
  )
}
