/**
 * A colour swatch as a tiny PNG data URL: the API's only place for a design option's picture is
 * `imageUrl`, which takes PNG or JPEG (no SVG). Uncompressed (stored) deflate keeps this a few lines.
 */

const HEX = /^#?([0-9a-fA-F]{6})$/

/** `#RRGGBB` (upper case) for a typed colour, or null when it is not one. */
export function normalHex(text: string): string | null {
  const match = HEX.exec(text.trim())
  return match ? `#${match[1].toUpperCase()}` : null
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: number[]): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function adler32(bytes: number[]): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

const uint32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]

function chunk(type: string, data: number[]): number[] {
  const typed = [...type].map((c) => c.charCodeAt(0)).concat(data)
  return [...uint32(data.length), ...typed, ...uint32(crc32(typed))]
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function base64(bytes: number[]): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | (b << 8) | c
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63]
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? BASE64[n & 63] : '='
  }
  return out
}

/** A `width`×`height` PNG of one colour; shown full width, it keeps a 16:9 card shape. */
export function swatchPng(hex: string, width = 16, height = 9): string {
  const colour = normalHex(hex)
  if (!colour) throw new Error(`not a colour: ${hex}`)
  const rgb = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))
  const row = [0, ...Array.from({ length: width }, () => rgb).flat()]
  const raw = Array.from({ length: height }, () => row).flat()
  // zlib header, one final stored block (length, its complement), the bytes, their Adler-32.
  const stored = [0x78, 0x01, 0x01, raw.length & 0xff, raw.length >> 8, ~raw.length & 0xff, (~raw.length >> 8) & 0xff, ...raw, ...uint32(adler32(raw))]
  const header = [...uint32(width), ...uint32(height), 8, 2, 0, 0, 0]
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', header), ...chunk('IDAT', stored), ...chunk('IEND', [])]
  return `data:image/png;base64,${base64(png)}`
}

/** Facade colours seen in Beijing's old-compound renovations, as a starting point. */
export const FACADE_COLOURS: Array<{ name: string; hex: string }> = [
  { name: '暖灰', hex: '#B9B2A8' },
  { name: '砖红', hex: '#A4513A' },
  { name: '米黄', hex: '#E6D5AE' },
  { name: '浅灰', hex: '#D5D7D9' },
  { name: '赭石', hex: '#B47A4E' },
  { name: '青灰', hex: '#6F7F86' },
  { name: '象牙白', hex: '#F1EDE3' },
]
