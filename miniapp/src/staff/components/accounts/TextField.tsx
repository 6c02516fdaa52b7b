import { Input, Text } from '@tarojs/components'
import { FieldError } from './FieldError'

interface Props {
  label: string
  hint?: string
  /** The input's own class (browser tests find it by this); its error gets `<name>-error`. */
  name: string
  value: string
  maxlength: number
  placeholder: string
  password?: boolean
  error?: string | null
  onChange: (value: string) => void
}

/** A labelled text input of the account forms, with its hint above and its problem right under it. */
export function TextField({ label, hint, name, value, maxlength, placeholder, password, error, onChange }: Props) {
  return (
    <>
      <Text className='field-label'>{label}</Text>
      {hint ? <Text className='text-secondary'>{hint}</Text> : null}
      <Input
        className={`text-input ${name}-input`}
        // Only when set: Taro H5 would otherwise render the attribute for plain fields too.
        {...(password ? { password: true } : {})}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        aria-label={label}
        onInput={(e) => onChange(e.detail.value)}
      />
      <FieldError message={error} className={`${name}-error`} />
    </>
  )
}
