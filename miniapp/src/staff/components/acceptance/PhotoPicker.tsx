import { Canvas, Image, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { photoProblem } from '../../../api/wechat/media'
import { chooseColourPhoto } from '../../../lib/colour-photo'

interface Props {
  /** Unique on the page: weapp shrinks the photo on a hidden canvas of this id. */
  canvasId: string
  label: string
  value: string | null
  onChange: (photo: string | null) => void
}

/** An optional photo in colour (camera or album), shown once taken, with a way to take it again or leave it out. */
export function PhotoPicker({ canvasId, label, value, onChange }: Props) {
  const [preparing, setPreparing] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const pick = async () => {
    setProblem(null)
    setPreparing(true)
    try {
      const photo = await chooseColourPhoto(`#${canvasId}`)
      if (photo) onChange(photo)
    } catch (error) {
      setProblem(photoProblem(error, '照片处理失败，请重新拍一张'))
    } finally {
      setPreparing(false)
    }
  }
  return (
    <View className='staff-acc-photo-picker'>
      {process.env.TARO_ENV === 'h5' ? null : <Canvas id={canvasId} type='2d' className='scan-canvas' />}
      {value ? <Image className='staff-acc-photo-picker__preview' src={value} mode='widthFix' nativeProps={{ alt: label }} /> : null}
      <BigButton variant='secondary' className='staff-acc-photo-choose' loading={preparing} onClick={() => void pick()}>
        {preparing ? '正在处理照片…' : value ? `重拍${label}` : `拍${label}（选填）`}
      </BigButton>
      {value ? (
        <BigButton variant='link' className='staff-acc-photo-remove' onClick={() => onChange(null)}>
          不要这张照片
        </BigButton>
      ) : null}
      <ErrorNotice message={problem} className='staff-acc-photo-error' />
    </View>
  )
}
