import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useStaffLogin, useStoredStaffSession } from '../../hooks/staff'
import { Routes } from '../../lib/routes'
import '../staff.css'

export default function StaffLoginPage() {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const login = useStaffLogin()
  // A session the server still accepts goes straight to the 工作台; a 401 leaves the form.
  const stored = useStoredStaffSession()
  useEffect(() => {
    if (stored === 'valid') void Taro.redirectTo({ url: Routes.staffHome })
  }, [stored])

  const submit = async () => {
    if (await login.submit(username, password)) void Taro.redirectTo({ url: Routes.staffHome })
  }

  if (stored !== 'none') {
    return (
      <Screen className='staff-login'>
        <LoadingNotice text={stored === 'valid' ? '正在进入工作台…' : '正在检查登录状态…'} />
      </Screen>
    )
  }

  return (
    <Screen className='staff-login'>
      <View className='page-header'>
        <Text className='page-title'>工作人员登录</Text>
        <Text className='text-secondary'>供社区居委会、街道办事处和施工单位工作人员使用。居民无需登录。</Text>
      </View>
      <View className='card'>
        <Text className='field-label'>用户名</Text>
        <Input
          id='staff-username-input'
          className='staff-username-input text-input'
          type='text'
          value={username}
          placeholder='请输入用户名'
          onInput={(e) => setUsername(e.detail.value)}
        />
        <Text className='field-label'>密码</Text>
        <Input
          id='staff-password-input'
          className='staff-password-input text-input'
          password
          value={password}
          placeholder='请输入密码'
          confirmType='go'
          onInput={(e) => setPassword(e.detail.value)}
          onConfirm={() => void submit()}
        />
        <ErrorNotice message={login.error} className='staff-login-error' />
        <BigButton id='staff-login-submit' className='staff-login-submit' loading={login.submitting} onClick={() => void submit()}>
          {login.submitting ? '正在登录…' : '登录'}
        </BigButton>
      </View>
    </Screen>
  )
}
