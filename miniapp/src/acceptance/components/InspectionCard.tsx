import { Text, View } from '@tarojs/components'
import type { InspectionView } from '@linyi/shared'
import { formatDateTime } from '../../lib/format'
import { EvidencePhoto } from './EvidencePhoto'
import { missingText, resultLine, testLabel } from './acceptance.rules'

interface Props {
  householdId: string
  inspection: InspectionView
  title: string
}

/** One inspection in plain words: each test 合格 or 不合格, what was measured, its photo; what was missing. */
export function InspectionCard({ householdId, inspection, title }: Props) {
  const missing = missingText(inspection.missing)
  return (
    <View className={`card inspection-card inspection-card--${inspection.passed ? 'passed' : 'failed'}`} id={`inspection-${inspection.id}`}>
      <Text className='acceptance-card-title'>{title}</Text>
      <Text className={`inspection-verdict inspection-verdict--${inspection.passed ? 'passed' : 'failed'}`}>{inspection.passed ? '检测合格' : '检测没有通过'}</Text>
      <Text className='text-secondary inspection-card__meta'>
        {formatDateTime(inspection.at)} · 检测人：{inspection.inspectorName}
      </Text>
      {missing ? <Text className='text-body inspection-missing'>{missing}</Text> : null}
      {inspection.results.map((result) => (
        <View key={result.test} className={`inspection-result inspection-result--${result.passed ? 'passed' : 'failed'}`}>
          <Text className='inspection-result__line'>
            {result.passed ? '✓ ' : '✗ '}
            {resultLine(result)}
          </Text>
          {result.value ? <Text className='text-body inspection-result__value'>测量结果：{result.value}</Text> : null}
          {result.photoSha256 ? <EvidencePhoto householdId={householdId} sha256={result.photoSha256} label={`${testLabel(result.test)}照片`} /> : null}
        </View>
      ))}
      {inspection.note ? <Text className='text-body inspection-note'>备注：{inspection.note}</Text> : null}
    </View>
  )
}
