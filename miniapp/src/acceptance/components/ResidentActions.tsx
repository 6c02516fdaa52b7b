import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { AcceptanceStatus } from '@linyi/shared'
import type { DefectInput, HouseholdAcceptanceView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { Routes, withParams } from '../../lib/routes'
import { DefectsForm } from './DefectsForm'
import { SignPanel } from './SignPanel'

interface Props {
  view: HouseholdAcceptanceView
  submitting: boolean
  error: string | null
  onAccept: (signaturePng: string) => Promise<boolean>
  onReject: (defects: DefectInput[], signaturePng: string) => Promise<boolean>
}

/** What the resident can do: accept with a signature or list what is wrong; once accepted, the warranty. */
export function ResidentActions({ view, submitting, error, onAccept, onReject }: Props) {
  const [mode, setMode] = useState<'choose' | 'accept' | 'reject'>('choose')
  const panel = view.canAccept && mode !== 'choose'
  const back = () => setMode('choose')

  if (view.status === AcceptanceStatus.Accepted) {
    return (
      <View className='section acceptance-actions'>
        <ErrorNotice message={error} className='acceptance-error' />
        <BigButton className='acceptance-warranty' onClick={() => void Taro.navigateTo({ url: withParams(Routes.myWarranty, { householdId: view.householdId }) })}>
          查看保修告知书
        </BigButton>
      </View>
    )
  }

  return (
    <View className='section acceptance-actions'>
      {/* A refusal after the page changed under the resident (409) is shown here, in the server's words. */}
      {panel ? null : <ErrorNotice message={error} className='acceptance-error' />}
      {view.canAccept && mode === 'choose' ? (
        <>
          <BigButton className='acceptance-accept' onClick={() => setMode('accept')}>
            确认验收合格
          </BigButton>
          <BigButton variant='secondary' className='acceptance-reject' onClick={() => setMode('reject')}>
            有问题，不验收
          </BigButton>
        </>
      ) : null}
      {panel && mode === 'accept' ? (
        <SignPanel
          className='accept-sign'
          title='签名确认验收合格'
          explanation='签名表示您看过上面的检测结果，认可您家的施工质量合格。验收后不能撤回；以后有问题，可以在保修期内报修。'
          confirmText='签名并确认验收'
          submitting={submitting}
          error={error}
          onSign={(png) => void onAccept(png).then((done) => done && back())}
          onBack={back}
        />
      ) : null}
      {panel && mode === 'reject' ? (
        <DefectsForm submitting={submitting} error={error} onSubmit={(defects, png) => void onReject(defects, png).then((done) => done && back())} onCancel={back} />
      ) : null}
    </View>
  )
}
