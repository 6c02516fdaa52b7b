import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'

/** A big call button: a tel: link in the browser, WeChat's dialer in the mini-program. */
export function CallButton({ phone }: { phone: string | null }) {
  if (!phone) return <Text className='text-secondary no-phone'>名册中没有联系电话</Text>
  const label = `拨打电话 ${phone}`
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='big-button big-button--primary call-button' href={`tel:${phone}`}>
        {label}
      </a>
    )
  }
  return (
    <BigButton className='call-button' onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      {label}
    </BigButton>
  )
}
