/** A browser canvas for jsdom (which cannot draw): records drawing calls and exports a fixed PNG. */
export const SIGNATURE_PNG = 'data:image/png;base64,U0lHTkFUVVJF'

export function fakeCanvas() {
  const element = document.createElement('canvas')
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineCap: '',
    lineJoin: '',
    save: jest.fn(),
    restore: jest.fn(),
    setTransform: jest.fn(),
    scale: jest.fn(),
    fillRect: jest.fn(),
    beginPath: jest.fn(),
    moveTo: jest.fn(),
    lineTo: jest.fn(),
    stroke: jest.fn(),
    arc: jest.fn(),
    fill: jest.fn(),
    drawImage: jest.fn(),
    getImageData: jest.fn(),
    putImageData: jest.fn(),
  }
  Object.assign(element, {
    getContext: () => ctx,
    toDataURL: jest.fn(() => SIGNATURE_PNG),
    getBoundingClientRect: () => ({ left: 10, top: 20, right: 310, bottom: 220, width: 300, height: 200, x: 10, y: 20, toJSON: () => ({}) }),
  })
  return { element, ctx }
}

/** A signature stroke with the mouse or a finger (pointer events; jsdom has no PointerEvent class). */
export function drawStroke(element: HTMLElement, points: Array<[number, number]>): void {
  const [first, ...rest] = points
  const fire = (type: string, [x, y]: [number, number]) =>
    element.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true }))
  fire('pointerdown', first)
  rest.forEach((point) => fire('pointermove', point))
  fire('pointerup', rest[rest.length - 1] ?? first)
}
