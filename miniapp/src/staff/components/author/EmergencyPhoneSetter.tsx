import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { emergencyPhoneProblem, normalPhone } from '../../../lib/draft/validation'
import { spokenAs } from './FormParts'

export interface EmergencyPhoneState {
  phone: string | null
  loading: boolean
  loadError: string | null
  save: (phone: string) => Promise<boolean>
  saving: boolean
  saveError: string | null
}

interface Props {
  state: EmergencyPhoneState
  /** Null when the caller may not edit the compound's settings. */
  saveLabel: string | null
}

/** Next to the emergency item: the compound has no emergency line yet; set it here when allowed. */
export function EmergencyPhoneSetter({ state, saveLabel }: Props) {
  const [typed, setTyped] = useState('')
  const [tried, setTried] = useState(false)
  if (state.loading || state.phone) return null
  const problem = tried ? emergencyPhoneProblem(typed) : null
  return (
    <View className='author-phone-missing' data-field='emergencyPhone'>
      {state.loadError ? (
        <Text className='text-body'>没有读取到小区设置（{state.loadError}），无法填入施工单位应急电话。</Text>
      ) : (
        <Text className='text-body'>本小区还没有登记施工单位应急电话，这一项暂时写“号码见施工现场公示牌”。</Text>
      )}
      {saveLabel && !state.loadError ? (
        <View>
          <Text className='field-label author-label'>施工单位应急电话</Text>
          <Input className='text-input author-input author-phone-input' {...spokenAs('施工单位应急电话')} type='text' value={typed} maxlength={30} placeholder='例如：010-12345678' onInput={(e) => setTyped(e.detail.value)} />
          {problem ? (
            <Text className='field-error' data-field='emergencyPhone'>
              {problem}
            </Text>
          ) : null}
          <ErrorNotice message={state.saveError} />
          <BigButton
            variant='secondary'
            className='author-phone-save'
            loading={state.saving}
            onClick={() => {
              setTried(true)
              if (!emergencyPhoneProblem(typed)) void state.save(normalPhone(typed))
            }}
          >
            {saveLabel}
          </BigButton>
        </View>
      ) : (
        <Text className='text-secondary'>请社区居委会在小区设置中登记应急电话。</Text>
      )}
    </View>
  )
}
