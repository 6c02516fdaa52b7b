import { Text } from '@tarojs/components'
import { Screen } from '../../components/Screen'
import '../staff.css'

// Placeholder: built in issue 8.
export default function StaffProgressPage() {
  return (
    <Screen className='staff-progress'>
      <Text className='page-title'>progress</Text>
    </Screen>
  )
}
