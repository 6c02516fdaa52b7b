import { Text } from '@tarojs/components'

// Stub: filled in by its owner (issue 9).
export default function StaffAccessLogPage() {
  return <Text>敏感信息查看记录</Text>
}
