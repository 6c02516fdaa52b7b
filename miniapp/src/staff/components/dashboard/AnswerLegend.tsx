import { Text, View } from '@tarojs/components'
import { ConsultationKind } from '@linyi/shared'
import type { ConsultationOption } from '@linyi/shared'
import { optionLetter } from '../../../lib/dashboard'

interface Entry {
  key: string
  answerClass: string
  symbol: string
  text: string
}

function entries(kind: ConsultationKind, options: ConsultationOption[]): Entry[] {
  const voted: Entry[] =
    kind === ConsultationKind.DesignVote
      ? options.map((o) => ({ key: o.id, answerClass: 'option', symbol: optionLetter(options, o.id) ?? '●', text: `投 ${o.title}` }))
      : [{ key: 'agree', answerClass: 'agree', symbol: '✓', text: kind === ConsultationKind.PlumbingApplication ? '已申请' : '同意' }]
  return [
    ...voted,
    { key: 'refuse', answerClass: 'refuse', symbol: '✗', text: '不同意（带 ! 为已确认不同意）' },
    { key: 'abstain', answerClass: 'abstain', symbol: '—', text: '弃权' },
    { key: 'none', answerClass: 'none', symbol: '○', text: '未答复' },
  ]
}

/** What each tile's symbol means: the colours only repeat what the symbols say. */
export function AnswerLegend({ kind, options }: { kind: ConsultationKind; options: ConsultationOption[] }) {
  return (
    <View className='answer-legend'>
      {entries(kind, options).map((entry) => (
        <View key={entry.key} className='answer-legend__entry'>
          <Text className={`answer-tile answer-tile--${entry.answerClass} answer-legend__swatch`}>{entry.symbol}</Text>
          <Text className='answer-legend__text'>{entry.text}</Text>
        </View>
      ))}
    </View>
  )
}
