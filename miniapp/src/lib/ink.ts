/** The part of a 2D context that signing and photo previews use (browser and WeChat canvases alike). */
export interface Context2D {
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  lineCap: string
  lineJoin: string
  save(): void
  restore(): void
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void
  scale(x: number, y: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  stroke(): void
  arc(x: number, y: number, r: number, start: number, end: number): void
  fill(): void
  drawImage(image: unknown, dx: number, dy: number, dw: number, dh: number): void
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray }
  putImageData(data: { data: Uint8ClampedArray }, x: number, y: number): void
}

const INK = '#111111'
const PAPER = '#ffffff'
const PEN_WIDTH = 3

/** Strokes of a handwritten signature on a white page, in CSS pixels. */
export class InkSurface {
  private last: { x: number; y: number } | null = null
  private strokes = 0

  constructor(
    private readonly ctx: Context2D,
    private readonly pixelWidth: number,
    private readonly pixelHeight: number,
  ) {
    this.clear()
  }

  get hasInk(): boolean {
    return this.strokes > 0
  }

  clear(): void {
    const { ctx } = this
    ctx.save()
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.fillStyle = PAPER
    ctx.fillRect(0, 0, this.pixelWidth, this.pixelHeight)
    ctx.restore()
    this.last = null
    this.strokes = 0
  }

  begin(x: number, y: number): void {
    const { ctx } = this
    ctx.fillStyle = INK
    ctx.beginPath()
    ctx.arc(x, y, PEN_WIDTH / 2, 0, Math.PI * 2)
    ctx.fill()
    this.last = { x, y }
  }

  /** Returns true when this move made the first real line of the signature. */
  extend(x: number, y: number): boolean {
    if (!this.last) return false
    const { ctx } = this
    ctx.strokeStyle = INK
    ctx.lineWidth = PEN_WIDTH
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.beginPath()
    ctx.moveTo(this.last.x, this.last.y)
    ctx.lineTo(x, y)
    ctx.stroke()
    this.last = { x, y }
    // A tap is not a signature: only a drawn line counts.
    this.strokes += 1
    return this.strokes === 1
  }

  end(): void {
    this.last = null
  }
}
