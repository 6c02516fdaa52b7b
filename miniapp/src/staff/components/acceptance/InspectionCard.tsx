import { Text, View } from '@tarojs/components'
import { INSPECTION_TEST_LABELS } from '@linyi/shared'
import type { InspectionView } from '@linyi/shared'
import { formatDateTime } from '../../../lib/format'
import { StaffPhoto } from './StaffPhoto'

/** One recorded inspection (or repair test): each result in words, its value and photo, and what was missing. */
export function InspectionCard({ householdId, inspection, title }: { householdId: string; inspection: InspectionView; title: string }) {
  return (
    <View className={`staff-acc-inspection staff-acc-inspection--${inspection.passed ? 'passed' : 'failed'}`} id={`inspection-${inspection.id}`}>
      <View className='works-row'>
        <Text className='staff-acc-inspection__title'>{title}</Text>
        <Text className={`staff-acc-verdict-tag staff-acc-verdict-tag--${inspection.passed ? 'pass' : 'fail'}`}>{inspection.passed ? '通过' : '未通过'}</Text>
      </View>
      <Text className='text-secondary'>
        {formatDateTime(inspection.at)} · {inspection.inspectorName}
      </Text>
      {inspection.results.map((result) => (
        <View key={result.test} className='staff-acc-result' data-test={result.test}>
          <Text className={`staff-acc-result__line staff-acc-result__line--${result.passed ? 'pass' : 'fail'}`}>
            {INSPECTION_TEST_LABELS[result.test]}：{result.passed ? '合格' : '不合格'}
            {result.value ? ` · ${result.value}` : ''}
          </Text>
          {result.photoSha256 ? <StaffPhoto householdId={householdId} sha256={result.photoSha256} label={`${INSPECTION_TEST_LABELS[result.test]}照片`} /> : null}
        </View>
      ))}
      {inspection.missing.length ? (
        <Text className='staff-acc-missing'>缺少必检项目：{inspection.missing.map((t) => INSPECTION_TEST_LABELS[t]).join('、')}</Text>
      ) : null}
      {inspection.note ? <Text className='text-body staff-acc-inspection__note'>备注：{inspection.note}</Text> : null}
    </View>
  )
}
