import { Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { BigButton } from '../../../components/BigButton'

interface Props {
  /** The button that unfolds the form, e.g. 记录业主组织. */
  title: string
  className: string
  /** What the form now holds on the server, said beside the button while it is folded. */
  summary?: string
  children: (close: () => void) => ReactNode
}

/** A form kept folded under one button: the page stays short, and the record is one tap away. */
export function FoldedForm({ title, className, summary, children }: Props) {
  const [open, setOpen] = useState(false)
  const [saved, setSaved] = useState(false)
  const close = () => {
    setOpen(false)
    setSaved(true)
  }
  return (
    <View className={`card pipeline-form ${className}`}>
      {summary ? <Text className='text-body pipeline-form__summary'>{summary}</Text> : null}
      {saved && !open ? (
        <View role='status'>
          <Text className='state-badge state-badge--reached pipeline-mark pipeline-form__saved'>已保存</Text>
        </View>
      ) : null}
      {open ? (
        <>
          <Text className='pipeline-form__title'>{title}</Text>
          {children(close)}
          <BigButton variant='link' className={`${className}-cancel`} onClick={() => setOpen(false)}>
            收起
          </BigButton>
        </>
      ) : (
        <BigButton
          variant='secondary'
          className={`${className}-open`}
          onClick={() => {
            setSaved(false)
            setOpen(true)
          }}
        >
          {title}
        </BigButton>
      )}
    </View>
  )
}
