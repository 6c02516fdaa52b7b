import { Text } from '@tarojs/components'

/** Said once on every screening page: what these details are and that reading them is recorded. */
export function SensitiveNotice({ countsOnly = false }: { countsOnly?: boolean }) {
  return (
    <Text className='screening-notice'>
      {countsOnly
        ? '这里只显示各单元的户数统计。各户的具体情况属于敏感个人信息，只有居委会和街道工作人员可以查看。'
        : '各户的具体情况属于敏感个人信息，只用于施工期间的照顾安排；每次查看都会被记录。'}
    </Text>
  )
}

/** Under a read of details: this very read is in the street's access log now. */
export function ReadLoggedLine() {
  return <Text className='screening-logged'>本次查看已记录</Text>
}
