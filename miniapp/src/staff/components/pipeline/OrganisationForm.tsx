import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { OWNERS_ORGANISATION_LABELS, OwnersOrganisationKind, PIPELINE_LIMITS, shanghaiDate } from '@linyi/shared'
import type { OwnersOrganisationRequest, OwnersOrganisationView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { ChoiceButtons } from '../accounts/ChoiceButtons'
import { TextField } from '../accounts/TextField'
import { PickerBox } from '../works/PickerBox'

interface Props {
  current: OwnersOrganisationView | null
  submission: { run: (body: OwnersOrganisationRequest) => Promise<boolean>; submitting: boolean; error: string | null }
  onSaved: () => void
}

const KINDS = Object.values(OwnersOrganisationKind).map((kind) => ({ value: kind, label: OWNERS_ORGANISATION_LABELS[kind] }))

/** The owners' organisation (业主委员会 or 物业管理委员会): which, its name and the day it was formed. */
export function OrganisationForm({ current, submission, onSaved }: Props) {
  const [kind, setKind] = useState<string | null>(current?.kind ?? null)
  const [name, setName] = useState(current?.name ?? '')
  const today = shanghaiDate(new Date())
  const [formedOn, setFormedOn] = useState(current?.formedOn ?? today)
  const typed = name.trim()
  const problem = kind === null ? '请选择组织类型' : !typed ? '请填写组织名称' : [...typed].length > PIPELINE_LIMITS.organisationName ? `名称最多 ${PIPELINE_LIMITS.organisationName} 个字` : null
  const save = async () => {
    if (!problem && (await submission.run({ kind: kind as OwnersOrganisationKind, name: typed, formedOn }))) onSaved()
  }
  return (
    <View className='pipeline-organisation-form'>
      <Text className='field-label'>组织类型</Text>
      <ChoiceButtons className='pipeline-organisation-kind' choices={KINDS} selected={kind} onSelect={setKind} />
      <TextField label='组织名称' name='pipeline-organisation-name' value={name} maxlength={PIPELINE_LIMITS.organisationName + 10} placeholder='例如：红星小区第一届业主委员会' onChange={setName} />
      <Text className='field-label'>成立日期</Text>
      <View className='works-picker-row'>
        <PickerBox mode='date' label='成立日期' value={formedOn} start='1990-01-01' end={today} className='pipeline-organisation-date' onPick={setFormedOn} />
      </View>
      <ErrorNotice message={submission.error} className='pipeline-organisation-error' />
      <BigButton className='pipeline-organisation-save' disabled={problem !== null} loading={submission.submitting} onClick={() => void save()}>
        {problem ?? (submission.submitting ? '正在保存…' : '保存业主组织')}
      </BigButton>
    </View>
  )
}
