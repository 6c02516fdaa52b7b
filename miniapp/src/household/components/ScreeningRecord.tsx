import { Text, View } from '@tarojs/components'
import { NEED_LABELS, ScreeningStatus } from '@linyi/shared'
import type { MyScreeningView } from '@linyi/shared'
import type { PropsWithChildren } from 'react'
import { formatDateTime } from '../../lib/format'
import { MY_BASIS_LABELS, MY_STATUS_LABELS, consentWords, readsLine } from '../screening.rules'

function Row({ label, className = '', children }: PropsWithChildren<{ label: string; className?: string }>) {
  return (
    <View className={`record-row ${className}`}>
      <Text className='record-row__label'>{label}</Text>
      <View className='record-row__value'>{children}</View>
    </View>
  )
}

/** What is recorded about the household, in plain words; a kind line when nothing is. */
export function ScreeningRecord({ view }: { view: MyScreeningView }) {
  const reads = <Text className='text-secondary screening-reads'>{readsLine(view.reads, view.lastReadAt)}</Text>
  if (view.status === null) {
    return (
      <View className='card screening-record screening-record--empty'>
        <Text className='text-body screening-none'>居委会还没有登记您家的特殊情况。</Text>
        <Text className='text-secondary'>如果施工期间您家需要照顾（例如老人独居、行动不便），可以在下面同意登记，也可以直接联系居委会。</Text>
        {view.reads > 0 ? reads : null}
      </View>
    )
  }
  return (
    <View className='card screening-record'>
      <Text className='screening-card-title'>登记的内容</Text>
      <Row label='状态'>
        <Text className={`status-tag status-tag--${view.status.toLowerCase().replace(/_/g, '-')}`}>{MY_STATUS_LABELS[view.status]}</Text>
      </Row>
      {view.needs.length > 0 ? (
        <Row label='登记的情况' className='record-needs'>
          {view.needs.map((need) => (
            <Text key={need} className='text-body need-item'>
              · {NEED_LABELS[need]}
            </Text>
          ))}
        </Row>
      ) : null}
      {view.note ? (
        <Row label='备注' className='record-note'>
          <Text className='text-body'>{view.note}</Text>
        </Row>
      ) : null}
      {view.screenedAt ? (
        <Row label='登记时间'>
          <Text className='text-body'>{formatDateTime(view.screenedAt)}</Text>
        </Row>
      ) : null}
      {view.legalBasis ? (
        <Row label='登记依据' className='record-basis'>
          <Text className='text-body'>{MY_BASIS_LABELS[view.legalBasis]}</Text>
        </Row>
      ) : null}
      {view.consent ? (
        <Row label='同意方式' className='record-consent'>
          <Text className='text-body'>{consentWords(view.consent, view.status === ScreeningStatus.Withdrawn)}</Text>
        </Row>
      ) : null}
      {view.withdrawnAt ? (
        <Row label='撤回时间'>
          <Text className='text-body'>{formatDateTime(view.withdrawnAt)}</Text>
        </Row>
      ) : null}
      {view.erasedAt ? (
        <Row label='删除时间'>
          <Text className='text-body'>{formatDateTime(view.erasedAt)}</Text>
        </Row>
      ) : null}
      {reads}
    </View>
  )
}
