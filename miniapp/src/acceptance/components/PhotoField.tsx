import { Canvas, Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { photoToJpegDataUrl } from '../../lib/colour-photo'
import { choosePhotoOrSay } from '../../api/wechat/media'

interface Props {
  /** Unique on the page: weapp shrinks the photo on a hidden canvas of this id. */
  canvasId: string
  label: string
  value: string | null
  onChange: (photo: string | null) => void
}

/** An optional photo (camera or album), shown once taken, with a way to take it again or leave it out. */
export function PhotoField({ canvasId, label, value, onChange }: Props) {
  const [preparing, setPreparing] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const pick = async () => {
    setProblem(null)
    const path = await choosePhotoOrSay(setProblem)
    if (!path) return
    setPreparing(true)
    try {
      onChange(await photoToJpegDataUrl(path, `#${canvasId}`))
    } catch {
      setProblem('照片处理失败，请重新拍一张')
    } finally {
      setPreparing(false)
    }
  }

  return (
    <View className='photo-field'>
      <Text className='field-label'>{label}</Text>
      {process.env.TARO_ENV === 'h5' ? null : <Canvas id={canvasId} type='2d' className='photo-canvas' />}
      {value ? <Image className='photo-field__preview' src={value} mode='widthFix' nativeProps={{ alt: label }} /> : null}
      <BigButton variant='secondary' className='photo-choose' loading={preparing} onClick={() => void pick()}>
        {preparing ? '正在处理照片…' : value ? '重新拍一张' : '拍照或选择照片'}
      </BigButton>
      {value ? (
        <BigButton variant='link' className='photo-remove' onClick={() => onChange(null)}>
          不要这张照片
        </BigButton>
      ) : null}
      <ErrorNotice message={problem} className='photo-error' />
    </View>
  )
}
