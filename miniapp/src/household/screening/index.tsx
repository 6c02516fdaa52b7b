import { Text } from '@tarojs/components'

// Stub: filled in by its owner (issue 9).
export default function MyScreeningPage() {
  return <Text>我家的登记信息</Text>
}
