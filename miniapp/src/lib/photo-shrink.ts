import Taro from '@tarojs/taro'
import { loadImage, type CanvasNode } from './canvas'
import type { Context2D } from './ink'

// Apart from canvas.ts: the signature pad needs none of this.

/** A canvas to draw photos on: a detached one in the browser, the page's hidden `<Canvas type='2d'>` on weapp. */
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

/** How a photo is shrunk: the long side drawn first, the smallest it may go, the data URL length it must fit. */
export interface ShrinkLimits {
  maxChars: number
  firstLongSide: number
  smallestLongSide: number
}

/**
 * Draws the photo with its long side at `firstLongSide`, then ¾ of that, until `encode` gives a data
 * URL of at most `maxChars` (or the side reaches `smallestLongSide`: that last one is returned anyway).
 */
export async function shrinkPhoto(
  photoPath: string,
  canvasSelector: string,
  limits: ShrinkLimits,
  encode: (node: CanvasNode, ctx: Context2D) => string | Promise<string>,
): Promise<string> {
  const node = await workCanvas(canvasSelector)
  const photo = await loadImage(node, photoPath)
  for (let longSide = limits.firstLongSide; ; longSide = Math.round(longSide * 0.75)) {
    const scale = Math.min(1, longSide / Math.max(photo.width, photo.height))
    node.width = Math.max(1, Math.round(photo.width * scale))
    node.height = Math.max(1, Math.round(photo.height * scale))
    const ctx = node.getContext('2d') as Context2D
    ctx.drawImage(photo, 0, 0, node.width, node.height)
    const dataUrl = await encode(node, ctx)
    if (dataUrl.length <= limits.maxChars || longSide <= limits.smallestLongSide) return dataUrl
  }
}
