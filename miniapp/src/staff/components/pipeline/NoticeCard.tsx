import { Text, View } from '@tarojs/components'
import type { PlanNoticeView } from '@linyi/shared'
import { openPlanNotice } from '../../../api/pipeline'
import { evidenceShort } from '../../../lib/consultation-text'
import { formatDateTime } from '../../../lib/format'
import { PrintButton } from '../publicity/PrintButton'

/** The advance notice every household got on entering the reserve, and its PDF to post in the stairwells. */
export function NoticeCard({ notice, compoundId, compoundName }: { notice: PlanNoticeView | null; compoundId: string; compoundName: string }) {
  return (
    <View className='section pipeline-notice'>
      <Text className='section-title'>改造提前告知</Text>
      {notice ? (
        <View className='card'>
          <Text className='pipeline-notice__title'>{notice.title}</Text>
          <Text className='text-body pipeline-notice__body'>{notice.body}</Text>
          <Text className='text-secondary pipeline-notice__issued'>发出时间：{formatDateTime(notice.issuedAt)}</Text>
          <Text className='text-secondary pipeline-notice__hash'>存证编号：{evidenceShort(notice.sha256)}</Text>
          <PrintButton text='打印告知书' noun='告知书' className='pipeline-print-notice' open={() => openPlanNotice(compoundId, compoundName)} />
        </View>
      ) : (
        <Text className='card text-body pipeline-no-notice'>还没有发出告知。小区列入储备库时，系统会向每一户发出改造提前告知。</Text>
      )}
    </View>
  )
}
