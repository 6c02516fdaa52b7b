import { Image, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ErrorNotice } from '../../../components/Notice'
import type { DraftOption } from '../../../lib/draft/types'
import { photoProblem } from '../../../api/wechat/media'
import { chooseDesignPhoto } from './design-photo'
import { MiniButton } from '../MiniButton'
import { spokenAs } from './FormParts'
import { FACADE_COLOURS, normalHex, swatchPng } from './swatch-png'

type Mode = 'none' | 'image' | 'colour'

const modeOf = (option: DraftOption): Mode => (option.swatch ? 'colour' : option.imageUrl ? 'image' : 'none')

const MODES: Array<[Mode, string]> = [
  ['none', '不配图'],
  ['image', '图片'],
  ['colour', '色块'],
]

interface Props {
  option: DraftOption
  onChange: (changes: Partial<DraftOption>) => void
}

/** A design option's picture: a photo or https link, or a facade colour swatch. */
export function OptionVisual({ option, onChange }: Props) {
  const [mode, setMode] = useState<Mode>(modeOf(option))
  const [hex, setHex] = useState(option.swatch ?? '')
  const [choosing, setChoosing] = useState(false)
  const [photoError, setPhotoError] = useState<string | null>(null)

  const pickMode = (next: Mode) => {
    setMode(next)
    if (next !== modeOf(option)) onChange({ imageUrl: null, swatch: null })
  }
  const pickColour = (text: string) => {
    setHex(text)
    const colour = normalHex(text)
    if (colour) onChange({ swatch: colour, imageUrl: swatchPng(colour) })
  }
  const pickPhoto = async () => {
    setChoosing(true)
    setPhotoError(null)
    try {
      const dataUrl = await chooseDesignPhoto()
      if (dataUrl) onChange({ imageUrl: dataUrl, swatch: null })
    } catch (error) {
      setPhotoError(photoProblem(error, '没有读取到照片，请换一张或改用图片链接'))
    } finally {
      setChoosing(false)
    }
  }
  const link = option.imageUrl?.startsWith('https://') ? option.imageUrl : ''

  return (
    <View className='author-option-visual'>
      <View className='author-mode-row' role='radiogroup'>
        {MODES.map(([value, label]) => (
          <MiniButton key={value} className={`author-option-mode ${mode === value ? 'mini-button--on' : ''}`} onClick={() => pickMode(value)}>
            {label}
          </MiniButton>
        ))}
      </View>

      {mode === 'image' ? (
        <View>
          <MiniButton className='author-option-photo' disabled={choosing} onClick={() => void pickPhoto()}>
            {choosing ? '正在处理照片…' : '选择照片'}
          </MiniButton>
          <Text className='text-secondary author-help'>或填写 https:// 开头的图片链接：</Text>
          <Input
            className='text-input author-input author-option-image-url'
            {...spokenAs('图片链接')}
            value={link}
            placeholder='https://'
            onInput={(e) => onChange({ imageUrl: e.detail.value.trim() || null, swatch: null })}
          />
          <ErrorNotice message={photoError} />
        </View>
      ) : null}

      {mode === 'colour' ? (
        <View>
          <View className='author-swatches'>
            {FACADE_COLOURS.map((colour) => (
              <View
                key={colour.hex}
                className={`author-swatch ${option.swatch === colour.hex ? 'author-swatch--on' : ''}`}
                data-colour={colour.hex}
                role='radio'
                aria-checked={option.swatch === colour.hex}
                onClick={() => pickColour(colour.hex)}
              >
                <View className='author-swatch__chip' style={{ backgroundColor: colour.hex }} />
                <Text className='author-swatch__name'>{colour.name}</Text>
              </View>
            ))}
          </View>
          <Text className='text-secondary author-help'>或填写色号（如 #B9B2A8）：</Text>
          <Input className='text-input author-input author-option-hex' {...spokenAs('色号')} value={hex} maxlength={7} placeholder='#RRGGBB' onInput={(e) => pickColour(e.detail.value)} />
          {hex && !normalHex(hex) ? <Text className='field-error'>色号应为 # 加 6 位十六进制数字，如 #B9B2A8</Text> : null}
        </View>
      ) : null}

      {option.swatch ? (
        <View className='author-option-thumb author-option-thumb--swatch' style={{ backgroundColor: option.swatch }} role='img' aria-label={`色块 ${option.swatch}`} />
      ) : option.imageUrl ? (
        <Image className='author-option-thumb' src={option.imageUrl} mode='widthFix' nativeProps={{ alt: `${option.title || '方案'}的图片` }} />
      ) : null}
    </View>
  )
}
