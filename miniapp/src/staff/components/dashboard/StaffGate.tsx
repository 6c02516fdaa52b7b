import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { StaffAction, StaffView } from '@linyi/shared'
import type { PropsWithChildren } from 'react'
import { BigButton } from '../../../components/BigButton'
import { canDo } from '../../../hooks/staff-session'
import { Routes } from '../../../lib/routes'
import { SignInPrompt } from './SignInPrompt'

interface Props {
  profile: StaffView | null
  action: StaffAction
  /** Why this role may not see the page, in a sentence a committee member understands. */
  deniedText: string
}

/** Renders the page only for roles the server lets through; others get a sentence and a way out, never a 403. */
export function StaffGate({ profile, action, deniedText, children }: PropsWithChildren<Props>) {
  if (!profile) return <SignInPrompt className='staff-gate staff-gate--signed-out' buttonClassName='staff-gate__login' />
  if (!canDo(profile, action)) {
    return (
      <View className='card staff-gate staff-gate--denied'>
        <Text className='staff-gate__title'>您的账号不能查看此页面</Text>
        <Text className='text-body'>{deniedText}</Text>
        <BigButton className='staff-gate__home' onClick={() => void Taro.redirectTo({ url: Routes.staffHome })}>
          返回工作台
        </BigButton>
      </View>
    )
  }
  return <>{children}</>
}
