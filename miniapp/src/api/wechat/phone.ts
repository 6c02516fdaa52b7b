import Taro from '@tarojs/taro'
import { isCancel } from './errmsg'

/**
 * Opens WeChat's dialer. When WeChat cannot (no SIM, a tablet, refused), the number is shown to dial by
 * hand; closing the dialer's sheet is the user's choice and needs no word. True when the dialer opened.
 */
export async function callPhone(phoneNumber: string): Promise<boolean> {
  try {
    await Taro.makePhoneCall({ phoneNumber })
    return true
  } catch (error) {
    if (isCancel(error)) return false
    await Taro.showModal({ title: '未能打开拨号', content: `请用手机拨打 ${phoneNumber}`, showCancel: false, confirmText: '知道了' }).catch(() => undefined)
    return false
  }
}
