import { Text, View } from '@tarojs/components'
import { WarrantyIssueReason } from '@linyi/shared'
import type { WarrantyView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { formatDateTime } from '../../lib/format'
import type { WarrantyNote } from '../../hooks/my-acceptance'
import { RESTARTED_TEXT, partLabel, periodText } from './acceptance.rules'

interface Props {
  view: WarrantyView
  opening: boolean
  waiting: boolean
  outcome: WarrantyNote | null
  problem: WarrantyNote | null
  onOpenPdf: () => void
  onShowVersion: (version: number | null) => void
}

const REASON_TEXT: Record<WarrantyIssueReason, string> = {
  [WarrantyIssueReason.Acceptance]: '验收后签发',
  [WarrantyIssueReason.Repair]: '维修验收后重新签发',
}

/** 保修事项告知书: each part with its scope, period and dates; the printable PDF; the earlier versions, kept. */
export function WarrantyNoticeCard({ view, opening, waiting, outcome, problem, onOpenPdf, onShowVersion }: Props) {
  const others = view.history.filter((entry) => entry.version !== view.version)
  // An earlier version is one the history has a newer one than.
  const earlier = view.history.some((entry) => entry.version > view.version)
  return (
    <View className='section warranty-notice'>
      <View className='card warranty-header'>
        <Text className='acceptance-card-title'>保修事项告知书</Text>
        <Text className='text-body warranty-version'>
          第 {view.version} 版 · {formatDateTime(view.issuedAt)} 签发
        </Text>
        {earlier ? (
          <>
            <Text className='state-badge state-badge--pending warranty-earlier'>这是以前的版本，已被新版本代替</Text>
            <BigButton variant='secondary' className='warranty-current' onClick={() => onShowVersion(null)}>
              回到最新版本
            </BigButton>
          </>
        ) : null}
      </View>

      {view.items.map((item) => (
        <View key={`${item.workPlanId}:${item.part}`} className='card warranty-item' id={`warranty-item-${item.workPlanId}-${item.part}`}>
          <Text className='warranty-item__part'>{partLabel(item)}</Text>
          <Text className='text-secondary warranty-item__plan'>{item.title}</Text>
          <Text className='text-body warranty-item__scope'>保修范围：{item.scope}</Text>
          <Text className='warranty-item__years'>保修期 {item.years} 年</Text>
          <Text className='text-body warranty-item__period'>{periodText(item)}</Text>
          {item.restartedByRepairId ? <Text className='answer-state answer-state--done warranty-item__restarted'>{RESTARTED_TEXT}</Text> : null}
        </View>
      ))}

      <BigButton variant='secondary' className='warranty-pdf' loading={opening} disabled={waiting && !opening} onClick={onOpenPdf}>
        {opening ? '正在下载…' : '下载保修告知书（PDF）'}
      </BigButton>
      {outcome?.at === 'pdf' ? <Text className='warranty-saved'>{outcome.message}</Text> : null}
      {problem?.at === 'pdf' ? <ErrorNotice message={problem.message} className='warranty-pdf-error' /> : null}

      {others.length ? (
        <View className='card warranty-history'>
          <Text className='acceptance-card-title'>其他版本（都保留着）</Text>
          {others.map((entry) => (
            <View key={entry.version} className='warranty-history__entry'>
              <Text className='text-body'>
                第 {entry.version} 版 · {formatDateTime(entry.issuedAt)} · {REASON_TEXT[entry.reason] ?? ''}
              </Text>
              <BigButton variant='link' className={`warranty-show-version warranty-show-version--${entry.version}`} onClick={() => onShowVersion(entry.version)}>
                查看第 {entry.version} 版
              </BigButton>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
