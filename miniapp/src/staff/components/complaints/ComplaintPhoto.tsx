import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { ErrorNotice, LoadingNotice } from '../../../components/Notice'
import { pressable } from '../../../components/pressable'
import { useComplaintPhoto } from '../../../hooks/complaints-staff'
import { MiniButton } from '../MiniButton'

/** The resident's photo (the acceptance screens' photo frame); a tap opens it full screen. */
export function ComplaintPhoto({ complaintId }: { complaintId: string }) {
  const photo = useComplaintPhoto(complaintId)
  const src = photo.data
  const label = '居民拍的照片'
  if (src) {
    const enlarge = () => void Taro.previewImage({ current: src, urls: [src] })
    return (
      <View className='staff-acc-photo complaint-photo' {...pressable(enlarge)} aria-label={`${label}，点按放大查看`} onClick={enlarge}>
        <Image className='staff-acc-photo__image' src={src} mode='widthFix' nativeProps={{ alt: label }} />
        <Text className='text-secondary'>{label} · 点按放大</Text>
      </View>
    )
  }
  if (photo.error) {
    return (
      <View className='staff-acc-photo staff-acc-photo--failed complaint-photo complaint-photo--failed'>
        <ErrorNotice message={`照片暂时无法显示：${photo.error}`} />
        <MiniButton className='complaint-photo-retry' onClick={() => void photo.reload()}>
          重新加载照片
        </MiniButton>
      </View>
    )
  }
  return <LoadingNotice text='正在加载照片…' />
}
