import { Text, View } from '@tarojs/components'
import { REPAIR_STATUS_LABELS, RepairStatus } from '@linyi/shared'
import type { RepairView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { formatDateTime } from '../../lib/format'
import type { WarrantyNote } from '../../hooks/my-acceptance'
import { EvidencePhoto } from './EvidencePhoto'
import { InspectionCard } from './InspectionCard'
import { SignPanel } from './SignPanel'
import { OUT_OF_WARRANTY_TEXT, UNDER_WARRANTY_TEXT, partLabel } from './acceptance.rules'

interface Props {
  householdId: string
  repair: RepairView
  /** This card's signature pad is open (one per page). */
  signing: boolean
  running: boolean
  waiting: boolean
  outcome: WarrantyNote | null
  problem: WarrantyNote | null
  onStartSigning: () => void
  onStopSigning: () => void
  onConfirm: (signaturePng: string) => void
  onReopen: () => void
}

const STATE_CLASS: Record<RepairStatus, string> = {
  [RepairStatus.Open]: 'answer-state answer-state--todo',
  [RepairStatus.Repaired]: 'state-badge state-badge--pending',
  [RepairStatus.Accepted]: 'answer-state answer-state--done',
  [RepairStatus.Reopened]: 'state-badge state-badge--failed',
}

/** One repair: what was reported, where it stands; once repaired, 「确认修好了」 with a signature or 「还没修好」. */
export function RepairCard({ householdId, repair, signing, running, waiting, outcome, problem, onStartSigning, onStopSigning, onConfirm, onReopen }: Props) {
  const mine = (note: WarrantyNote | null) => (note?.at === repair.id ? note.message : null)
  const [latest] = repair.inspections
  const repaired = repair.status === RepairStatus.Repaired
  // The pad shows only while the repair still waits for the resident: a refusal that changed it is said outside.
  const panel = repaired && signing
  return (
    <View className='card repair-card' id={`repair-${repair.id}`}>
      <View className='repair-card__top'>
        <Text className='warranty-item__part'>{partLabel(repair)}</Text>
        <Text className={`${STATE_CLASS[repair.status]} repair-card__state`}>{REPAIR_STATUS_LABELS[repair.status]}</Text>
      </View>
      <Text className={`text-body repair-card__warranty repair-card__warranty--${repair.underWarranty ? 'in' : 'out'}`}>
        {repair.underWarranty ? UNDER_WARRANTY_TEXT : OUT_OF_WARRANTY_TEXT}
      </Text>
      <Text className='text-body repair-card__description'>{repair.description}</Text>
      <Text className='text-secondary repair-card__reported'>报修时间：{formatDateTime(repair.reportedAt)}</Text>
      {repair.photoSha256 ? <EvidencePhoto householdId={householdId} sha256={repair.photoSha256} label='报修照片' /> : null}
      {repair.repairedAt ? <Text className='text-secondary repair-card__repaired'>维修时间：{formatDateTime(repair.repairedAt)}</Text> : null}
      {repair.acceptedAt ? <Text className='text-secondary repair-card__accepted'>您确认修好：{formatDateTime(repair.acceptedAt)}</Text> : null}
      {latest && repair.status !== RepairStatus.Open ? <InspectionCard householdId={householdId} inspection={latest} title='维修后的检测' /> : null}
      {mine(outcome) ? (
        <View className='repair-card__outcome' role='status'>
          <Text>{mine(outcome)}</Text>
        </View>
      ) : null}
      {panel ? null : <ErrorNotice message={mine(problem)} className='repair-card__error' />}
      {panel ? (
        <SignPanel
          className='repair-sign'
          title='签名确认修好了'
          explanation='签名表示您看过维修后的检测结果，确认已经修好。保修期内的维修，这个部位的保修期从今天重新计算。'
          confirmText='签名确认修好'
          submitting={running}
          error={mine(problem)}
          onSign={onConfirm}
          onBack={onStopSigning}
        />
      ) : null}
      {repaired && !signing ? (
        <>
          <BigButton className='repair-confirm' disabled={waiting} onClick={onStartSigning}>
            确认修好了
          </BigButton>
          <BigButton variant='secondary' className='repair-reopen' loading={running} disabled={waiting && !running} onClick={onReopen}>
            还没修好
          </BigButton>
        </>
      ) : null}
    </View>
  )
}
