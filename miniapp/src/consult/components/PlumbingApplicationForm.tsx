import { Text, Textarea, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { Answer } from '@linyi/shared'
import type { ConsultationView, SubmitResponseRequest } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { DisclosureChecklist, useDisclosureTicks } from './DisclosureChecklist'
import { SignaturePad, type SignaturePadHandle } from './SignaturePad'

interface Props {
  consultation: ConsultationView
  submitting: boolean
  error: string | null
  onSubmit: (request: SubmitResponseRequest) => void
}

const UPGRADE_MAX = 500

/** The written application (书面改造申请): every disclosure ticked, then a handwritten signature. */
export function PlumbingApplicationForm({ consultation, submitting, error, onSubmit }: Props) {
  const ticks = useDisclosureTicks(consultation.disclosures)
  const [signed, setSigned] = useState(false)
  const [upgrade, setUpgrade] = useState('')
  const [refusing, setRefusing] = useState(false)
  const [signatureError, setSignatureError] = useState<string | null>(null)
  const pad = useRef<SignaturePadHandle>(null)

  const missing = [
    ticks.allTicked ? null : `勾选全部告知内容（已勾选 ${ticks.tickedIds.length}/${consultation.disclosures.length} 项）`,
    signed ? null : '在签名框内签名',
  ].filter(Boolean)

  const agree = async () => {
    setSignatureError(null)
    let signaturePng: string
    try {
      signaturePng = await pad.current!.toPng()
    } catch {
      setSignatureError('没有读取到签名，请点“清除重写”后重新签名')
      return
    }
    const upgradeRequest = upgrade.trim()
    onSubmit({
      answer: Answer.Agree,
      acknowledgedDisclosureIds: ticks.tickedIds,
      signaturePng,
      ...(upgradeRequest ? { upgradeRequest } : {}),
    })
  }

  const refuse = () => onSubmit({ answer: Answer.Refuse, acknowledgedDisclosureIds: ticks.tickedIds })

  return (
    <View className='plumbing-form'>
      <DisclosureChecklist disclosures={consultation.disclosures} ticked={ticks.ticked} onToggle={ticks.toggle} />

      <View className='section'>
        <Text className='section-title'>本人签名</Text>
        <SignaturePad ref={pad} onInkChange={setSigned} />
      </View>

      <View className='section'>
        <Text className='field-label'>需要超出基本恢复标准的改造（自费）</Text>
        <Text className='text-secondary'>选填。施工单位会先报价，您付款后才按升级方案施工。不需要请留空。</Text>
        <Textarea
          className='upgrade-input text-area'
          value={upgrade}
          maxlength={UPGRADE_MAX}
          placeholder='例如：卫生间墙面整体更换瓷砖'
          placeholderClass='field-placeholder'
          onInput={(e) => setUpgrade(e.detail.value)}
        />
      </View>

      <View className='section submit-area'>
        {missing.length > 0 ? <Text className='missing-hint'>提交前还需要：{missing.join('；')}</Text> : null}
        <ErrorNotice message={signatureError ?? error} className='submit-error' />
        <BigButton className='plumbing-submit' disabled={missing.length > 0} loading={submitting} onClick={() => void agree()}>
          {submitting ? '正在提交…' : '同意并提交申请'}
        </BigButton>
      </View>

      <View className='section refuse-area'>
        {refusing ? (
          <View className='card refuse-panel'>
            <Text className='text-body'>您选择不同意，本次不申请改造。不同意不需要签名，截止前可以随时修改。</Text>
            <BigButton variant='secondary' className='refuse-confirm' loading={submitting} onClick={refuse}>
              确认不同意
            </BigButton>
            <BigButton variant='link' className='refuse-cancel' onClick={() => setRefusing(false)}>
              返回
            </BigButton>
          </View>
        ) : (
          <BigButton variant='link' className='refuse-entry' onClick={() => setRefusing(true)}>
            不同意，不申请改造
          </BigButton>
        )}
      </View>
    </View>
  )
}
