import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { REPAIR_TESTS_OF, WARRANTY_PART_LABELS } from '@linyi/shared'
import type { RepairView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { TestsFields } from './TestsFields'
import { TestsNote } from './TestsNote'
import { newTestDraft, testReportOf, testsProblem, type TestDraft } from './acceptance-staff.rules'

interface Props {
  repair: RepairView
  submission: { run: (body: ReturnType<typeof testReportOf>) => Promise<boolean>; submitting: boolean; error: string | null }
  onCancel: () => void
}

/** 维修完成: the tests the repaired part must pass (a pipe: 通球 and 不渗不漏), with photos and a note. */
export function RepairDoneForm({ repair, submission, onCancel }: Props) {
  const required = REPAIR_TESTS_OF[repair.part]
  const [rows, setRows] = useState<TestDraft[]>(() => required.map(newTestDraft))
  const [note, setNote] = useState('')
  const problem = testsProblem(rows, note)
  const submit = () => {
    if (!problem) void submission.run(testReportOf(rows, note))
  }
  return (
    <View className='staff-acc-repair-form' role='group' aria-label={`记录${WARRANTY_PART_LABELS[repair.part]}维修完成`}>
      <Text className='text-body'>维修后逐项检测：全部合格，居民确认修好后这一部位的保修期重新计算。</Text>
      <TestsFields rows={rows} onChange={setRows} required={required} allowed={required} idPrefix={`repair-photo-${repair.id}`} />
      <TestsNote label='维修说明（选填）' spoken='维修说明' className='staff-acc-repair-note' placeholder='例如：更换了卫生间立管三通' value={note} onChange={setNote} />
      <ErrorNotice message={submission.error} className='staff-acc-repair-error' />
      <BigButton className='staff-acc-repair-submit' disabled={problem !== null} loading={submission.submitting} onClick={submit}>
        {submission.submitting ? '正在提交…' : (problem ?? '提交维修结果')}
      </BigButton>
      <BigButton variant='link' className='staff-acc-repair-cancel' onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}
