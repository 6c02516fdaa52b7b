import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { ErrorNotice, LoadingNotice } from '../../../components/Notice'
import { pressable } from '../../../components/pressable'
import { useStaffPhoto } from '../../../hooks/acceptance-staff'
import { MiniButton } from '../MiniButton'

/** A stored photo (test, defect, scan, repair) as the server keeps it; a tap opens it full screen. */
export function StaffPhoto({ householdId, sha256, label }: { householdId: string; sha256: string; label: string }) {
  const photo = useStaffPhoto(householdId, sha256)
  const src = photo.data
  if (src) {
    const enlarge = () => void Taro.previewImage({ current: src, urls: [src] })
    return (
      <View className='staff-acc-photo' {...pressable(enlarge)} aria-label={`${label}，点按放大查看`} onClick={enlarge}>
        <Image className='staff-acc-photo__image' src={src} mode='widthFix' nativeProps={{ alt: label }} />
        <Text className='text-secondary'>{label} · 点按放大</Text>
      </View>
    )
  }
  if (photo.error) {
    return (
      <View className='staff-acc-photo staff-acc-photo--failed'>
        <ErrorNotice message={`${label}暂时无法显示：${photo.error}`} />
        <MiniButton className='staff-acc-photo-retry' onClick={() => void photo.reload()}>
          重新加载照片
        </MiniButton>
      </View>
    )
  }
  return <LoadingNotice text={`正在加载${label}…`} />
}
