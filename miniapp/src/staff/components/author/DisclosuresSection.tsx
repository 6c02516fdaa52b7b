import { Text, Textarea, View } from '@tarojs/components'
import { ConsultationKind, plumbingDisclosures } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { emergencyItemLacksPhone } from '../../../lib/draft/defaults'
import { blankDisclosure } from '../../../lib/draft/items'
import { DISCLOSURES_MAX, DISCLOSURE_TEXT_MAX } from '../../../lib/draft/validation'
import { EmergencyPhoneSetter, type EmergencyPhoneState } from './EmergencyPhoneSetter'
import { Field, ItemHead, spokenAs } from './FormParts'
import type { SectionProps } from './section-props'

interface Props extends SectionProps {
  phone: EmergencyPhoneState
  /** The save button's text, or null when the caller may not edit the compound's settings. */
  phoneSaveLabel: string | null
}

/** What residents must read and tick before answering (for a plumbing application: seed 004 §三). */
export function DisclosuresSection({ draft, errors, update, phone, phoneSaveLabel }: Props) {
  const { disclosures } = draft
  const plumbing = draft.kind === ConsultationKind.PlumbingApplication
  const change = (index: number, text: string) => update({ disclosures: disclosures.map((d, i) => (i === index ? { ...d, text } : d)) })
  return (
    <View className='section author-section'>
      <Text className='section-title'>告知事项</Text>
      <Field
        name='disclosures'
        help={plumbing ? '按政策（楼内上下水管线改造通知第三条）已填好，住户须逐项勾选后才能提交申请。可以按本小区情况修改文字。' : '选填。住户须逐项勾选后才能表示同意。'}
        error={errors.disclosures}
      >
        {disclosures.map((disclosure, index) => (
          <View key={disclosure.id} className='card author-disclosure' data-disclosure={disclosure.id}>
            <ItemHead title={`第 ${index + 1} 项`} classPrefix='author-disclosure' items={disclosures} index={index} onChange={(next) => update({ disclosures: next })} />
            <Field name={`disclosures.${index}.text`} error={errors[`disclosures.${index}.text`]}>
              <Textarea
                className='text-area author-textarea author-textarea--short author-disclosure-text'
                {...spokenAs(`告知事项第 ${index + 1} 项`)}
                value={disclosure.text}
                maxlength={DISCLOSURE_TEXT_MAX}
                onInput={(e) => change(index, e.detail.value)}
              />
            </Field>
            {plumbing && emergencyItemLacksPhone(disclosure) ? <EmergencyPhoneSetter state={phone} saveLabel={phoneSaveLabel} /> : null}
          </View>
        ))}
        {disclosures.length < DISCLOSURES_MAX ? (
          <BigButton variant='secondary' className='author-disclosure-add' onClick={() => update({ disclosures: [...disclosures, blankDisclosure(disclosures)] })}>
            添加告知事项
          </BigButton>
        ) : null}
        {plumbing ? (
          <BigButton variant='link' className='author-disclosure-reset' onClick={() => update({ disclosures: plumbingDisclosures(phone.phone) })}>
            恢复政策规定的告知事项
          </BigButton>
        ) : null}
      </Field>
    </View>
  )
}
