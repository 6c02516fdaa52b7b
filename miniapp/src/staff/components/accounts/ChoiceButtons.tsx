import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import './accounts.css'

export interface Choice {
  value: string
  label: string
}

interface Props {
  choices: Choice[]
  selected: string | null
  onSelect: (value: string) => void
  className: string
  /** Beyond this many, a box to narrow the list by name. */
  filterAbove?: number
}

/** Big pressable choices (a picker that is the same on weapp and H5, and ≥ 60 px tall in 大字 mode). */
export function ChoiceButtons({ choices, selected, onSelect, className, filterAbove = 8 }: Props) {
  const [filter, setFilter] = useState('')
  const needle = filter.trim()
  const shown = needle ? choices.filter((choice) => choice.label.includes(needle) || choice.value === selected) : choices
  return (
    <View className={`choice-buttons ${className}`}>
      {choices.length > filterAbove ? (
        <Input
          className='text-input choice-filter'
          value={filter}
          placeholder='输入名称筛选'
          aria-label='输入名称筛选'
          onInput={(e) => setFilter(e.detail.value)}
        />
      ) : null}
      {shown.map((choice) => {
        const on = choice.value === selected
        return (
          <Button
            key={choice.value}
            className={`choice-button ${on ? 'choice-button--on' : ''}`}
            data-value={choice.value}
            aria-pressed={on}
            onClick={() => onSelect(choice.value)}
          >
            <Text>{on ? `✓ ${choice.label}` : choice.label}</Text>
          </Button>
        )
      })}
      {needle && shown.length === 0 ? <Text className='text-secondary'>没有名称包含“{needle}”的选项</Text> : null}
    </View>
  )
}
