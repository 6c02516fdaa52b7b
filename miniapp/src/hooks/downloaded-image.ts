import { useEffect, useRef } from 'react'
import { useAsync } from './use-async'

/** A blob: URL holds its bytes until revoked; weapp temp files are the system's to clean. */
function release(src: string | null): void {
  if (src?.startsWith('blob:') && typeof URL !== 'undefined' && URL.revokeObjectURL) URL.revokeObjectURL(src)
}

/** Lets each shown image URL go once another replaces it, and the last one when the component leaves. */
export function useReleasedWhenGone(src: string | null): void {
  const shown = useRef<string | null>(null)
  useEffect(() => {
    if (shown.current !== src) release(shown.current)
    shown.current = src
  }, [src])
  useEffect(() => () => release(shown.current), [])
}

/** A stored image fetched with the caller's token (an <Image> URL cannot carry it), as an <Image> source. */
export function useDownloadedImage(download: () => Promise<string>) {
  const image = useAsync(download)
  useReleasedWhenGone(image.data)
  return image
}
