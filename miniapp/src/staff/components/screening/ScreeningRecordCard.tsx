import { Text, View } from '@tarojs/components'
import { LEGAL_BASIS_LABELS, NEED_LABELS, SCREENING_STATUS_LABELS, ScreeningStatus } from '@linyi/shared'
import type { ConsentEvidence, ScreeningView } from '@linyi/shared'
import { formatDateTime } from '../../../lib/format'
import { ConsentScanViewer } from './ConsentScanViewer'
import { ReadLoggedLine } from './ScreeningNotice'

function Row({ name, children, className = '' }: { name: string; children: string; className?: string }) {
  return (
    <Text className={`screening-record__row ${className}`}>
      <Text className='screening-record__key'>{name}：</Text>
      {children}
    </Text>
  )
}

export function consentText(consent: ConsentEvidence): string {
  return consent.kind === 'ONLINE'
    ? `居民在小程序中单独同意（${formatDateTime(consent.givenAt)}）`
    : `居民签字的同意书（${formatDateTime(consent.givenAt)}）${consent.scanAvailable === false ? '，扫描件已删除' : ''}`
}

/** The erasure's row says why the details went: the resident withdrew, or the retention period ended. */
export const ERASED_ROW: Record<ScreeningStatus.Withdrawn | ScreeningStatus.Erased, string> = {
  [ScreeningStatus.Withdrawn]: '信息已删除（居民撤回）',
  [ScreeningStatus.Erased]: '信息到期删除',
}

/** What is recorded about the household now, as this (logged) read returned it. */
export function ScreeningRecordCard({ view }: { view: ScreeningView }) {
  const status = view.status ?? 'NOT_SCREENED'
  const consent = view.consent
  const online = view.onlineConsentGivenAt
  // The record's evidence is that same standing online consent: said once, by the line below.
  const sameOnline = consent?.kind === 'ONLINE' && consent.givenAt === online
  return (
    <View className='card screening-record' data-status={status}>
      <ReadLoggedLine />
      <Text className='screening-record__status'>{SCREENING_STATUS_LABELS[status]}</Text>
      {view.needs.length ? <Row name='需要照顾的情况' className='screening-record__needs'>{view.needs.map((n) => NEED_LABELS[n]).join('、')}</Row> : null}
      {view.note ? <Row name='简要说明' className='screening-record__note'>{view.note}</Row> : null}
      {view.legalBasis ? <Row name='登记依据'>{LEGAL_BASIS_LABELS[view.legalBasis]}</Row> : null}
      {consent && !sameOnline ? <Row name='同意书'>{consentText(consent)}</Row> : null}
      {online ? <Text className='screening-record__row screening-record__online-consent'>{`居民已于 ${formatDateTime(online)} 在小程序中同意`}</Text> : null}
      {view.screenedAt ? <Row name='登记'>{`${view.screenedByName ?? ''} ${formatDateTime(view.screenedAt)}`.trim()}</Row> : null}
      {view.withdrawnAt ? <Row name='居民撤回同意'>{formatDateTime(view.withdrawnAt)}</Row> : null}
      {view.erasedAt ? <Row name={ERASED_ROW[view.status === ScreeningStatus.Withdrawn ? ScreeningStatus.Withdrawn : ScreeningStatus.Erased]} className='screening-record__erased'>{formatDateTime(view.erasedAt)}</Row> : null}
      {view.status === ScreeningStatus.NeedsCare ? (
        <Row name='照顾方案' className='screening-record__plan'>
          {view.carePlan ? `已有（${view.carePlan.updatedByName} 更新于 ${formatDateTime(view.carePlan.updatedAt)}）` : '还没有，请尽快制定'}
        </Row>
      ) : null}
      {consent?.kind === 'SCAN' && consent.scanAvailable ? <ConsentScanViewer householdId={view.householdId} /> : null}
    </View>
  )
}
