import { Text } from '@tarojs/components'
import { Screen } from '../../components/Screen'
import '../staff.css'

// Placeholder: built in issue 8.
export default function StaffAccountsPage() {
  return (
    <Screen className='staff-accounts'>
      <Text className='page-title'>accounts</Text>
    </Screen>
  )
}
