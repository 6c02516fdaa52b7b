import { Text } from '@tarojs/components'
import { Screen } from '../../components/Screen'
import '../staff.css'

// Placeholder: built in issue 8.
export default function StaffHomePage() {
  return (
    <Screen className='staff-home'>
      <Text className='page-title'>home</Text>
    </Screen>
  )
}
