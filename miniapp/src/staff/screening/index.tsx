import { Text } from '@tarojs/components'

// Stub: filled in by its owner (issue 9).
export default function StaffScreeningPage() {
  return <Text>特殊困难户摸排</Text>
}
