import { Text, View } from '@tarojs/components'
import { AcceptanceDecision } from '@linyi/shared'
import type { AcceptanceRecordView } from '@linyi/shared'
import { formatDateTime } from '../../lib/format'
import { EvidencePhoto } from './EvidencePhoto'
import { decisionText } from './acceptance.rules'

/** One decision as recorded: what, when, who signed; the problems listed with it; the supervisors' sign-offs. */
export function RecordCard({ householdId, record, title }: { householdId: string; record: AcceptanceRecordView; title: string }) {
  const accepted = record.decision === AcceptanceDecision.Accept
  return (
    <View className={`card acceptance-record acceptance-record--${accepted ? 'accepted' : 'rejected'}`} id={`acceptance-record-${record.id}`}>
      <Text className='acceptance-card-title'>{title}</Text>
      <Text className='acceptance-record__decision'>{decisionText(record)}</Text>
      <Text className='text-secondary acceptance-record__meta'>
        {formatDateTime(record.at)} · {record.signedBy}
      </Text>
      {record.defects.length ? (
        <View className='acceptance-defects'>
          <Text className='text-body acceptance-defects__title'>提出的问题：</Text>
          {record.defects.map((defect, index) => (
            <View key={`${index}-${defect.description}`} className='acceptance-defect'>
              <Text className='text-body acceptance-defect__text'>
                {index + 1}. {defect.description}
              </Text>
              {defect.photoSha256 ? <EvidencePhoto householdId={householdId} sha256={defect.photoSha256} label={`第${index + 1}条问题的照片`} /> : null}
            </View>
          ))}
        </View>
      ) : null}
      {record.signOffs.map((signOff) => (
        <Text key={signOff.evidenceSha256} className='text-body acceptance-sign-off'>
          业主监督员 {signOff.supervisorName} 已签字确认（{formatDateTime(signOff.at)}）
        </Text>
      ))}
    </View>
  )
}
