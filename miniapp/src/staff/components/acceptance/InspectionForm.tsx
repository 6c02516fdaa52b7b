import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { INSPECTION_TEST_LABELS } from '@linyi/shared'
import type { HouseholdAcceptanceView, InspectionCreated } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { useRecordInspection } from '../../../hooks/acceptance-staff'
import { TestsFields } from './TestsFields'
import { TestsNote } from './TestsNote'
import { inspectionRequestOf, newTestDraft, passPreview, testsProblem, type TestDraft } from './acceptance-staff.rules'

const freshRows = (view: HouseholdAcceptanceView) => view.template.required.map(newTestDraft)

/** What the server decided, in words: passed, or why not (the failed tests and the missing required ones). */
function Outcome({ result, failed }: { result: InspectionCreated; failed: string[] }) {
  return (
    <View className={`staff-acc-outcome staff-acc-outcome--${result.passed ? 'passed' : 'failed'}`} role='status'>
      <Text className='staff-acc-outcome__title'>{result.passed ? '检测通过' : '检测未通过'}</Text>
      {result.passed ? (
        <Text className='text-body'>居民会收到验收提醒，可在小程序上查看结果并签字验收；不会用手机的，由居委会录入纸质验收单。</Text>
      ) : (
        <>
          {failed.length ? <Text className='text-body staff-acc-outcome__failed'>不合格：{failed.join('、')}</Text> : null}
          {result.missing.length ? (
            <Text className='text-body staff-acc-outcome__missing'>缺少必检项目：{result.missing.map((t) => INSPECTION_TEST_LABELS[t]).join('、')}</Text>
          ) : null}
          <Text className='text-body'>整改后请重新检测；检测通过后居民才能验收。</Text>
        </>
      )}
    </View>
  )
}

/** The contractor's inspection of one household: the kind's required tests, optional ones added, photos, a note. */
export function InspectionForm({ view, onRecorded }: { view: HouseholdAcceptanceView; onRecorded: () => Promise<void> }) {
  const [rows, setRows] = useState<TestDraft[]>(() => freshRows(view))
  const [note, setNote] = useState('')
  const [failed, setFailed] = useState<string[]>([])
  const record = useRecordInspection(view.householdId, onRecorded)
  const problem = testsProblem(rows, note)
  const preview = passPreview(view.kind, rows)
  const change = (next: TestDraft[]) => {
    setRows(next)
    record.clear()
  }
  const submit = async () => {
    if (problem) return
    const sentFailed = rows.filter((r) => r.passed === false).map((r) => INSPECTION_TEST_LABELS[r.test])
    if (await record.run(inspectionRequestOf(view.workPlanId, rows, note))) {
      setFailed(sentFailed)
      setRows(freshRows(view))
      setNote('')
    }
  }
  return (
    <View className='card staff-acc-inspection-form'>
      <Text className='section-title'>{record.result ? '再记录一次检测' : '记录本次检测'}</Text>
      {record.result ? <Outcome result={record.result} failed={failed} /> : null}
      <Text className='text-secondary'>必检项目都合格，检测才算通过。每项可填实测值、拍一张照片，照片和结果一起存证，居民验收时能看到。</Text>
      <TestsFields
        rows={rows}
        onChange={change}
        required={view.template.required}
        allowed={[...view.template.required, ...view.template.optional]}
        idPrefix={`test-photo-${view.householdId}`}
      />
      <TestsNote label='备注（选填）' spoken='检测备注' className='staff-acc-note' placeholder='例如：卫生间立管已更换，厨房支管接口已复查' value={note} onChange={setNote} />
      {preview ? <Text className='staff-acc-preview'>{preview}</Text> : null}
      <ErrorNotice message={record.error} className='staff-acc-inspection-error' />
      <BigButton className='staff-acc-inspection-submit' disabled={problem !== null} loading={record.submitting} onClick={() => void submit()}>
        {record.submitting ? '正在提交…' : (problem ?? '提交检测结果')}
      </BigButton>
    </View>
  )
}
