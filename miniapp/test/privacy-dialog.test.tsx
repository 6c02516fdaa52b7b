import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { resetTaro, storage } from './taro-mock'
import { StorageKey } from '../src/api/storage'
import { PHOTO_PRIVACY_REFUSED } from '../src/api/wechat/media'
import { PRIVACY_GUIDE_VERSION, installPrivacyPrompt } from '../src/api/wechat/privacy'
import PrivacyGuidePage from '../src/about/privacy/index'
import { PhotoField } from '../src/acceptance/components/PhotoField'
import { Screen } from '../src/components/Screen'
import { PRIVACY_GUIDE } from '../src/lib/privacy-guide'
import { setLargeType } from '../src/store/large-type'
import { answerPrivacy, askForPrivacyAgreement } from '../src/store/privacy'

// jsdom cannot decode a photo: the chosen picture comes back as this JPEG.
jest.mock('../src/lib/colour-photo', () => ({ photoToJpegDataUrl: jest.fn(async () => 'data:image/jpeg;base64,UEhPVE8=') }))

const env = process.env.TARO_ENV

function photoScreen() {
  const onChange = jest.fn()
  render(
    <Screen className='test-screen'>
      <PhotoField canvasId='leak-photo' label='渗漏处照片' value={null} onChange={onChange} />
    </Screen>,
  )
  return onChange
}

const dialog = () => document.querySelector('.privacy-dialog')

beforeEach(() => {
  resetTaro()
  setLargeType(false)
  process.env.TARO_ENV = 'h5'
})
afterEach(() => {
  act(() => answerPrivacy(false))
  process.env.TARO_ENV = env
})

it('asks before the album opens; refusing opens nothing, says who can help and leaves the screen usable', async () => {
  const onChange = photoScreen()
  fireEvent.click(screen.getByText('拍照或选择照片'))
  await waitFor(() => expect(dialog()).not.toBeNull())
  expect(screen.getByText('隐私保护提示')).toBeTruthy()
  expect(Taro.chooseImage).not.toHaveBeenCalled()

  fireEvent.click(screen.getByText('不同意'))
  await waitFor(() => expect(screen.getByText(PHOTO_PRIVACY_REFUSED)).toBeTruthy())
  expect(dialog()).toBeNull()
  expect(Taro.chooseImage).not.toHaveBeenCalled()
  expect(onChange).not.toHaveBeenCalled()
  expect(storage.has(StorageKey.privacyAgreed)).toBe(false)

  // A change of mind: the same button asks again, and agreeing opens the album.
  fireEvent.click(screen.getByText('拍照或选择照片'))
  await waitFor(() => expect(dialog()).not.toBeNull())
  fireEvent.click(screen.getByText('同意并继续'))
  await waitFor(() => expect(onChange).toHaveBeenCalledWith('data:image/jpeg;base64,UEhPVE8='))
  expect(Taro.chooseImage).toHaveBeenCalledTimes(1)
  expect(storage.get(StorageKey.privacyAgreed)).toBe(PRIVACY_GUIDE_VERSION)
  expect(screen.queryByText(PHOTO_PRIVACY_REFUSED)).toBeNull()
})

it('once agreed, the album opens without asking again', async () => {
  storage.set(StorageKey.privacyAgreed, PRIVACY_GUIDE_VERSION)
  const onChange = photoScreen()
  fireEvent.click(screen.getByText('拍照或选择照片'))
  await waitFor(() => expect(onChange).toHaveBeenCalled())
  expect(dialog()).toBeNull()
})

it('the dialog is in the screen’s large type, and links to the guide', async () => {
  setLargeType(true)
  photoScreen()
  fireEvent.click(screen.getByText('拍照或选择照片'))
  await waitFor(() => expect(dialog()).not.toBeNull())
  expect(dialog()!.closest('.screen')!.className).toContain('large-type')
  fireEvent.click(screen.getByText('阅读《邻议用户隐私保护指引》'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/about/privacy/index' })
})

it('weapp: WeChat holds the photo until our agreePrivacyAuthorization button (the id the prompt names) is tapped', async () => {
  process.env.TARO_ENV = 'weapp'
  installPrivacyPrompt()
  const listener = Taro.onNeedPrivacyAuthorization.mock.calls.at(-1)![0] as (resolve: (answer: { event: string }) => void) => void
  const toldWechat = jest.fn()
  // WeChat raises onNeedPrivacyAuthorization from inside requirePrivacyAuthorize and waits for the answer.
  Taro.requirePrivacyAuthorize.mockImplementation(
    () =>
      new Promise((agreed, refused) =>
        listener((answer) => {
          toldWechat(answer)
          if (answer.event === 'agree') agreed({ errMsg: 'requirePrivacyAuthorize:ok' })
          if (answer.event === 'disagree') refused({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized' })
        }),
      ),
  )
  photoScreen()
  fireEvent.click(screen.getByText('拍照或选择照片'))
  await waitFor(() => expect(dialog()).not.toBeNull())
  expect(toldWechat).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
  expect(Taro.chooseMedia).not.toHaveBeenCalled()
  const agree = screen.getByText('同意并继续').closest('taro-button-core')!
  expect(agree.id).toBe('privacy-agree')
  expect(agree.getAttribute('open-type')).toBe('agreePrivacyAuthorization')
  // The tap on WeChat's button arrives as its agreeprivacyauthorization event.
  act(() => {
    agree.dispatchEvent(new Event('agreeprivacyauthorization'))
  })
  await waitFor(() => expect(Taro.chooseMedia).toHaveBeenCalledTimes(1))
  expect(toldWechat).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
})

describe('the guide page', () => {
  it('says what is collected, why, how long, who sees it and how to withdraw (special needs included)', () => {
    render(<PrivacyGuidePage />)
    for (const section of PRIVACY_GUIDE) expect(screen.getByText(section.heading)).toBeTruthy()
    const text = document.body.textContent ?? ''
    for (const words of ['收集', '保存多久', '谁能看到', '撤回', '我家的登记信息', '撤回同意', '授权管理', '代为录入']) expect(text).toContain(words)
  })

  it('H5: shows this browser’s agreement and withdraws it', () => {
    storage.set(StorageKey.privacyAgreed, PRIVACY_GUIDE_VERSION)
    render(<PrivacyGuidePage />)
    fireEvent.click(screen.getByText('撤回同意'))
    expect(storage.has(StorageKey.privacyAgreed)).toBe(false)
    expect(screen.getByText('本浏览器尚未同意本指引。')).toBeTruthy()
  })

  it('opened from the dialog, it offers the answers itself and goes back once answered', async () => {
    let answer!: Promise<boolean>
    act(() => {
      answer = askForPrivacyAgreement()
    })
    render(<PrivacyGuidePage />)
    expect(document.querySelector('.privacy-dialog')).toBeNull()
    fireEvent.click(screen.getByText('同意并继续'))
    expect(await answer).toBe(true)
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
  })
})
