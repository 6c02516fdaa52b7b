import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CONTACT_NAME_MAX, CONTACT_PHONE_MAX } from '@linyi/shared'
import type { CarePlanRequest, CarePlanView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { TextField } from '../accounts/TextField'
import { AssistanceNoteField } from './AssistanceNoteField'
import { carePlanDraftOf, carePlanProblem, carePlanRequestOf, phoneProblem, toggleMeasure, type CarePlanDraft } from './care-plan-form.rules'
import { MeasuresStep } from './MeasuresStep'

interface Props {
  plan: CarePlanView | null
  /** Resolves true when the server saved it. */
  onSave: (body: CarePlanRequest) => Promise<boolean>
  saving: boolean
  error: string | null
}

/** The care plan: measures, who to call, and the crew's one line. */
export function CarePlanForm({ plan, onSave, saving, error }: Props) {
  const [draft, setDraft] = useState<CarePlanDraft>(() => carePlanDraftOf(plan))
  const [saved, setSaved] = useState(false)
  const change = (patch: Partial<CarePlanDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setSaved(false)
  }
  const problem = carePlanProblem(draft)

  const submit = async () => {
    if (problem) return
    if (await onSave(carePlanRequestOf(draft))) setSaved(true)
  }

  return (
    <View className='card care-plan-form'>
      <MeasuresStep
        ticked={draft.ticked}
        descriptions={draft.descriptions}
        onToggle={(kind) => change({ ticked: toggleMeasure(draft.ticked, kind) })}
        onDescribe={(kind, description) => change({ descriptions: { ...draft.descriptions, [kind]: description } })}
      />
      <TextField
        label='联系人'
        hint='施工前后需要联系时找谁（选填）'
        name='care-contact-name'
        value={draft.contactName}
        maxlength={CONTACT_NAME_MAX}
        placeholder='例如：女儿 王丽'
        onChange={(contactName) => change({ contactName })}
      />
      <TextField
        label='联系电话'
        hint='手机号或带区号的座机（选填）'
        name='care-contact-phone'
        value={draft.contactPhone}
        // Room for the spaces and dashes people type; the stored number is at most CONTACT_PHONE_MAX.
        maxlength={CONTACT_PHONE_MAX + 10}
        placeholder='例如：010-64001234'
        error={phoneProblem(draft.contactPhone)}
        onChange={(contactPhone) => change({ contactPhone })}
      />
      <AssistanceNoteField value={draft.assistanceNote} onChange={(assistanceNote) => change({ assistanceNote })} />
      <ErrorNotice message={error} className='care-plan-save-error' />
      <BigButton className='care-plan-save' disabled={problem !== null} loading={saving} onClick={() => void submit()}>
        {problem ?? (saving ? '正在保存…' : '保存照顾方案')}
      </BigButton>
      {saved ? <Text className='screening-saved care-plan-saved'>照顾方案已保存</Text> : null}
    </View>
  )
}
