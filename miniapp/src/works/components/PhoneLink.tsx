import { callPhone } from '../../api/wechat/phone'
import { BigButton } from '../../components/BigButton'

/** A big call button: a tel: link in the browser, WeChat's dialer in the mini-program. */
export function PhoneLink({ phone, label }: { phone: string; label: string }) {
  const text = `${label} ${phone}`
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='big-button big-button--secondary works-call' href={`tel:${phone}`}>
        {text}
      </a>
    )
  }
  return (
    <BigButton variant='secondary' className='works-call' onClick={() => void callPhone(phone)}>
      {text}
    </BigButton>
  )
}
