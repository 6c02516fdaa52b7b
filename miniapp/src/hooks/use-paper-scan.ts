import { useState } from 'react'
import { choosePhotoOrSay } from '../api/wechat/media'
import { photoToPngDataUrl } from '../lib/paper-scan'

/**
 * The photo of a signed paper form: shown at once from the camera or album, its grey PNG scan once
 * shrunk on the hidden canvas `canvasId` (weapp); a photo that cannot be read says so.
 */
export function usePaperScan(canvasId: string) {
  const [photo, setPhoto] = useState<string | null>(null)
  const [scan, setScan] = useState<string | null>(null)
  const [preparing, setPreparing] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const pick = async () => {
    setError(null)
    const path = await choosePhotoOrSay(setError)
    if (!path) return
    setPhoto(path)
    setScan(null)
    setPreparing(true)
    try {
      setScan(await photoToPngDataUrl(path, `#${canvasId}`))
    } catch {
      setError('照片处理失败，请重新拍摄')
    } finally {
      setPreparing(false)
    }
  }

  return { photo, scan, preparing, error, pick }
}
