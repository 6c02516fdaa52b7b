import { Text } from '@tarojs/components'
import { Screen } from '../../components/Screen'
import '../staff.css'

// Placeholder: built in issue 8.
export default function StaffAuthorPage() {
  return (
    <Screen className='staff-author'>
      <Text className='page-title'>author</Text>
    </Screen>
  )
}
