import { Text, Textarea } from '@tarojs/components'
import { INSPECTION_LIMITS } from '@linyi/shared'
import { CharCounter } from '../works/WorksParts'

interface Props {
  label: string
  /** What a screen reader says for the box. */
  spoken: string
  className: string
  placeholder: string
  value: string
  onChange: (note: string) => void
}

/** The optional note stored with an inspection's or a repair's tests, with its count against the server's limit. */
export function TestsNote({ label, spoken, className, placeholder, value, onChange }: Props) {
  return (
    <>
      <Text className='field-label'>{label}</Text>
      <Textarea
        className={`text-area ${className}`}
        nativeProps={{ 'aria-label': spoken }}
        value={value}
        maxlength={INSPECTION_LIMITS.note + 20}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
      <CharCounter used={value.trim().length} max={INSPECTION_LIMITS.note} />
    </>
  )
}
