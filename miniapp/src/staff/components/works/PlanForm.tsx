import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { CONTACT_PHONE_MAX, WORK_LIMITS } from '@linyi/shared'
import type { CompoundStructure, ConsultationView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { STATUS_LABEL } from '../CompoundConsultations'
import { ChoiceButtons } from '../accounts/ChoiceButtons'
import { FieldError } from '../accounts/FieldError'
import { ARRANGEMENTS, charCount, phoneProblem, planProblem, unitChoices, type PlanDraft } from './plan-form.rules'
import { StepsEditor } from './StepsEditor'
import { UnitPicker } from './UnitPicker'
import { CharCounter } from './WorksParts'

interface Props {
  initial: PlanDraft
  structure: CompoundStructure
  /** The compound's plumbing applications; a saved plan keeps its own, so editing shows only that one. */
  applications: ConsultationView[]
  /** A new plan picks its application; a saved one cannot change it. */
  editing: boolean
  onSubmit: (draft: PlanDraft) => Promise<boolean>
  submitting: boolean
  error: string | null
  onCancel: () => void
}

/** The plan: what, which application, which units, the steps, the water arrangements and the crew's phone. */
export function PlanForm({ initial, structure, applications, editing, onSubmit, submitting, error, onCancel }: Props) {
  const [draft, setDraft] = useState<PlanDraft>(initial)
  const change = (patch: Partial<PlanDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const application = applications.find((c) => c.id === draft.consultationId) ?? null
  const buildings = unitChoices(structure, application ? application.unitIds : null)
  const offered = new Set(buildings.flatMap((b) => b.units.map((u) => u.unitId)))
  const pickApplication = (consultationId: string) => {
    const asked = applications.find((c) => c.id === consultationId)?.unitIds
    // Units the new application did not ask cannot be worked under it.
    change({ consultationId, unitIds: asked ? draft.unitIds.filter((id) => asked.includes(id)) : draft.unitIds })
  }
  const problem = planProblem(draft)
  const submit = () => {
    if (!problem) void onSubmit(draft)
  }

  return (
    <View className='card works-plan-form'>
      <Text className='field-label'>计划名称</Text>
      <Input
        className='text-input works-title-input'
        nativeProps={{ 'aria-label': '计划名称' }}
        value={draft.title}
        maxlength={WORK_LIMITS.titleMax + 10}
        placeholder='例如：1号楼2单元上下水立管更换'
        onInput={(e) => change({ title: e.detail.value })}
      />
      <CharCounter used={charCount(draft.title)} max={WORK_LIMITS.titleMax} />

      <Text className='field-label'>依据的上下水管线改造申请</Text>
      <Text className='text-secondary'>只有该申请中全体住户都已书面申请（已达成）的单元才能发布。</Text>
      {editing ? (
        <Text className='text-body works-application-fixed'>{application ? application.title : '（原申请）'}</Text>
      ) : (
        <ChoiceButtons
          className='works-application-choices'
          choices={applications.map((c) => ({ value: c.id, label: `${c.title}（${STATUS_LABEL[c.status] ?? c.status}）` }))}
          selected={draft.consultationId}
          onSelect={pickApplication}
        />
      )}

      <Text className='field-label'>施工单元</Text>
      <Text className='text-secondary'>已选 {draft.unitIds.filter((id) => offered.has(id)).length} 个单元</Text>
      <UnitPicker buildings={buildings} picked={draft.unitIds} onChange={(unitIds) => change({ unitIds })} />

      <Text className='field-label'>施工步骤（按先后顺序）</Text>
      <StepsEditor steps={draft.steps} onChange={(steps) => change({ steps })} />

      {ARRANGEMENTS.map(({ field, label, placeholder }) => (
        <View key={field} className={`works-arrangement works-arrangement--${field}`}>
          <Text className='field-label'>{label}（选填，印在张贴通知上）</Text>
          <Textarea
            className={`text-area works-${field}-input`}
            nativeProps={{ 'aria-label': label }}
            value={draft[field]}
            maxlength={WORK_LIMITS.arrangementMax + 20}
            placeholder={placeholder}
            onInput={(e) => change({ [field]: e.detail.value })}
          />
          <CharCounter used={charCount(draft[field])} max={WORK_LIMITS.arrangementMax} />
        </View>
      ))}

      <Text className='field-label'>施工联系电话（选填）</Text>
      <Text className='text-secondary'>印在张贴通知上；不填则使用小区的应急电话。</Text>
      <Input
        className='text-input works-phone-input'
        nativeProps={{ 'aria-label': '施工联系电话' }}
        value={draft.contactPhone}
        maxlength={CONTACT_PHONE_MAX + 10}
        placeholder='例如：010-64001234'
        onInput={(e) => change({ contactPhone: e.detail.value })}
      />
      <FieldError message={phoneProblem(draft.contactPhone)} className='works-phone-error' />

      <ErrorNotice message={error} className='works-plan-save-error' />
      <BigButton className='works-plan-save' disabled={problem !== null} loading={submitting} onClick={submit}>
        {problem ?? (submitting ? '正在保存…' : editing ? '保存修改' : '保存为草稿')}
      </BigButton>
      <BigButton variant='link' className='works-plan-cancel' onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}
