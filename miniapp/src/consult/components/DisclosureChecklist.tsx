import { Text, View } from '@tarojs/components'
import { useCallback, useMemo, useState } from 'react'
import type { Disclosure } from '@linyi/shared'
import { pressable } from '../../components/pressable'

/** Which disclosures the resident has ticked; every one must be, before agreeing. */
export function useDisclosureTicks(disclosures: Disclosure[]) {
  const [ticked, setTicked] = useState<Record<string, boolean>>({})
  const toggle = useCallback((id: string) => setTicked((all) => ({ ...all, [id]: !all[id] })), [])
  const tickedIds = useMemo(() => disclosures.filter((d) => ticked[d.id]).map((d) => d.id), [disclosures, ticked])
  return { ticked, toggle, tickedIds, allTicked: tickedIds.length === disclosures.length }
}

interface Props {
  disclosures: Disclosure[]
  ticked: Record<string, boolean>
  onToggle: (id: string) => void
}

/** Each disclosure in full, with a big tick box: the resident confirms having read it. */
export function DisclosureChecklist({ disclosures, ticked, onToggle }: Props) {
  if (disclosures.length === 0) return null
  const count = disclosures.filter((d) => ticked[d.id]).length
  return (
    <View className='disclosures'>
      <Text className='section-title'>请逐项阅读并勾选（{count}/{disclosures.length}）</Text>
      {disclosures.map((disclosure, index) => {
        const on = Boolean(ticked[disclosure.id])
        return (
          <View
            key={disclosure.id}
            id={`disclosure-${disclosure.id}`}
            className={`disclosure-item ${on ? 'disclosure-item--ticked' : ''}`}
            role='checkbox'
            {...pressable(() => onToggle(disclosure.id), false, 'checkbox')}
            aria-checked={on}
            onClick={() => onToggle(disclosure.id)}
          >
            <View className={`tick-box ${on ? 'tick-box--on' : ''}`}>
              <Text className='tick-box__mark'>{on ? '✓' : ''}</Text>
            </View>
            <View className='disclosure-item__body'>
              <Text className='disclosure-item__text'>
                {index + 1}. {disclosure.text}
              </Text>
              <Text className='disclosure-item__state'>{on ? '已阅读并知晓' : '点击确认已阅读'}</Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
