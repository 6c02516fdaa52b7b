/** Stored photos shown as blob: URLs on H5 give their memory back once replaced or no longer shown. */
import { act, renderHook, waitFor } from '@testing-library/react'
import { useDownloadedImage } from '../src/hooks/downloaded-image'

let revoke: jest.Mock

beforeEach(() => {
  revoke = jest.fn()
  URL.revokeObjectURL = revoke
})

it('revokes the old blob: URL when a new one replaces it, and the last one on unmount', async () => {
  const download = jest.fn<Promise<string>, []>().mockResolvedValueOnce('blob:first').mockResolvedValueOnce('blob:second')
  const { result, unmount } = renderHook(() => useDownloadedImage(download))
  await waitFor(() => expect(result.current.data).toBe('blob:first'))
  expect(revoke).not.toHaveBeenCalled()
  await act(() => result.current.reload())
  expect(result.current.data).toBe('blob:second')
  expect(revoke.mock.calls).toEqual([['blob:first']])
  unmount()
  expect(revoke.mock.calls).toEqual([['blob:first'], ['blob:second']])
})

it('leaves weapp temporary files alone: WeChat cleans them', async () => {
  const { result, unmount } = renderHook(() => useDownloadedImage(async () => 'wxfile://tmp/photo.jpg'))
  await waitFor(() => expect(result.current.data).toBe('wxfile://tmp/photo.jpg'))
  unmount()
  expect(revoke).not.toHaveBeenCalled()
})
