import Taro from '@tarojs/taro'
import { ApiError } from '../errors'
import { isCancel, isPermissionRefusal } from './errmsg'
import { ensurePrivacyAgreed } from './privacy'

export const PHOTO_PRIVACY_REFUSED =
  '您没有同意隐私保护指引，所以无法拍照或选择照片。其他功能照常可用；照片可请社区工作人员代为录入。'
export const PHOTO_PERMISSION_REFUSED =
  '微信没有相机或相册的权限，无法拍照或选择照片。可在微信的“设置—隐私—授权管理”中允许，或请社区工作人员代为录入。'
export const PHOTO_FAILED = '无法打开相机或相册，请再试一次，或请社区工作人员代为录入。'

/** Why no photo could be taken; its message is meant for the screen. */
export class PhotoUnavailable extends ApiError {
  constructor(message: string) {
    super(message, 0, 'PHOTO_UNAVAILABLE')
  }
}

async function pickPath(): Promise<string | undefined> {
  if (process.env.TARO_ENV === 'weapp') {
    // chooseMedia replaces the deprecated chooseImage on WeChat.
    const { tempFiles } = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    return tempFiles[0]?.tempFilePath
  }
  const { tempFilePaths } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
  return tempFilePaths[0]
}

/**
 * A photo from the camera or album, after the privacy guide is agreed to; null when the user cancels.
 * Throws PhotoUnavailable, with what to do instead, when the guide or the permission is refused.
 */
export async function choosePhoto(): Promise<string | null> {
  if (!(await ensurePrivacyAgreed())) throw new PhotoUnavailable(PHOTO_PRIVACY_REFUSED)
  try {
    return (await pickPath()) ?? null
  } catch (error) {
    if (isCancel(error)) return null
    throw new PhotoUnavailable(isPermissionRefusal(error) ? PHOTO_PERMISSION_REFUSED : PHOTO_FAILED)
  }
}

/** The words for a failed photo: the refusal's own, or the fallback for a photo that could not be read. */
export const photoProblem = (error: unknown, fallback: string): string => (error instanceof PhotoUnavailable ? error.message : fallback)

/** choosePhoto for a screen: why no photo could be taken goes to `onProblem`, and null comes back. */
export async function choosePhotoOrSay(onProblem: (message: string) => void): Promise<string | null> {
  try {
    return await choosePhoto()
  } catch (error) {
    onProblem(photoProblem(error, PHOTO_FAILED))
    return null
  }
}
