import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CreateWorkWindowRequest, WorkPlanUnitView, WorkWindowView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import type { NoticeOpened } from '../../../api/works-staff'
import { AddWindowForm } from './AddWindowForm'
import { WindowRow } from './WindowRow'

const OPENED_TEXT: Record<NoticeOpened, string> = {
  tab: '通知已在新的浏览器窗口打开，请在那里打印，张贴在单元门口。',
  saved: '浏览器没有允许打开新窗口，通知已保存到下载文件夹，请打开后打印。',
  wechat: '通知已在微信中打开，可转发到电脑上打印。',
}

interface Props {
  unit: WorkPlanUnitView
  windows: WorkWindowView[]
  published: boolean
  /** Roles that manage works add windows (and, on a draft, remove them). */
  manages: boolean
  onAdd: (body: CreateWorkWindowRequest) => Promise<void>
  onRemove: (windowId: string) => Promise<void>
  notice: { opening: boolean; opened: NoticeOpened | null; error: string | null }
  onPrint: () => void
}

/** One unit of the plan: its windows, adding one, and the notice to post in its stairwell. */
export function UnitWindowsCard({ unit, windows, published, manages, onAdd, onRemove, notice, onPrint }: Props) {
  const [adding, setAdding] = useState(false)
  const booked = windows.reduce((sum, w) => sum + w.booked, 0)
  return (
    <View className='card works-unit-card' id={`work-unit-${unit.unitId}`}>
      <Text className='works-unit-card__label'>{unit.label}</Text>
      <Text className='text-body works-unit-card__figures'>
        {unit.households} 户 · {windows.length} 个时段{published ? ` · 已预约 ${booked} 户` : ''}
      </Text>
      {windows.length === 0 ? <Text className='text-body works-no-windows'>还没有施工时段。发布前每个单元至少要有一个时段。</Text> : null}
      {windows.map((window) => (
        <WindowRow key={window.id} window={window} onRemove={manages && !published ? onRemove : undefined} />
      ))}
      {manages && !adding ? (
        <BigButton variant='secondary' className='works-add-window-open' onClick={() => setAdding(true)}>
          添加施工时段
        </BigButton>
      ) : null}
      {manages && adding ? (
        <AddWindowForm unitId={unit.unitId} unitLabel={unit.label} windows={windows} published={published} onAdd={onAdd} onClose={() => setAdding(false)} />
      ) : null}
      <BigButton variant='secondary' className='works-print-notice' loading={notice.opening} onClick={onPrint}>
        {notice.opening ? '正在生成通知…' : '打印张贴通知（PDF）'}
      </BigButton>
      {!published ? <Text className='text-secondary'>草稿的通知上印有“草稿，未发布”，发布后再打印张贴。</Text> : null}
      {notice.opened ? <Text className='works-saved works-notice-done'>{OPENED_TEXT[notice.opened]}</Text> : null}
      <ErrorNotice message={notice.error} className='works-notice-error' />
    </View>
  )
}
