import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { pressable } from '../../../components/pressable'

/** A photographed consent form at full width and its own height (signature and date readable); a tap opens it full screen. */
export function ScanImage({ src }: { src: string }) {
  const enlarge = () => void Taro.previewImage({ current: src, urls: [src] })
  return (
    <View className='screening-scan' {...pressable(enlarge)} aria-label='同意书照片，点按放大查看' onClick={enlarge}>
      <Image className='screening-scan-preview' src={src} mode='widthFix' nativeProps={{ alt: '同意书照片' }} />
      <Text className='text-secondary screening-scan__hint'>点按图片可放大查看</Text>
    </View>
  )
}
