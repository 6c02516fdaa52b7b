import { Text, View } from '@tarojs/components'
import { AcceptanceChannel, AcceptanceDecision } from '@linyi/shared'
import type { AcceptanceRecordView } from '@linyi/shared'
import { formatDateTime } from '../../../lib/format'
import { StaffPhoto } from './StaffPhoto'

/** The defects a resident listed, each with its photo: what the crew fixes. */
export function DefectList({ householdId, record }: { householdId: string; record: AcceptanceRecordView }) {
  return (
    <View className='staff-acc-defects'>
      {record.defects.map((defect, index) => (
        <View key={index} className='staff-acc-defect'>
          <Text className='staff-acc-defect__text'>
            {index + 1}. {defect.description}
          </Text>
          {defect.photoSha256 ? <StaffPhoto householdId={householdId} sha256={defect.photoSha256} label={`问题${index + 1}的照片`} /> : null}
        </View>
      ))}
    </View>
  )
}

/** One decision as recorded: accepted or not, who signed and how, the defects, the paper form's photo. */
export function DecisionCard({ householdId, record }: { householdId: string; record: AcceptanceRecordView }) {
  const accepted = record.decision === AcceptanceDecision.Accept
  return (
    <View className={`staff-acc-decision staff-acc-decision--${accepted ? 'accept' : 'reject'}`} id={`record-${record.id}`}>
      <Text className='staff-acc-decision__title'>{accepted ? '验收合格' : '不合格，需整改'}</Text>
      <Text className='text-secondary'>
        {formatDateTime(record.at)} · {record.signedBy}
      </Text>
      {record.defects.length ? <DefectList householdId={householdId} record={record} /> : null}
      {record.signOffs.map((signOff) => (
        <Text key={signOff.evidenceSha256} className='text-body staff-acc-sign-off'>
          业主监督员 {signOff.supervisorName} 已签字（{formatDateTime(signOff.at)}）
        </Text>
      ))}
      {record.channel === AcceptanceChannel.Paper && record.paperScanSha256 ? (
        <StaffPhoto householdId={householdId} sha256={record.paperScanSha256} label='纸质验收单照片' />
      ) : null}
    </View>
  )
}
