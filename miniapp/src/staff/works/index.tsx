import { Text } from '@tarojs/components'
import { Screen } from '../../components/Screen'

/** Stub: built by the works issue. */
export default function Page() {
  return (
    <Screen>
      <Text className='text-body'>建设中</Text>
    </Screen>
  )
}
