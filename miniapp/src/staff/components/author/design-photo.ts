import Taro from '@tarojs/taro'
import { loadImage, type CanvasNode } from '../../../lib/canvas'
import type { Context2D } from '../../../lib/ink'
import { choosePhoto } from '../../../lib/paper-scan'

/** The hidden `<Canvas type='2d'>` the author page renders for shrinking photos on weapp. */
export const PHOTO_CANVAS_ID = 'author-photo-canvas'

/** Both platforms' 2D canvas take a JPEG quality (WeChat since base library 2.11.0). */
interface JpegCanvas {
  toDataURL: (type: string, quality: number) => string
}

/** Every resident downloads each picture: stay far below the server's 500 000 characters. */
const TARGET_CHARS = 350_000
const FIRST_LONG_SIDE = 1200
const SMALLEST_LONG_SIDE = 480

function workCanvas(): Promise<CanvasNode> {
  if (process.env.TARO_ENV === 'h5') return Promise.resolve(document.createElement('canvas') as unknown as CanvasNode)
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${PHOTO_CANVAS_ID}`)
      .node()
      .exec((results: Array<{ node?: CanvasNode } | null>) => {
        const node = results?.[0]?.node
        if (node) resolve(node)
        else reject(new Error('photo canvas not found'))
      })
  })
}

/**
 * A design picture chosen from the album or camera, in colour, as `data:image/jpeg;base64,…` shrunk
 * until it is small enough; null when the author cancels.
 */
export async function chooseDesignPhoto(): Promise<string | null> {
  const path = await choosePhoto()
  if (!path) return null
  const node = await workCanvas()
  if (!node.toDataURL) throw new Error('canvas cannot export')
  const photo = await loadImage(node, path)
  for (let longSide = FIRST_LONG_SIDE; ; longSide = Math.round(longSide * 0.75)) {
    const scale = Math.min(1, longSide / Math.max(photo.width, photo.height))
    node.width = Math.max(1, Math.round(photo.width * scale))
    node.height = Math.max(1, Math.round(photo.height * scale))
    const ctx = node.getContext('2d') as Context2D
    ctx.drawImage(photo, 0, 0, node.width, node.height)
    const dataUrl = (node as unknown as JpegCanvas).toDataURL('image/jpeg', 0.82)
    if (dataUrl.length <= TARGET_CHARS || longSide <= SMALLEST_LONG_SIDE) return dataUrl
  }
}
