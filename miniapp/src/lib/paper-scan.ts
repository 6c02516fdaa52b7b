import Taro from '@tarojs/taro'
import { canvasToPngDataUrl, loadImage, type CanvasNode } from './canvas'
import type { Context2D } from './ink'

/** The server takes JSON bodies up to 2 MB: stay well below, base64 included. */
const MAX_DATA_URL_CHARS = 1_500_000
const FIRST_LONG_SIDE = 1400
const SMALLEST_LONG_SIDE = 700

/** Lets the resident or staff member pick a photo (camera or album); null when they cancel. */
export async function choosePhoto(): Promise<string | null> {
  try {
    const { tempFilePaths } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    return tempFilePaths[0] ?? null
  } catch {
    return null
  }
}

/** Grey, in 16 tones: a signed paper form stays legible and its PNG stays small. */
function toScanTones(ctx: Context2D, width: number, height: number): void {
  const image = ctx.getImageData(0, 0, width, height)
  const { data } = image
  for (let i = 0; i < data.length; i += 4) {
    const grey = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]
    const tone = Math.round(grey / 17) * 17
    data[i] = tone
    data[i + 1] = tone
    data[i + 2] = tone
    data[i + 3] = 255
  }
  ctx.putImageData(image, 0, 0)
}

/** A canvas to draw on: a detached one in the browser, the page's hidden `<Canvas type='2d'>` on weapp. */
async function workCanvas(selector: string): Promise<CanvasNode> {
  if (process.env.TARO_ENV === 'h5') return document.createElement('canvas') as unknown as CanvasNode
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

async function exportPng(node: CanvasNode): Promise<string> {
  // WeChat's 2D canvas has toDataURL since base library 2.11.0, like the browser's.
  return node.toDataURL ? node.toDataURL('image/png') : canvasToPngDataUrl(node)
}

/** A photo of a signed paper form as `data:image/png;base64,…`, shrunk until it fits the request limit. */
export async function photoToPngDataUrl(photoPath: string, canvasSelector: string): Promise<string> {
  const node = await workCanvas(canvasSelector)
  const photo = await loadImage(node, photoPath)
  for (let longSide = FIRST_LONG_SIDE; ; longSide = Math.round(longSide * 0.75)) {
    const scale = Math.min(1, longSide / Math.max(photo.width, photo.height))
    const width = Math.max(1, Math.round(photo.width * scale))
    const height = Math.max(1, Math.round(photo.height * scale))
    node.width = width
    node.height = height
    const ctx = node.getContext('2d') as Context2D
    ctx.drawImage(photo, 0, 0, width, height)
    toScanTones(ctx, width, height)
    const dataUrl = await exportPng(node)
    if (dataUrl.length <= MAX_DATA_URL_CHARS || longSide <= SMALLEST_LONG_SIDE) return dataUrl
  }
}
