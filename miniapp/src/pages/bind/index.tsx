import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useBindHousehold } from '../../hooks/resident'
import { INVITE_CODE_MAX } from '../../lib/invite-code'
import { Routes, goBackOr } from '../../lib/routes'
import './index.css'

export default function BindPage() {
  const [code, setCode] = useState('')
  const bind = useBindHousehold()

  const submit = async () => {
    const household = await bind.submit(code)
    // Home reloads the household list when it shows again.
    if (household) goBackOr(Routes.home)
  }

  return (
    <Screen className='bind'>
      <View className='page-header'>
        <Text className='page-title'>绑定房屋</Text>
        <Text className='text-body'>请输入社区工作人员给您的邀请码。邀请码由字母和数字组成，共 6 到 10 位，不区分大小写。</Text>
      </View>

      <View className='card'>
        <Text className='field-label'>邀请码</Text>
        <Input
          id='bind-code-input'
          className='bind-code-input code-input'
          type='text'
          value={code}
          maxlength={INVITE_CODE_MAX + 4}
          placeholder='例如 K7M3Q9TX'
          placeholderClass='field-placeholder'
          confirmType='done'
          onInput={(e) => setCode(e.detail.value.toUpperCase())}
          onConfirm={() => void submit()}
        />
        <ErrorNotice message={bind.error} className='bind-error' />
        <BigButton id='bind-submit' className='bind-submit' loading={bind.submitting} onClick={() => void submit()}>
          {bind.submitting ? '正在绑定…' : '确认绑定'}
        </BigButton>
        <BigButton variant='secondary' className='bind-cancel' onClick={() => goBackOr(Routes.home)}>
          返回
        </BigButton>
      </View>
    </Screen>
  )
}
