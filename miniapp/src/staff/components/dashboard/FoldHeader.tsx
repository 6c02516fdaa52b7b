import { Button, Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'

interface Props {
  open: boolean
  onToggle: () => void
  title: string
  /** "同意 5 · 不同意 1 · …", readable while folded. */
  counts: string
  className?: string
}

/** The tappable head of a building or unit: name, counts and whether it is open, in words. */
export function FoldHeader({ open, onToggle, title, counts, className = '', children }: PropsWithChildren<Props>) {
  return (
    <View className={`fold ${className}`}>
      <Button className={`fold-header ${open ? 'fold-header--open' : ''}`} aria-expanded={open} onClick={onToggle}>
        <View className='fold-header__top'>
          <Text className='fold-header__title'>{title}</Text>
          <Text className='fold-header__state'>{open ? '收起 ▲' : '展开 ▼'}</Text>
        </View>
        <Text className='fold-header__counts progress-counts'>{counts}</Text>
      </Button>
      {children}
    </View>
  )
}
