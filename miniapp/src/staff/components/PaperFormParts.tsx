import { Canvas, Image, Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import type { usePaperScan } from '../../hooks/use-paper-scan'

interface PhotoProps {
  paper: ReturnType<typeof usePaperScan>
  canvasId: string
  className: string
  /** The preview's spoken name; none where the form gives it none. */
  alt?: string
  takeText: string
  retakeText: string
}

/** The signed form's photo: the hidden canvas that shrinks it (weapp), its preview, and the button that takes it. */
export function PaperPhoto({ paper, canvasId, className, alt, takeText, retakeText }: PhotoProps) {
  return (
    <>
      {/* weapp draws the photo on a hidden 2D canvas to turn it into a PNG. */}
      {process.env.TARO_ENV === 'h5' ? null : <Canvas id={canvasId} type='2d' className='scan-canvas' />}
      {paper.photo ? <Image className='paper-preview' src={paper.photo} mode='widthFix' {...(alt ? { nativeProps: { alt } } : {})} /> : null}
      <BigButton variant='secondary' className={className} loading={paper.preparing} onClick={() => void paper.pick()}>
        {paper.preparing ? '正在处理照片…' : paper.photo ? retakeText : takeText}
      </BigButton>
    </>
  )
}

interface ConfirmProps {
  /** The form's buttons are `${prefix}-submit`, `-confirm`, `-back` and `-cancel`: pages and tests find them so. */
  prefix: string
  /** While confirming: what will be recorded for which household; null shows the submit button. */
  question: string | null
  submitText: string
  ready: boolean
  submitting: boolean
  /** true: the submit button asks to confirm; false: 返回修改. */
  onConfirming: (confirming: boolean) => void
  onConfirm: () => void
  onCancel: () => void
}

/** A paper form is recorded only after the committee member confirms what it says; cancelling closes the form. */
export function PaperConfirm({ prefix, question, submitText, ready, submitting, onConfirming, onConfirm, onCancel }: ConfirmProps) {
  return (
    <>
      {question ? (
        <View className='paper-confirm-panel'>
          <Text className='paper-confirm-panel__text'>{question}</Text>
          <BigButton className={`${prefix}-confirm`} loading={submitting} onClick={onConfirm}>
            {submitting ? '正在录入…' : '确认录入'}
          </BigButton>
          <BigButton variant='secondary' className={`${prefix}-back`} onClick={() => onConfirming(false)}>
            返回修改
          </BigButton>
        </View>
      ) : (
        <BigButton className={`${prefix}-submit`} disabled={!ready} onClick={() => onConfirming(true)}>
          {submitText}
        </BigButton>
      )}
      <BigButton variant='link' className={`${prefix}-cancel`} onClick={onCancel}>
        取消
      </BigButton>
    </>
  )
}
