import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { SignaturePad, type SignaturePadHandle } from '../../consult/components/SignaturePad'

interface Props {
  title: string
  /** What the signature means, said before the resident signs. */
  explanation: string
  confirmText: string
  submitting: boolean
  error: string | null
  onSign: (signaturePng: string) => void
  onBack: () => void
  className?: string
}

/** A handwritten signature (the consultation's pad) and one button that sends it. Only one per page: the pad's canvas id is fixed. */
export function SignPanel({ title, explanation, confirmText, submitting, error, onSign, onBack, className = '' }: Props) {
  const pad = useRef<SignaturePadHandle>(null)
  const [signed, setSigned] = useState(false)
  const [padError, setPadError] = useState<string | null>(null)

  const sign = async () => {
    setPadError(null)
    let png: string
    try {
      png = await pad.current!.toPng()
    } catch {
      setPadError('没有读取到签名，请点“清除重写”后重新签名')
      return
    }
    onSign(png)
  }

  return (
    <View className={`card sign-panel ${className}`}>
      <Text className='acceptance-card-title'>{title}</Text>
      <Text className='text-body sign-panel__explanation'>{explanation}</Text>
      <SignaturePad ref={pad} onInkChange={setSigned} />
      {signed ? null : <Text className='missing-hint sign-panel__hint'>请先在上面的框内签名</Text>}
      <ErrorNotice message={padError ?? error} className='sign-error' />
      <BigButton className='sign-submit' disabled={!signed} loading={submitting} onClick={() => void sign()}>
        {submitting ? '正在提交…' : confirmText}
      </BigButton>
      <BigButton variant='link' className='sign-back' onClick={onBack}>
        返回
      </BigButton>
    </View>
  )
}
