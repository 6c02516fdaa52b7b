import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { Routes } from '../lib/routes'
import { PRIVACY_AGREE_BUTTON_ID, answerPrivacy, usePrivacyAsked } from '../store/privacy'
import { BigButton } from './BigButton'

/**
 * The agree button. On weapp it must be WeChat's own `agreePrivacyAuthorization` button: the base
 * library checks that this very button was tapped before it lets the waiting interface go on.
 */
function AgreeButton() {
  if (process.env.TARO_ENV !== 'weapp') {
    return (
      <BigButton className='privacy-dialog__agree' onClick={() => answerPrivacy(true)}>
        同意并继续
      </BigButton>
    )
  }
  return (
    <Button
      id={PRIVACY_AGREE_BUTTON_ID}
      className='big-button big-button--primary privacy-dialog__agree'
      openType='agreePrivacyAuthorization'
      onAgreePrivacyAuthorization={() => answerPrivacy(true)}
    >
      同意并继续
    </Button>
  )
}

/** The two answers, also offered at the end of the guide itself while something waits for them. */
export function PrivacyAnswers() {
  return (
    <View className='privacy-answers'>
      <AgreeButton />
      <BigButton variant='secondary' className='privacy-dialog__refuse' onClick={() => answerPrivacy(false)}>
        不同意
      </BigButton>
    </View>
  )
}

/**
 * Asked before the camera, the album, a chat file or the phone's calendar is opened, in the screen's own type size. Refusing
 * leaves everything else usable: the screen that asked says what cannot be done and who can help.
 */
export function PrivacyDialog() {
  const asked = usePrivacyAsked()
  if (!asked) return null
  return (
    <View className='privacy-dialog'>
      <View
        className='privacy-dialog__panel'
        // Named by label, not by an id: H5 keeps the pages below in the DOM, each with its own dialog.
        {...(process.env.TARO_ENV === 'h5' ? { role: 'dialog', 'aria-modal': 'true', 'aria-label': '隐私保护提示' } : {})}
      >
        <Text className='privacy-dialog__title'>
          隐私保护提示
        </Text>
        <Text className='privacy-dialog__text'>
          拍照、选择照片或微信聊天中的文件，以及把施工时间加入手机日历之前，请您阅读并同意《邻议用户隐私保护指引》。这些只用于您这次办理的事项。
        </Text>
        <BigButton variant='link' className='privacy-dialog__guide' onClick={() => void Taro.navigateTo({ url: Routes.privacyGuide })}>
          阅读《邻议用户隐私保护指引》
        </BigButton>
        <PrivacyAnswers />
      </View>
    </View>
  )
}
