import { Text, View } from '@tarojs/components'
import { openRefusalNoticePdf } from '../../api/records-resident'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { useRefusalNotices } from '../../hooks/records-resident'
import { useMe } from '../../hooks/resident'
import { evidenceShort } from '../../lib/consultation-text'
import { formatDateTime } from '../../lib/format'
import { PdfButton } from './PdfButton'

/** Under a 告知书 message in the inbox: the notice as stored for my household, and its printable PDF. */
export function RefusalNoticePanel({ consultationId }: { consultationId: string }) {
  const me = useMe()
  const found = useRefusalNotices(consultationId, me.data?.households ?? null)
  const error = me.error ?? found.error
  return (
    <View className='card refusal-notice' id={`refusal-notice-${consultationId}`}>
      {error ? (
        <>
          <ErrorNotice message={`告知书暂时无法显示：${error}`} />
          <BigButton variant='secondary' className='refusal-notice-retry' onClick={() => void (me.error ? me.reload() : found.reload())}>
            重新加载
          </BigButton>
        </>
      ) : null}
      {!error && found.notices === null ? <LoadingNotice text='正在加载告知书…' /> : null}
      {found.notices && found.notices.length === 0 ? <Text className='text-body refusal-notice-none'>没有找到您家的告知书，请联系居委会。</Text> : null}
      {(found.notices ?? []).map((notice) => (
        <View key={notice.id} className='refusal-notice__entry'>
          <Text className='section-title refusal-notice__title'>告知书 · {notice.householdLabel}</Text>
          <Text className='text-body refusal-notice__issued'>出具时间：{formatDateTime(notice.issuedAt)}</Text>
          <Text className='text-body refusal-notice__visits'>此前上门沟通 {notice.visits} 次</Text>
          <Text className='text-secondary refusal-notice__hash'>存证编号：{evidenceShort(notice.textSha256)}</Text>
          <Text className='inbox-item__body refusal-notice__text'>{notice.text}</Text>
          <PdfButton name='告知书' label='打印告知书（PDF）' className='refusal-notice-pdf' open={() => openRefusalNoticePdf(consultationId, notice.householdId)} />
        </View>
      ))}
    </View>
  )
}
