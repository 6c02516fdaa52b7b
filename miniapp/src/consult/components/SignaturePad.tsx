import { Canvas, Text, View } from '@tarojs/components'
import type { CanvasTouchEvent } from '@tarojs/components/types/common'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { BigButton } from '../../components/BigButton'
import { canvasToPngDataUrl, measureCanvas, type MeasuredCanvas } from '../../lib/canvas'
import { InkSurface } from '../../lib/ink'

export interface SignaturePadHandle {
  /** The signature as `data:image/png;base64,…`. */
  toPng: () => Promise<string>
}

interface Props {
  /** Called with true after the first drawn line, and with false after 清除重写. */
  onInkChange: (hasInk: boolean) => void
}

const CANVAS_ID = 'signature-canvas'

interface Pen {
  begin: (x: number, y: number) => void
  extend: (x: number, y: number) => void
  end: () => void
}

/** H5: pointer events cover mouse, pen and finger; the page must not scroll while signing. */
function followPointer(canvas: HTMLCanvasElement, pen: Pen): () => void {
  let drawing = false
  const at = (event: PointerEvent): [number, number] => {
    const box = canvas.getBoundingClientRect()
    return [event.clientX - box.left, event.clientY - box.top]
  }
  const down = (event: PointerEvent) => {
    drawing = true
    event.preventDefault()
    canvas.setPointerCapture?.(event.pointerId)
    pen.begin(...at(event))
  }
  const move = (event: PointerEvent) => {
    if (!drawing) return
    event.preventDefault()
    pen.extend(...at(event))
  }
  const up = () => {
    drawing = false
    pen.end()
  }
  canvas.style.touchAction = 'none'
  canvas.addEventListener('pointerdown', down)
  canvas.addEventListener('pointermove', move)
  canvas.addEventListener('pointerup', up)
  canvas.addEventListener('pointercancel', up)
  return () => {
    canvas.removeEventListener('pointerdown', down)
    canvas.removeEventListener('pointermove', move)
    canvas.removeEventListener('pointerup', up)
    canvas.removeEventListener('pointercancel', up)
  }
}

/** A handwritten signature on a 2D canvas, with a button to start again. */
export const SignaturePad = forwardRef<SignaturePadHandle, Props>(function SignaturePad({ onInkChange }, ref) {
  const measured = useRef<MeasuredCanvas | null>(null)
  const surface = useRef<InkSurface | null>(null)
  const onInk = useRef(onInkChange)
  onInk.current = onInkChange

  const pen: Pen = {
    begin: (x, y) => surface.current?.begin(x, y),
    extend: (x, y) => {
      if (surface.current?.extend(x, y)) onInk.current(true)
    },
    end: () => surface.current?.end(),
  }
  const penRef = useRef(pen)
  penRef.current = pen

  useEffect(() => {
    let stopped = false
    let detach = () => {}
    measureCanvas(`#${CANVAS_ID}`)
      .then((canvas) => {
        if (stopped) return
        measured.current = canvas
        surface.current = new InkSurface(canvas.ctx, canvas.node.width, canvas.node.height)
        if (process.env.TARO_ENV === 'h5') {
          detach = followPointer(canvas.node as unknown as HTMLCanvasElement, {
            begin: (x, y) => penRef.current.begin(x, y),
            extend: (x, y) => penRef.current.extend(x, y),
            end: () => penRef.current.end(),
          })
        }
      })
      .catch(() => undefined)
    return () => {
      stopped = true
      detach()
    }
  }, [])

  useImperativeHandle(ref, () => ({
    toPng: async () => {
      const canvas = measured.current
      if (!canvas || !surface.current?.hasInk) throw new Error('no signature')
      return canvasToPngDataUrl(canvas.node, { width: canvas.width, height: canvas.height })
    },
  }))

  // weapp: canvas touches carry x/y relative to the canvas.
  const touchAt = (event: CanvasTouchEvent): [number, number] => {
    const touch = event.touches[0] ?? event.changedTouches[0]
    return [touch?.x ?? 0, touch?.y ?? 0]
  }
  const touchProps =
    process.env.TARO_ENV === 'h5'
      ? {}
      : {
          onTouchStart: (event: CanvasTouchEvent) => pen.begin(...touchAt(event)),
          onTouchMove: (event: CanvasTouchEvent) => pen.extend(...touchAt(event)),
          onTouchEnd: () => pen.end(),
          onTouchCancel: () => pen.end(),
        }

  const clear = () => {
    surface.current?.clear()
    onInk.current(false)
  }

  return (
    <View className='signature-pad'>
      <Text className='text-secondary'>请用手指在下面的框内写下您的名字</Text>
      {/* The frame carries the border, so the canvas' own box is exactly its drawing area. */}
      <View className='signature-pad__frame'>
        <Canvas id={CANVAS_ID} type='2d' disableScroll className='signature-pad__canvas' {...touchProps} />
      </View>
      <BigButton variant='secondary' className='signature-clear' onClick={clear}>
        清除重写
      </BigButton>
    </View>
  )
})
