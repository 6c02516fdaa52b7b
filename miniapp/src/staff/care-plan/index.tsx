import { Text } from '@tarojs/components'

// Stub: filled in by its owner (issue 9).
export default function StaffCarePlanPage() {
  return <Text>照顾方案</Text>
}
