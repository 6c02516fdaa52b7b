import { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { Routes, goBackOr } from '../lib/routes'
import { pressable } from './pressable'

/** Pages that start a journey: nothing to go back to. */
const ROOTS: string[] = [Routes.home, Routes.staffHome]

/** `/staff/login/index?stamp=AB` → `/staff/login/index`; '' when unknown. */
const routeOf = (path: string | undefined) => (path ?? '').split('?')[0].replace(/^(?!\/)/, '/')

/** Staff pages fall back to the console's home; the login page and resident pages to the resident home. */
function fallbackFor(route: string): string {
  return route.startsWith('/staff/') && route !== Routes.staffLogin ? Routes.staffHome : Routes.home
}

/** Whether this page gets a back bar: H5 has no native navigation bar, weapp has one already. */
export function useBackBar(root: boolean | undefined): { shown: boolean; fallback: string } {
  const route = routeOf(useRouter().path)
  const shown = process.env.TARO_ENV === 'h5' && !(root ?? ROOTS.includes(route))
  return { shown, fallback: fallbackFor(route) }
}

/** 返回: back to the previous page, or to the fallback when this page was opened directly. */
export function BackBar({ fallback }: { fallback: string }) {
  const back = () => goBackOr(fallback)
  return (
    <View className='back-bar'>
      <Button {...pressable(back)} className='back-bar__button' id='back-bar-button' aria-label='返回' onClick={back}>
        <Text className='back-bar__chevron' aria-hidden>
          ‹
        </Text>
        <Text className='back-bar__label'>返回</Text>
      </Button>
    </View>
  )
}
