import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { pressable } from '../../components/pressable'
import { useAcceptancePhoto } from '../../hooks/my-acceptance'

/** A stored photo (test, defect, repair) as the server keeps it; a tap opens it full screen. */
export function EvidencePhoto({ householdId, sha256, label }: { householdId: string; sha256: string; label: string }) {
  const photo = useAcceptancePhoto(householdId, sha256)
  const src = photo.data
  if (src) {
    const enlarge = () => void Taro.previewImage({ current: src, urls: [src] })
    return (
      <View className='evidence-photo' {...pressable(enlarge)} aria-label={`${label}，点按放大查看`} onClick={enlarge}>
        <Image className='evidence-photo__image' src={src} mode='widthFix' nativeProps={{ alt: label }} />
        <Text className='text-secondary evidence-photo__hint'>点按照片可放大查看</Text>
      </View>
    )
  }
  if (photo.error) {
    return (
      <View className='evidence-photo evidence-photo--failed'>
        <ErrorNotice message={`${label}暂时无法显示：${photo.error}`} />
        <BigButton variant='secondary' className='evidence-photo-retry' onClick={() => void photo.reload()}>
          重新加载照片
        </BigButton>
      </View>
    )
  }
  return <LoadingNotice text={`正在加载${label}…`} />
}
