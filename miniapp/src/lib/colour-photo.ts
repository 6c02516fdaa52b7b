import type { CanvasNode } from './canvas'
import { shrinkPhoto, type ShrinkLimits } from './photo-shrink'
import { choosePhoto } from '../api/wechat/media'

/** A colour photo's size limits and JPEG quality. */
export interface ColourPhotoLimits extends ShrinkLimits {
  quality: number
}

/** Defect, test and repair photos: up to ten travel in one request, so each stays far below the server's 2 MB. */
export const EVIDENCE_PHOTO: ColourPhotoLimits = { maxChars: 350_000, firstLongSide: 1400, smallestLongSide: 600, quality: 0.8 }

/** Both platforms' 2D canvas take a JPEG quality (WeChat since base library 2.11.0). */
type JpegCanvas = CanvasNode & { toDataURL: (type: string, quality: number) => string }

/**
 * A photo (a leak, a crack, the ball out of the stack) in colour, as `data:image/jpeg;base64,…` shrunk
 * until it is small enough; weapp draws it on the page's hidden `<Canvas type='2d'>` named by `canvasSelector`.
 */
export function photoToJpegDataUrl(photoPath: string, canvasSelector: string, limits: ColourPhotoLimits = EVIDENCE_PHOTO): Promise<string> {
  return shrinkPhoto(photoPath, canvasSelector, limits, (node) => {
    if (!node.toDataURL) throw new Error('canvas cannot export')
    return (node as JpegCanvas).toDataURL('image/jpeg', limits.quality)
  })
}

/** A colour photo from the camera or album, shrunk as `photoToJpegDataUrl` does; null when the user cancels. */
export async function chooseColourPhoto(canvasSelector: string, limits: ColourPhotoLimits = EVIDENCE_PHOTO): Promise<string | null> {
  const path = await choosePhoto()
  return path ? photoToJpegDataUrl(path, canvasSelector, limits) : null
}
