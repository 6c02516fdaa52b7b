import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { COMPOUND_TIME_ZONE_LABEL, WORK_LIMITS, shanghaiDate } from '@linyi/shared'
import type { CreateWorkWindowRequest, WorkWindowView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { useSubmission } from '../../../hooks/use-submission'
import { TickRow } from '../screening/TickRow'
import { newWindowDraft, nextDay, steppedCapacity, windowDraftProblem, windowRequestOf, type WindowDraft } from './window-form.rules'
import { MiniButton } from '../MiniButton'
import { PickerBox } from './PickerBox'

interface Props {
  unitId: string
  unitLabel: string
  /** The unit's windows so far: a new one starts the day after the last. */
  windows: WorkWindowView[]
  /** A published plan's new window must still respect the notice period: the server says so. */
  published: boolean
  onAdd: (body: CreateWorkWindowRequest) => Promise<void>
  onClose: () => void
}

/** A new work window for one unit: a day and hours in 北京时间, how many flats, and whether it is a priority window. */
export function AddWindowForm({ unitId, unitLabel, windows, published, onAdd, onClose }: Props) {
  const [draft, setDraft] = useState<WindowDraft>(() => newWindowDraft(new Date(), windows))
  const [added, setAdded] = useState(false)
  const change = (patch: Partial<WindowDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setAdded(false)
  }
  const add = useSubmission(async () => {
    await onAdd(windowRequestOf(unitId, draft))
    // Crews usually go day after day: offer the next day for the next window.
    setDraft((d) => ({ ...d, date: nextDay(d.date), priority: false }))
    setAdded(true)
  })
  const problem = windowDraftProblem(draft, new Date())
  return (
    <View className='works-add-window' data-unit-id={unitId}>
      <Text className='section-title'>为{unitLabel}添加施工时段（{COMPOUND_TIME_ZONE_LABEL}）</Text>
      {published ? <Text className='text-secondary'>计划已发布：新时段须在告知期之后，添加后住户马上就能看到并预约。</Text> : null}
      <View className='works-picker-row'>
        <PickerBox mode='date' label='日期' value={draft.date} start={shanghaiDate(new Date())} className='works-window-date' onPick={(date) => change({ date })} />
        <PickerBox mode='time' label='开始' value={draft.startClock} className='works-window-start' onPick={(startClock) => change({ startClock })} />
        <PickerBox mode='time' label='结束' value={draft.endClock} className='works-window-end' onPick={(endClock) => change({ endClock })} />
      </View>
      <Text className='field-label'>这个时段可安排几户</Text>
      <View className='works-capacity'>
        <MiniButton className='works-capacity-less' onClick={() => change({ capacity: steppedCapacity(draft.capacity, -1) })}>
          －
        </MiniButton>
        <Input
          className='text-input works-capacity-input'
          nativeProps={{ 'aria-label': '可安排户数' }}
          type='number'
          value={draft.capacity}
          maxlength={String(WORK_LIMITS.capacityMax).length}
          onInput={(e) => change({ capacity: e.detail.value })}
        />
        <MiniButton className='works-capacity-more' onClick={() => change({ capacity: steppedCapacity(draft.capacity, 1) })}>
          ＋
        </MiniButton>
        <Text className='works-capacity__unit'>户</Text>
      </View>
      <TickRow className='works-window-priority' label='优先时段：先留给照顾方案中需要优先安排的住户' on={draft.priority} onToggle={() => change({ priority: !draft.priority })} />
      <ErrorNotice message={add.error} className='works-add-window-error' />
      <BigButton className='works-add-window-save' disabled={problem !== null} loading={add.submitting} onClick={() => void add.run()}>
        {problem ?? (add.submitting ? '正在添加…' : '添加这个时段')}
      </BigButton>
      {added ? <Text className='works-saved works-add-window-done'>已添加。日期已换成下一天，可以接着添加下一个时段。</Text> : null}
      <BigButton variant='link' className='works-add-window-close' onClick={onClose}>
        收起
      </BigButton>
    </View>
  )
}
