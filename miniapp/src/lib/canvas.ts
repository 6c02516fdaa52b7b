import Taro from '@tarojs/taro'
import { exportCanvasPng } from '../api/wechat/canvas-export'
import type { Context2D } from './ink'

/** A canvas node as both platforms give it: HTMLCanvasElement on H5, the 2D Canvas object on weapp. */
export interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): unknown
  /** weapp only: images for drawImage come from the canvas. */
  createImage?: () => LoadableImage
  toDataURL?: (type?: string) => string
}

interface LoadableImage {
  src: string
  width: number
  height: number
  onload: (() => void) | null
  onerror: ((error: unknown) => void) | null
}

export interface MeasuredCanvas {
  node: CanvasNode
  ctx: Context2D
  /** CSS size of the canvas on screen. */
  width: number
  height: number
  pixelRatio: number
}

const isH5 = () => process.env.TARO_ENV === 'h5'

function pixelRatio(): number {
  const ratio = isH5() ? globalThis.devicePixelRatio : Taro.getWindowInfo().pixelRatio
  // Twice the CSS size is sharp enough for handwriting and keeps the PNG small.
  return Math.min(Math.max(ratio || 1, 1), 2)
}

function queryOnce(selector: string): Promise<{ node: CanvasNode | null; width: number; height: number } | null> {
  // Two requests, because Taro's H5 `fields({ node, size })` answers the node without its size.
  return new Promise((resolve) => {
    const query = Taro.createSelectorQuery()
    query.select(selector).node()
    query.select(selector).boundingClientRect()
    query.exec((results: Array<{ node?: CanvasNode | null; width?: number; height?: number } | null>) => {
      const [found, box] = results ?? []
      resolve(found ? { node: found.node ?? null, width: box?.width ?? 0, height: box?.height ?? 0 } : null)
    })
  })
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Finds a `<Canvas type='2d'>` by selector once it is laid out, and sizes its pixels for the screen.
 * The native node appears a little after React renders it, so this asks again for a short while.
 */
export async function measureCanvas(selector: string, attempts = 20): Promise<MeasuredCanvas> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const found = await queryOnce(selector)
    if (found?.node && found.width > 0 && found.height > 0) {
      const ratio = pixelRatio()
      const { node } = found
      node.width = Math.round(found.width * ratio)
      node.height = Math.round(found.height * ratio)
      const ctx = node.getContext('2d') as Context2D
      ctx.scale(ratio, ratio)
      return { node, ctx, width: found.width, height: found.height, pixelRatio: ratio }
    }
    await wait(50)
  }
  throw new Error(`canvas ${selector} not found`)
}

/** The canvas content as `data:image/png;base64,…`; `area` is the canvas' CSS size, when known. */
export async function canvasToPngDataUrl(node: CanvasNode, area?: { width: number; height: number }): Promise<string> {
  if (isH5() && node.toDataURL) return node.toDataURL('image/png')
  return exportCanvasPng(node, area)
}

/** Loads a picture (a chosen photo's temporary path or blob URL) for drawImage. */
export function loadImage(node: CanvasNode, src: string): Promise<LoadableImage> {
  const image: LoadableImage = node.createImage ? node.createImage() : (new Image() as unknown as LoadableImage)
  return new Promise((resolve, reject) => {
    image.onload = () => resolve(image)
    image.onerror = reject
    image.src = src
  })
}
