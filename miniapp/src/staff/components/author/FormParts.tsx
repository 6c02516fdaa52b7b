import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { moved } from '../../../lib/draft/items'
import { MiniButton } from '../MiniButton'

interface FieldProps {
  /** The server's name for the field (`title`, `options.0.title`): browser tests and error mapping use it. */
  name: string
  label?: string
  help?: string
  error?: string
  className?: string
}

/** A labelled field with its help text and, right below it, what is wrong with it. */
export function Field({ name, label, help, error, className = '', children }: PropsWithChildren<FieldProps>) {
  return (
    <View className={`author-field ${error ? 'author-field--invalid' : ''} ${className}`} data-field={name}>
      {label ? <Text className='field-label author-label'>{label}</Text> : null}
      {help ? <Text className='text-secondary author-help'>{help}</Text> : null}
      {children}
      {error ? (
        <View className='field-error' data-field={name} role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
    </View>
  )
}

/** The resident's tick (consult/consult.css, which the author page loads): the form ticks as its preview does. */
function Tick({ on, round = false }: { on: boolean; round?: boolean }) {
  return (
    <View className={`tick-box ${round ? 'tick-box--round' : ''} ${on ? 'tick-box--on' : ''}`}>
      <Text className='tick-box__mark'>{on ? '✓' : ''}</Text>
    </View>
  )
}

export interface Choice<T extends string> {
  value: T
  label: string
  hint?: string
  /** Shown greyed with the reason, and not selectable. */
  unavailable?: string
}

interface ChoiceListProps<T extends string> {
  id?: string
  choices: Choice<T>[]
  value: T
  onChange: (value: T) => void
  /** On every choice, with `data-value`: e.g. `.author-rule[data-value=UNANIMOUS]`. */
  itemClassName: string
}

/** One of several, as big rows with their explanation (a radio group). */
export function ChoiceList<T extends string>({ id, choices, value, onChange, itemClassName }: ChoiceListProps<T>) {
  return (
    <View id={id} className='author-choices' role='radiogroup'>
      {choices.map((choice) => {
        const on = choice.value === value
        return (
          <View
            key={choice.value}
            className={`author-choice ${itemClassName} ${on ? 'author-choice--on' : ''} ${choice.unavailable ? 'author-choice--unavailable' : ''}`}
            data-value={choice.value}
            role='radio'
            aria-checked={on}
            aria-disabled={Boolean(choice.unavailable)}
            onClick={() => {
              if (!choice.unavailable) onChange(choice.value)
            }}
          >
            <Tick on={on} round />
            <View className='author-choice__body'>
              <Text className='author-choice__label'>{choice.label}</Text>
              {choice.hint ? <Text className='author-choice__hint'>{choice.hint}</Text> : null}
              {choice.unavailable ? <Text className='author-choice__hint author-choice__why'>{choice.unavailable}</Text> : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}

interface TickRowProps {
  checked: boolean
  onToggle: () => void
  label: string
  hint?: string
  className?: string
}

/** A big checkbox row. */
export function TickRow({ checked, onToggle, label, hint, className = '' }: TickRowProps) {
  return (
    <View className={`author-choice author-tick-row ${checked ? 'author-choice--on' : ''} ${className}`} role='checkbox' aria-checked={checked} onClick={onToggle}>
      <Tick on={checked} />
      <View className='author-choice__body'>
        <Text className='author-choice__label'>{label}</Text>
        {hint ? <Text className='author-choice__hint'>{hint}</Text> : null}
      </View>
    </View>
  )
}

interface ItemHeadProps<T> {
  title: string
  /** `author-option` names the buttons `.author-option-up`, `-down` and `-remove` (browser tests click them). */
  classPrefix: string
  items: T[]
  index: number
  onChange: (items: T[]) => void
}

/** A list item's number with its 上移, 下移 and 删除 buttons (options, disclosures). */
export function ItemHead<T>({ title, classPrefix, items, index, onChange }: ItemHeadProps<T>) {
  return (
    <View className='author-item-head'>
      <Text className='author-item-number'>{title}</Text>
      <View className='author-item-actions'>
        <MiniButton className={`${classPrefix}-up`} disabled={index === 0} onClick={() => onChange(moved(items, index, -1))}>
          上移
        </MiniButton>
        <MiniButton className={`${classPrefix}-down`} disabled={index === items.length - 1} onClick={() => onChange(moved(items, index, 1))}>
          下移
        </MiniButton>
        <MiniButton className={`${classPrefix}-remove`} onClick={() => onChange(items.filter((_, i) => i !== index))}>
          删除
        </MiniButton>
      </View>
    </View>
  )
}

/** H5 renders Input/Textarea as a wrapper around the real element: the label must reach that element. */
export const spokenAs = (label: string) => ({ nativeProps: { 'aria-label': label } })
