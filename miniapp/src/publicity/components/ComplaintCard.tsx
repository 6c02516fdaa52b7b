import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { COMPLAINT_STATUS_LABELS, COMPLAINT_TOPIC_LABELS, ComplaintStatus } from '@linyi/shared'
import type { ComplaintView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { pressable } from '../../components/pressable'
import { useComplaintPhoto } from '../../hooks/complaints-resident'
import { formatDateTime } from '../../lib/format'

function ComplaintPhoto({ complaintId }: { complaintId: string }) {
  const photo = useComplaintPhoto(complaintId)
  const src = photo.data
  if (src) {
    const enlarge = () => void Taro.previewImage({ current: src, urls: [src] })
    return (
      <View className='complaint-photo' {...pressable(enlarge)} aria-label='照片，点按放大查看' onClick={enlarge}>
        <Image className='complaint-photo__image' src={src} mode='widthFix' nativeProps={{ alt: '照片' }} />
        <Text className='text-secondary'>点按照片可放大查看</Text>
      </View>
    )
  }
  if (photo.error) {
    return (
      <View className='complaint-photo complaint-photo--failed'>
        <ErrorNotice message={`照片暂时无法显示：${photo.error}`} />
        <BigButton variant='secondary' className='complaint-photo-retry' onClick={() => void photo.reload()}>
          重新加载照片
        </BigButton>
      </View>
    )
  }
  return <LoadingNotice text='正在加载照片…' />
}

/** One of my complaints: what I wrote, whether it was answered, and the answer. */
export function ComplaintCard({ complaint }: { complaint: ComplaintView }) {
  const replied = complaint.status === ComplaintStatus.Replied
  return (
    <View className={`card complaint-card ${replied ? 'complaint-card--replied' : 'complaint-card--open'}`} id={`complaint-${complaint.id}`}>
      <View className='complaint-card__top'>
        <Text className='kind-tag'>{COMPLAINT_TOPIC_LABELS[complaint.topic] ?? '其他'}</Text>
        <Text className={`answer-state ${replied ? 'answer-state--done' : 'answer-state--todo'} complaint-card__status`}>{COMPLAINT_STATUS_LABELS[complaint.status]}</Text>
      </View>
      <Text className='text-secondary complaint-card__household'>{complaint.householdLabel}</Text>
      <Text className='text-body complaint-card__text'>{complaint.text}</Text>
      <Text className='text-secondary complaint-card__time'>提交时间：{formatDateTime(complaint.createdAt)}</Text>
      {complaint.hasPhoto ? <ComplaintPhoto complaintId={complaint.id} /> : null}
      {replied && complaint.reply ? (
        <View className='complaint-reply'>
          <Text className='complaint-reply__title'>业委会答复</Text>
          <Text className='text-body complaint-reply__text'>{complaint.reply}</Text>
          {complaint.repliedAt ? <Text className='text-secondary complaint-reply__time'>答复时间：{formatDateTime(complaint.repliedAt)}</Text> : null}
        </View>
      ) : (
        <Text className='text-body complaint-card__waiting'>业委会还没有答复，答复后会在这里显示。</Text>
      )}
    </View>
  )
}
