import { storage } from './taro-mock'
import { StorageKey } from '../src/api/storage'
import { PRIVACY_GUIDE_VERSION } from '../src/api/wechat/privacy'

/** The user agreed to the privacy guide earlier: photo and file pickers open without the dialog. */
export function agreeToPrivacyGuide(): void {
  storage.set(StorageKey.privacyAgreed, PRIVACY_GUIDE_VERSION)
}
