import { Text, View } from '@tarojs/components'
import type { MyPublicity } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { kindLabel } from '../../lib/consultation-text'
import { stageBadge } from './publicity.rules'

/** Published results of my compounds, the ones open to objections first. */
export function PublicityList({ entries, onOpen }: { entries: MyPublicity[]; onOpen: (entry: MyPublicity) => void }) {
  if (entries.length === 0) {
    return (
      <View className='card publicity-none'>
        <Text className='text-body'>目前没有公示的结果。意见征询截止后，业委会会在这里公示统计结果。</Text>
      </View>
    )
  }
  const sorted = [...entries].sort((a, b) => Number(b.windowOpen) - Number(a.windowOpen))
  return (
    <View className='publicity-list'>
      {sorted.map((entry) => (
        <View key={entry.consultationId} className='card publicity-item' id={`publicity-item-${entry.consultationId}`}>
          <Text className='kind-tag'>{kindLabel(entry.kind)}</Text>
          <Text className='publicity-card-title publicity-item__title'>{entry.title}</Text>
          <Text className={`answer-state ${entry.windowOpen ? 'answer-state--todo' : 'answer-state--done'} publicity-item__stage`}>{stageBadge(entry.stage, entry.windowOpen)}</Text>
          <BigButton variant={entry.windowOpen ? 'primary' : 'secondary'} className='publicity-item__open' onClick={() => onOpen(entry)}>
            查看结果
          </BigButton>
        </View>
      ))}
    </View>
  )
}
