import { Text, View } from '@tarojs/components'

/** Issue 12: placeholder until the screen lands. */
export default function Page() {
  return (
    <View>
      <Text>问卷</Text>
    </View>
  )
}
