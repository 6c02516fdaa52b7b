import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AcceptanceStatus } from '@linyi/shared'
import type { HouseholdAcceptanceView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { SignPanel } from './SignPanel'

interface Props {
  view: HouseholdAcceptanceView
  /** The supervision list says this supervisor household already signed this acceptance. */
  signed: boolean
  submitting: boolean
  error: string | null
  onSign: (signaturePng: string) => Promise<boolean>
}

/** An owner supervisor reads the results (nothing to change here) and adds their own signature to an acceptance. */
export function SupervisorSignOff({ view, signed, submitting, error, onSign }: Props) {
  const [signing, setSigning] = useState(false)
  const [done, setDone] = useState(signed)
  const accepted = view.status === AcceptanceStatus.Accepted

  return (
    <View className='section supervisor-sign-off'>
      <Text className='text-secondary supervisor-sign-off__note'>您以业主监督员的身份查看这户的检测和验收记录，这里只能查看和签字，不能更改。</Text>
      {!accepted ? <Text className='text-body supervisor-sign-off__wait'>这户还没有验收，验收后才能签字。</Text> : null}
      {accepted && done ? <Text className='answer-state answer-state--done supervisor-sign-off__done'>您已签字</Text> : null}
      {signing ? null : <ErrorNotice message={error} className='supervisor-error' />}
      {accepted && !done && !signing ? (
        <BigButton className='supervisor-sign' onClick={() => setSigning(true)}>
          业主监督员签字确认
        </BigButton>
      ) : null}
      {signing ? (
        <SignPanel
          className='supervisor-sign-panel'
          title='业主监督员签字'
          explanation='签名表示您作为业主监督员，看过这户的检测结果和验收记录。'
          confirmText='签名确认'
          submitting={submitting}
          error={error}
          onSign={(png) =>
            void onSign(png).then((ok) => {
              if (!ok) return
              setSigning(false)
              setDone(true)
            })
          }
          onBack={() => setSigning(false)}
        />
      ) : null}
    </View>
  )
}
