import { Text } from '@tarojs/components'
import { Screen } from '../../components/Screen'
import '../staff.css'

// Placeholder: built in issue 8.
export default function StaffRosterPage() {
  return (
    <Screen className='staff-roster'>
      <Text className='page-title'>roster</Text>
    </Screen>
  )
}
