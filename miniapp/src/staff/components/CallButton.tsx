import { Text } from '@tarojs/components'
import { callPhone } from '../../api/wechat/phone'
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
    <BigButton className='call-button' onClick={() => void callPhone(phone)}>
      {label}
    </BigButton>
  )
}
