import { Text } from '@tarojs/components'

// Stub: filled in by its owner (issue 9).
export default function StaffScreeningUnitPage() {
  return <Text>单元摸排名单</Text>
}
