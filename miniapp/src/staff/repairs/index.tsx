import { Text } from '@tarojs/components'
import { Screen } from '../../components/Screen'

/** Placeholder until the page is built (issue 11). */
export default function Page() {
  return (
    <Screen>
      <Text>…</Text>
    </Screen>
  )
}
