import Taro from '@tarojs/taro'
import { PRIVACY_AGREE_BUTTON_ID, askForPrivacyAgreement } from '../../store/privacy'
import { StorageKey, readString, remove, writeString } from '../storage'

/** Bumped when the guide changes what is collected: on H5 the user is asked again. */
export const PRIVACY_GUIDE_VERSION = '2026-12-04'

const onWeapp = () => process.env.TARO_ENV === 'weapp'

/**
 * weapp: WeChat holds a privacy interface (chooseMedia, chooseMessageFile…) until the user has agreed
 * to the privacy guide; it asks us to show our own dialog and waits for the answer.
 */
export function installPrivacyPrompt(): void {
  if (!onWeapp() || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // Tells the platform the dialog was shown, as its review expects.
    resolve({ event: 'exposureAuthorization' })
    void askForPrivacyAgreement().then((agreed) =>
      resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' }),
    )
  })
}

/** H5: whether this browser has agreed to the current guide (weapp: only WeChat knows). */
export const privacyAgreedHere = (): boolean => readString(StorageKey.privacyAgreed) === PRIVACY_GUIDE_VERSION

/** True once the user has agreed to the privacy guide; asks with our dialog when they have not yet. */
export async function ensurePrivacyAgreed(): Promise<boolean> {
  if (onWeapp()) {
    try {
      // Answers at once when already agreed; otherwise WeChat raises onNeedPrivacyAuthorization.
      await Taro.requirePrivacyAuthorize({})
      return true
    } catch {
      return false
    }
  }
  if (privacyAgreedHere()) return true
  const agreed = await askForPrivacyAgreement()
  if (agreed) writeString(StorageKey.privacyAgreed, PRIVACY_GUIDE_VERSION)
  return agreed
}

/** H5: withdraws the agreement; the next photo or file asks again. */
export function withdrawPrivacyAgreement(): void {
  remove(StorageKey.privacyAgreed)
}
