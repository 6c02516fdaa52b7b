import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useLargeType } from '../store/large-type'

/** The root of every page: carries the large-type class that the whole stylesheet keys on. */
export function Screen({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const [largeType] = useLargeType()
  return <View className={`screen ${largeType ? 'large-type' : 'normal-type'} ${className}`}>{children}</View>
}
