import { Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { INSPECTION_LIMITS } from '@linyi/shared'
import type { CompoundStructure, OwnerSupervisorView, OwnerSupervisorsRequest } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { supervisorsProblem, supervisorsRequestOf, type SupervisorDraft } from './acceptance-staff.rules'

interface Props {
  structure: CompoundStructure
  current: OwnerSupervisorView[]
  save: { run: (body: OwnerSupervisorsRequest) => Promise<boolean>; submitting: boolean; error: string | null }
  onClose: (saved: boolean) => void
}

const NONE = '（不指定）'

/** Every household of the compound in roster order, for the picker. */
const householdsOf = (structure: CompoundStructure) => structure.buildings.flatMap((b) => b.units.flatMap((u) => u.households.map((h) => ({ id: h.id, label: h.label }))))

/** The committee names up to two owners of the compound as supervisors: a household and the person's name each. */
export function SupervisorsForm({ structure, current, save, onClose }: Props) {
  const households = householdsOf(structure)
  const labels = [NONE, ...households.map((h) => h.label)]
  const [slots, setSlots] = useState<SupervisorDraft[]>(() =>
    [0, 1].map((i) => ({ householdId: current[i]?.householdId ?? null, name: current[i]?.name ?? '' })),
  )
  const problem = supervisorsProblem(slots)
  const change = (index: number, patch: Partial<SupervisorDraft>) => setSlots((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)))
  const submit = async () => {
    if (!problem && (await save.run(supervisorsRequestOf(slots)))) onClose(true)
  }
  return (
    <View className='staff-acc-supervisors-form'>
      {slots.map((slot, index) => {
        const picked = households.findIndex((h) => h.id === slot.householdId)
        return (
          <View key={index} className='staff-acc-supervisor-slot' data-slot={index}>
            <Text className='field-label'>业主监督员 {index + 1}</Text>
            <Picker mode='selector' range={labels} value={picked + 1} onChange={(e) => change(index, { householdId: households[Number(e.detail.value) - 1]?.id ?? null })}>
              <View className='works-picker staff-acc-supervisor-household' role='button' aria-label={`业主监督员 ${index + 1} 的房屋：${labels[picked + 1]}`}>
                <Text className='works-picker__label'>房屋</Text>
                <Text className='works-picker__value'>{labels[picked + 1]}</Text>
              </View>
            </Picker>
            <Input
              className='text-input staff-acc-supervisor-name'
              nativeProps={{ 'aria-label': `业主监督员 ${index + 1} 的姓名` }}
              value={slot.name}
              maxlength={INSPECTION_LIMITS.supervisorName + 5}
              placeholder='姓名，例如：王建国'
              onInput={(e) => change(index, { name: e.detail.value })}
            />
          </View>
        )
      })}
      <ErrorNotice message={save.error} className='staff-acc-supervisors-error' />
      <BigButton className='staff-acc-supervisors-save' disabled={problem !== null} loading={save.submitting} onClick={() => void submit()}>
        {save.submitting ? '正在保存…' : (problem ?? '保存业主监督员')}
      </BigButton>
      <BigButton variant='link' className='staff-acc-supervisors-cancel' onClick={() => onClose(false)}>
        取消
      </BigButton>
    </View>
  )
}
