import { Text } from '@tarojs/components'
import { Screen } from '../../components/Screen'
import '../staff.css'

// Placeholder: built in issue 8.
export default function StaffDashboardPage() {
  return (
    <Screen className='staff-dashboard'>
      <Text className='page-title'>dashboard</Text>
    </Screen>
  )
}
