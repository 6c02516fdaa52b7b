import Taro from '@tarojs/taro'
import { loadImage, type CanvasNode } from '../../lib/canvas'
import type { Context2D } from '../../lib/ink'

/** Both platforms' 2D canvas take a JPEG quality (WeChat since base library 2.11.0). */
interface JpegCanvas {
  toDataURL: (type: string, quality: number) => string
}

/** Up to ten defect photos travel in one request: each stays far below the server's 2 MB. */
const TARGET_CHARS = 350_000
const FIRST_LONG_SIDE = 1400
const SMALLEST_LONG_SIDE = 600

function workCanvas(selector: string): Promise<CanvasNode> {
  if (process.env.TARO_ENV === 'h5') return Promise.resolve(document.createElement('canvas') as unknown as CanvasNode)
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(selector)
      .node()
      .exec((results: Array<{ node?: CanvasNode } | null>) => {
        const node = results?.[0]?.node
        if (node) resolve(node)
        else reject(new Error(`canvas ${selector} not found`))
      })
  })
}

/**
 * A photo of a problem (a leak, a crack) in colour, as `data:image/jpeg;base64,…` shrunk until it is
 * small enough; weapp draws it on the page's hidden `<Canvas type='2d'>` named by `canvasSelector`.
 */
export async function photoToJpegDataUrl(photoPath: string, canvasSelector: string): Promise<string> {
  const node = await workCanvas(canvasSelector)
  if (!node.toDataURL) throw new Error('canvas cannot export')
  const photo = await loadImage(node, photoPath)
  for (let longSide = FIRST_LONG_SIDE; ; longSide = Math.round(longSide * 0.75)) {
    const scale = Math.min(1, longSide / Math.max(photo.width, photo.height))
    node.width = Math.max(1, Math.round(photo.width * scale))
    node.height = Math.max(1, Math.round(photo.height * scale))
    const ctx = node.getContext('2d') as Context2D
    ctx.drawImage(photo, 0, 0, node.width, node.height)
    const dataUrl = (node as unknown as JpegCanvas).toDataURL('image/jpeg', 0.8)
    if (dataUrl.length <= TARGET_CHARS || longSide <= SMALLEST_LONG_SIDE) return dataUrl
  }
}
