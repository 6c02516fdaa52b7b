import { canvasToPngDataUrl, type CanvasNode } from './canvas'
import type { Context2D } from './ink'
import { shrinkPhoto, type ShrinkLimits } from './photo-shrink'

/** The server takes JSON bodies up to 2 MB: stay well below, base64 included. */
const PAPER_SCAN: ShrinkLimits = { maxChars: 1_500_000, firstLongSide: 1400, smallestLongSide: 700 }

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

async function exportPng(node: CanvasNode): Promise<string> {
  // WeChat's 2D canvas has toDataURL since base library 2.11.0, like the browser's.
  return node.toDataURL ? node.toDataURL('image/png') : canvasToPngDataUrl(node)
}

/** A photo of a signed paper form as `data:image/png;base64,…`, shrunk until it fits the request limit. */
export function photoToPngDataUrl(photoPath: string, canvasSelector: string): Promise<string> {
  return shrinkPhoto(photoPath, canvasSelector, PAPER_SCAN, (node, ctx) => {
    toScanTones(ctx, node.width, node.height)
    return exportPng(node)
  })
}
