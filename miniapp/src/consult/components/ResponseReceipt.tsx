import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Answer, ConsultationKind } from '@linyi/shared'
import type { ConsultationView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import type { Receipt } from '../../hooks/consultations'
import { useReceiptEvidence } from '../../hooks/receipt'
import { evidenceShort, groupProgress, groupStateLabel } from '../../lib/consultation-text'
import { formatDateTime } from '../../lib/format'
import { ReceiptEvidenceCard } from './ReceiptEvidence'

function receiptTitle(kind: ConsultationKind, answer: Answer): string {
  if (answer === Answer.Option) return '投票已提交'
  if (answer === Answer.Refuse) return '已提交：不同意'
  if (answer === Answer.Abstain) return '已提交：弃权'
  return kind === ConsultationKind.PlumbingApplication ? '申请已提交' : '已提交：同意'
}

interface Props {
  consultation: ConsultationView
  /** The household the answer is for: its signature and acknowledgements are fetched for the receipt. */
  householdId: string
  receipt: Receipt
  /** Before the deadline the answer may still change. */
  canChange: boolean
  onChange: () => void
  onDone: () => void
  /** Shown under the progress, e.g. the offer of WeChat reminders right after answering. */
  extra?: ReactNode
}

export function ResponseReceipt({ consultation, householdId, receipt, canChange, onChange, onDone, extra }: Props) {
  const option = consultation.options.find((o) => o.id === receipt.optionId)
  const evidence = useReceiptEvidence(consultation.id, householdId, receipt.answeredAt)
  // A list entry may not carry the hash; the answer history always does.
  const evidenceSha256 = receipt.evidenceSha256 ?? evidence.evidenceSha256
  return (
    <View className='receipt'>
      <View className='card receipt-card'>
        <Text className='receipt-title'>{receiptTitle(consultation.kind, receipt.answer)}</Text>
        {option ? <Text className='receipt-line'>您选择了：{option.title}</Text> : null}
        <Text className='receipt-line receipt-time'>提交时间：{formatDateTime(receipt.answeredAt)}</Text>
        {evidenceSha256 ? <Text className='receipt-line receipt-evidence'>存证编号：{evidenceShort(evidenceSha256)}</Text> : null}
      </View>

      <ReceiptEvidenceCard disclosures={consultation.disclosures} evidence={evidence} />

      <View className='card progress-card'>
        <Text className='progress-line receipt-progress'>{groupProgress(consultation, receipt.group)}</Text>
        <Text className={`state-badge state-badge--${receipt.group.state.toLowerCase()}`}>{groupStateLabel(receipt.group.state)}</Text>
        {receipt.group.reason ? <Text className='text-secondary'>{receipt.group.reason}</Text> : null}
      </View>

      {extra}
      {canChange ? (
        <BigButton variant='secondary' className='change-answer' onClick={onChange}>
          修改我的意见
        </BigButton>
      ) : (
        <Text className='text-secondary'>已过截止时间，意见不能再修改。</Text>
      )}
      <BigButton variant='link' className='receipt-done' onClick={onDone}>
        返回首页
      </BigButton>
    </View>
  )
}
