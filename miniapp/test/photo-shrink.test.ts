/** Photos are shrunk on a canvas until they fit a request: colour JPEGs for evidence and designs, grey PNGs for paper forms. */
import Taro, { registerCanvas, resetTaro } from './taro-mock'
import { agreeToPrivacyGuide } from './privacy-agreed'
import { EVIDENCE_PHOTO, chooseColourPhoto, photoToJpegDataUrl } from '../src/lib/colour-photo'
import { photoToPngDataUrl } from '../src/lib/paper-scan'
import { PHOTO_CANVAS_ID, chooseDesignPhoto } from '../src/staff/components/author/design-photo'

/** A weapp 2D canvas node whose export is `charsPerPixel` characters per drawn pixel. */
function weappCanvas(photo: { width: number; height: number }, charsPerPixel: number) {
  const drawn: Array<[number, number]> = []
  const pixels = new Uint8ClampedArray([200, 100, 50, 128])
  const ctx = {
    drawImage: jest.fn((_image: unknown, _x: number, _y: number, w: number, h: number) => drawn.push([w, h])),
    getImageData: jest.fn(() => ({ data: pixels })),
    putImageData: jest.fn(),
  }
  const node: { width: number; height: number; getContext: () => typeof ctx; createImage: () => unknown; toDataURL: jest.Mock<string, [string]> } = {
    width: 0,
    height: 0,
    getContext: () => ctx,
    createImage() {
      const image = {
        ...photo,
        onload: null as (() => void) | null,
        onerror: null,
        set src(_path: string) {
          setTimeout(() => image.onload?.(), 0)
        },
      }
      return image
    },
    toDataURL: jest.fn((type: string) => `data:${type};base64,${'x'.repeat(Math.round(node.width * node.height * charsPerPixel))}`),
  }
  return { node, ctx, drawn, pixels }
}

const previousEnv = process.env.TARO_ENV

beforeEach(() => {
  resetTaro()
  agreeToPrivacyGuide()
  // The hidden page canvas is weapp's way; H5 draws on a detached one.
  process.env.TARO_ENV = 'weapp'
})

afterAll(() => {
  process.env.TARO_ENV = previousEnv
})

describe('colour photos (defects, tests, repairs)', () => {
  it('draws the long side at 1400 px, then ¾ of that, until the JPEG fits 350 000 characters', async () => {
    const canvas = weappCanvas({ width: 4000, height: 3000 }, 0.25)
    registerCanvas('#defect-photo', canvas.node)
    const jpeg = await photoToJpegDataUrl('wxfile://leak.jpg', '#defect-photo')
    // 1400 × 1050 is 367 500 characters: too long; 1050 × 788 fits.
    expect(canvas.drawn).toEqual([
      [1400, 1050],
      [1050, 788],
    ])
    expect(jpeg.startsWith('data:image/jpeg;base64,')).toBe(true)
    expect(jpeg.length).toBeLessThanOrEqual(EVIDENCE_PHOTO.maxChars)
    expect(canvas.node.toDataURL).toHaveBeenLastCalledWith('image/jpeg', 0.8)
  })

  it('stops at a long side of 600 px or less even when the photo is still too large, and never enlarges a small one', async () => {
    const big = weappCanvas({ width: 3000, height: 4000 }, 100)
    registerCanvas('#big', big.node)
    await photoToJpegDataUrl('wxfile://big.jpg', '#big')
    expect(big.drawn.map(([, h]) => h)).toEqual([1400, 1050, 788, 591])

    const small = weappCanvas({ width: 800, height: 600 }, 0.1)
    registerCanvas('#small', small.node)
    await photoToJpegDataUrl('wxfile://small.jpg', '#small')
    expect(small.drawn).toEqual([[800, 600]])
  })

  it('chooses from the camera or album and gives null when the user cancels', async () => {
    const canvas = weappCanvas({ width: 1000, height: 1000 }, 0.1)
    registerCanvas('#test-photo', canvas.node)
    expect(await chooseColourPhoto('#test-photo')).toMatch(/^data:image\/jpeg;base64,/)
    Taro.chooseMedia.mockRejectedValueOnce(new Error('chooseMedia:fail cancel'))
    expect(await chooseColourPhoto('#test-photo')).toBeNull()
  })

  it('a design picture starts at 1200 px with quality 0.82 on the author page’s canvas', async () => {
    const canvas = weappCanvas({ width: 2400, height: 1200 }, 0.01)
    registerCanvas(`#${PHOTO_CANVAS_ID}`, canvas.node)
    await chooseDesignPhoto()
    expect(canvas.drawn).toEqual([[1200, 600]])
    expect(canvas.node.toDataURL).toHaveBeenLastCalledWith('image/jpeg', 0.82)
  })

  it('fails when the page has no such canvas, so the form can say the photo could not be read', async () => {
    await expect(photoToJpegDataUrl('wxfile://leak.jpg', '#missing')).rejects.toThrow('canvas #missing not found')
  })
})

describe('paper form scans', () => {
  it('turns the photo into 16 grey tones and shrinks the PNG until it fits 1 500 000 characters, down to 700 px', async () => {
    const canvas = weappCanvas({ width: 4000, height: 3000 }, 1)
    registerCanvas('#paper', canvas.node)
    const png = await photoToPngDataUrl('wxfile://form.jpg', '#paper')
    // 1400 × 1050 is 1 470 000 characters: it fits at once.
    expect(canvas.drawn).toEqual([[1400, 1050]])
    expect(png.startsWith('data:image/png;base64,')).toBe(true)
    // 0.299·200 + 0.587·100 + 0.114·50 = 124.2 → the tone 119 (7 × 17), opaque.
    expect([...canvas.pixels]).toEqual([119, 119, 119, 255])
    expect(canvas.ctx.putImageData).toHaveBeenCalledTimes(1)

    const huge = weappCanvas({ width: 4000, height: 3000 }, 100)
    registerCanvas('#huge', huge.node)
    await photoToPngDataUrl('wxfile://form.jpg', '#huge')
    expect(huge.drawn.map(([w]) => w)).toEqual([1400, 1050, 788, 591])
  })
})
