import Taro from '@tarojs/taro'

/** WeChat's standard font is 17px; from 20px up the user has asked for large text. */
const LARGE_FONT_SETTING_PX = 20
const LARGE_FONT_SCALE = 1.15

interface WeChatFontInfo {
  fontSizeSetting?: number
  fontSizeScaleFactor?: number
}

/** Whether the user set WeChat's font large; false off WeChat or where the base library cannot tell. */
export function wechatAsksForLargeType(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false
  try {
    // Taro's typings lag WeChat's: both fields exist since base library 2.23.4.
    const info = Taro.getAppBaseInfo() as Taro.getAppBaseInfo.Result & WeChatFontInfo
    return (info.fontSizeSetting ?? 0) >= LARGE_FONT_SETTING_PX || (info.fontSizeScaleFactor ?? 1) >= LARGE_FONT_SCALE
  } catch {
    return false
  }
}
