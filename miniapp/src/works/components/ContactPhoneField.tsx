import { Input, Text, View } from '@tarojs/components'
import { CONTACT_PHONE_MAX } from '@linyi/shared'
import { ErrorNotice } from '../../components/Notice'
import { CONTACT_PHONE_NOTE } from './booking.rules'

interface Props {
  /** Makes the field's id unique when a resident has several households. */
  fieldId: string
  value: string
  error: string | null
  onChange: (value: string) => void
}

const LABEL = '联系电话（选填）'

/** The number the crew rings on the day, left empty by default; a phone's number pad where the platform has one. */
export function ContactPhoneField({ fieldId, value, error, onChange }: Props) {
  return (
    <View className='booking-phone-field'>
      <Text className='field-label'>{LABEL}</Text>
      <Text className='text-secondary booking-phone-note'>{CONTACT_PHONE_NOTE}</Text>
      <Input
        id={fieldId}
        className='text-input booking-phone'
        // H5 gets the phone pad (digits and -); WeChat's number pad has digits only, which a landline without - still passes.
        type={(process.env.TARO_ENV === 'h5' ? 'tel' : 'number') as 'number'}
        value={value}
        maxlength={CONTACT_PHONE_MAX}
        placeholder='例如 13800001234'
        placeholderClass='field-placeholder'
        aria-label={LABEL}
        onInput={(e) => onChange(e.detail.value)}
      />
      <ErrorNotice message={error} className='booking-phone-error' />
    </View>
  )
}
