import { Text, View } from '@tarojs/components'
import { windowSpanText } from '@linyi/shared'
import type { WorkWindowView } from '@linyi/shared'
import { ErrorNotice } from '../../../components/Notice'
import { useSubmission } from '../../../hooks/use-submission'
import { MiniButton } from '../MiniButton'
import { PriorityBadge } from './WorksParts'

interface Props {
  window: WorkWindowView
  /** Only on a draft, for roles that manage works: a published window may hold bookings. */
  onRemove?: (windowId: string) => Promise<void>
}

/** One window: when (北京时间), how many flats, booked and left, and whether it is kept first for care households. */
export function WindowRow({ window, onRemove }: Props) {
  const remove = useSubmission(async () => onRemove?.(window.id))
  return (
    <View className={`works-window ${window.remaining === 0 ? 'works-window--full' : ''}`} id={`work-window-${window.id}`}>
      <View className='works-row'>
        <Text className='works-window__span'>{windowSpanText(window.startsAt, window.endsAt)}</Text>
        {window.priority ? <PriorityBadge /> : null}
      </View>
      <Text className='works-window__figures'>
        可安排 {window.capacity} 户 · 已约 {window.booked} 户 · <Text className='works-window__remaining'>{window.remaining === 0 ? '已约满' : `还剩 ${window.remaining} 户`}</Text>
      </Text>
      {window.priority ? <Text className='text-secondary'>优先时段：先留给照顾方案中需要优先安排的住户</Text> : null}
      {onRemove ? (
        <MiniButton className='works-window-remove' disabled={remove.submitting} onClick={() => void remove.run()}>
          {remove.submitting ? '正在删除…' : '删除这个时段'}
        </MiniButton>
      ) : null}
      <ErrorNotice message={remove.error} className='works-window-remove-error' />
    </View>
  )
}
