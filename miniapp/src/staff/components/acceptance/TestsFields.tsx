import { Text, View } from '@tarojs/components'
import { INSPECTION_LIMITS, INSPECTION_TEST_LABELS } from '@linyi/shared'
import type { InspectionTest } from '@linyi/shared'
import { MiniButton } from '../MiniButton'
import { TestRow } from './TestRow'
import { addableTests, newTestDraft, type TestDraft } from './acceptance-staff.rules'

interface Props {
  rows: TestDraft[]
  onChange: (rows: TestDraft[]) => void
  required: InspectionTest[]
  /** Every test the form may hold (required first). */
  allowed: InspectionTest[]
  /** Makes each row's canvas id unique on the page. */
  idPrefix: string
}

/** The tests of an inspection or a repair, one row each; the ones left out can be added back. */
export function TestsFields({ rows, onChange, required, allowed, idPrefix }: Props) {
  const replace = (index: number, row: TestDraft) => onChange(rows.map((r, i) => (i === index ? row : r)))
  const remove = (index: number) => onChange(rows.filter((_, i) => i !== index))
  const addable = rows.length < INSPECTION_LIMITS.results ? addableTests(allowed, rows) : []
  return (
    <View className='staff-acc-tests'>
      {rows.map((row, index) => (
        <TestRow
          key={row.test}
          row={row}
          required={required.includes(row.test)}
          canvasId={`${idPrefix}-${row.test.toLowerCase()}`}
          onChange={(next) => replace(index, next)}
          onRemove={() => remove(index)}
        />
      ))}
      {addable.length ? (
        <View className='staff-acc-add-tests'>
          <Text className='field-label'>添加检测项目</Text>
          <View className='works-row__actions'>
            {addable.map((test) => (
              <MiniButton key={test} className={`staff-acc-add-test staff-acc-add-test--${test.toLowerCase()}`} onClick={() => onChange([...rows, newTestDraft(test)])}>
                ＋ {INSPECTION_TEST_LABELS[test]}
              </MiniButton>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  )
}
