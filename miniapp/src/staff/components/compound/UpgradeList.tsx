import { Text, View } from '@tarojs/components'
import type { UpgradeLine } from '../../../hooks/staff-consultations'
import { formatDateTime } from '../../../lib/format'

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`

/** 加项申请 (read-only): what each household asked above the basic standard, its quote and whether it is paid. */
export function UpgradeList({ lines }: { lines: UpgradeLine[] }) {
  if (lines.length === 0) return <Text className='card text-body upgrades-empty'>还没有住户申请自费提升改造。住户在改造申请里提出后，会显示在这里。</Text>
  return (
    <View className='upgrade-list'>
      {lines.map(({ upgrade, householdLabel }) => (
        <View key={upgrade.id} className='card upgrade-row' id={`upgrade-${upgrade.householdId}`}>
          <Text className='unit-card__title'>{householdLabel}</Text>
          <Text className='text-body'>{upgrade.description}</Text>
          <Text className='text-secondary upgrade-row__quote'>
            {upgrade.quotedFen === null ? '尚未报价' : `报价 ${yuan(upgrade.quotedFen)}`}
            {upgrade.paidAt ? ` · 已付款 ${formatDateTime(upgrade.paidAt)}` : ' · 未付款'}
          </Text>
        </View>
      ))}
    </View>
  )
}
