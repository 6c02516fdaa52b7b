import { Text, View } from '@tarojs/components'
import type { MyWorkWindow } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { ACTION_BUTTON, PRIORITY_NOTE, remainingText, windowText } from './booking.rules'
import type { WindowAction } from './booking.rules'

interface Props {
  /** Two of the resident's households in one unit see the same windows: ids name the household too. */
  householdId: string
  window: MyWorkWindow
  action: WindowAction
  /** This window's booking is being sent. */
  sending: boolean
  /** Another action of the page is running. */
  waiting: boolean
  problem: string | null
  onBook: () => void
}

/** One work window as a big card: when, how many places are left, and the one thing the resident can do with it. */
export function WorkWindowCard({ householdId, window, action, sending, waiting, problem, onBook }: Props) {
  const label = ACTION_BUTTON[action]
  const remaining = remainingText(window.remaining)
  const classes = [
    'card',
    'work-window',
    `work-window--${action}`,
    window.remaining <= 0 ? 'work-window--no-room' : '',
    window.priority ? 'work-window--priority' : '',
  ].filter(Boolean)
  return (
    <View
      className={classes.join(' ')}
      id={`work-window-${householdId}-${window.id}`}
      data-window-id={window.id}
      role='group'
      aria-label={`${windowText(window)}，${remaining}`}
    >
      {window.priority ? (
        <View className='work-window__priority'>
          <Text className='priority-badge'>优先时段</Text>
          <Text className='text-secondary work-window__priority-note'>{PRIORITY_NOTE}</Text>
        </View>
      ) : null}
      <Text className='work-window__time'>{windowText(window)}</Text>
      <Text className={`work-window__remaining ${window.remaining > 0 ? 'work-window__remaining--open' : 'work-window__remaining--full'}`}>{remaining}</Text>
      {action === 'mine' ? <Text className='work-window__mine'>✓ 您家已约这个时段</Text> : null}
      {action === 'unavailable' && window.unavailableReason ? <Text className='text-body work-window__reason'>{window.unavailableReason}</Text> : null}
      <ErrorNotice message={problem} className='booking-error' />
      {label ? (
        <BigButton
          variant={action === 'move' ? 'secondary' : 'primary'}
          id={`book-window-${householdId}-${window.id}`}
          className='work-window__book'
          loading={sending}
          disabled={waiting}
          onClick={onBook}
        >
          {sending ? '正在预约…' : label}
        </BigButton>
      ) : null}
    </View>
  )
}
