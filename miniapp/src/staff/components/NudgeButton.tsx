import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { useNudge } from '../../hooks/reminders'
import { nudgeDoneText } from '../../lib/reminder-text'

/** 发提醒: one reminder to the household now; the server's refusal (reminded today, answered) shows here. */
interface Props {
  householdId: string
  consultationId: string
  /** 「发提醒」, with 「（代居委会）」 for street or admin staff. */
  label?: string
  onNudged?: () => void
}

export function NudgeButton({ householdId, consultationId, label = '发提醒', onNudged }: Props) {
  const nudge = useNudge(householdId, consultationId)
  if (nudge.result) return <Text className='done-message nudge-done'>{nudgeDoneText(nudge.result.sendAfter)}</Text>
  return (
    <View className='nudge'>
      <ErrorNotice message={nudge.error} className='nudge-error' />
      <BigButton
        variant='secondary'
        className='nudge-button'
        loading={nudge.submitting}
        onClick={() => {
          void nudge.run().then((sent) => {
            if (sent) onNudged?.()
          })
        }}
      >
        {label}
      </BigButton>
    </View>
  )
}
