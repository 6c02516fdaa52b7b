import { Text } from '@tarojs/components'

// Stub: filled in by its owner (issue 9).
export default function StaffScreeningHouseholdPage() {
  return <Text>摸排登记</Text>
}
