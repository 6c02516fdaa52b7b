import { Input, Text, View } from '@tarojs/components'
import { INSPECTION_LIMITS, INSPECTION_TEST_LABELS, InspectionTest } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { pressable } from '../../../components/pressable'
import { CharCounter } from '../works/WorksParts'
import { PhotoPicker } from './PhotoPicker'
import type { TestDraft } from './acceptance-staff.rules'

/** What the crew usually writes as the measured value of each test. */
const VALUE_HINTS: Record<InspectionTest, string> = {
  [InspectionTest.BallPass]: '例如：Φ75 球，一次通过',
  [InspectionTest.NoLeak]: '例如：通水 24 小时，管根干燥',
  [InspectionTest.WaterPressure]: '例如：0.6 MPa 稳压 15 分钟',
  [InspectionTest.Restoration]: '例如：墙地面已修补平整',
  [InspectionTest.WindowSeal]: '例如：淋水 30 分钟无渗漏',
  [InspectionTest.WindowOperation]: '例如：各扇开关顺畅',
  [InspectionTest.Other]: '写明检查了什么、结果如何',
}

interface Props {
  row: TestDraft
  required: boolean
  canvasId: string
  onChange: (row: TestDraft) => void
  onRemove: () => void
}

function Verdict({ on, pass, label, onPick }: { on: boolean; pass: boolean; label: string; onPick: () => void }) {
  return (
    <View
      className={`staff-acc-verdict staff-acc-verdict--${pass ? 'pass' : 'fail'} ${on ? 'staff-acc-verdict--on' : ''}`}
      role='radio'
      aria-checked={on}
      {...pressable(onPick, false, 'radio')}
      onClick={onPick}
    >
      <Text>{on ? `✓ ${label}` : label}</Text>
    </View>
  )
}

/** One test of the inspection: 合格 or 不合格, what was measured, a photo of it. */
export function TestRow({ row, required, canvasId, onChange, onRemove }: Props) {
  const label = INSPECTION_TEST_LABELS[row.test]
  return (
    <View className='staff-acc-test' data-test={row.test} role='group' aria-label={label}>
      <View className='works-row'>
        <Text className='staff-acc-test__label'>{label}</Text>
        {required ? <Text className='staff-acc-required'>必检</Text> : null}
      </View>
      <View className='staff-acc-verdicts' role='radiogroup' aria-label={`${label}的结果`}>
        <Verdict on={row.passed === true} pass label='合格' onPick={() => onChange({ ...row, passed: true })} />
        <Verdict on={row.passed === false} pass={false} label='不合格' onPick={() => onChange({ ...row, passed: false })} />
      </View>
      <Text className='field-label'>实测值（选填）</Text>
      <Input
        className='text-input staff-acc-test-value'
        nativeProps={{ 'aria-label': `${label}的实测值` }}
        value={row.value}
        maxlength={INSPECTION_LIMITS.value + 10}
        placeholder={VALUE_HINTS[row.test]}
        onInput={(e) => onChange({ ...row, value: e.detail.value })}
      />
      {row.value.length > INSPECTION_LIMITS.value - 10 ? <CharCounter used={row.value.trim().length} max={INSPECTION_LIMITS.value} /> : null}
      <PhotoPicker canvasId={canvasId} label='检测照片' value={row.photo} onChange={(photo) => onChange({ ...row, photo })} />
      <BigButton variant='link' className='staff-acc-test-remove' onClick={onRemove}>
        {required ? '这次没做这一项（检测将不通过）' : '不填这一项'}
      </BigButton>
    </View>
  )
}
