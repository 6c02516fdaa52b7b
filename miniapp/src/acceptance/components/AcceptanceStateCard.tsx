import { Text, View } from '@tarojs/components'
import type { AcceptanceState } from './acceptance.rules'

const TONE_CLASS: Record<AcceptanceState['tone'], string> = {
  todo: 'answer-state answer-state--todo',
  done: 'answer-state answer-state--done',
  wait: 'state-badge state-badge--pending',
  problem: 'state-badge state-badge--failed',
}

/** Where the acceptance stands and what happens next, at the top of the page. */
export function AcceptanceStateCard({ state }: { state: AcceptanceState }) {
  return (
    <View className={`card acceptance-state acceptance-state--${state.tone}`} role='status'>
      <Text className={`${TONE_CLASS[state.tone]} acceptance-state__headline`}>{state.headline}</Text>
      <Text className='text-body acceptance-state__next'>{state.next}</Text>
    </View>
  )
}
