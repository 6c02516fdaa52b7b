import { Text, View } from '@tarojs/components'
import type { MyScreeningView } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { WITHDRAW_BUTTON, withdrawalNote } from '../screening.rules'

interface Props {
  view: MyScreeningView
  submitting: boolean
  error: string | null
  onWithdraw: () => void
}

/** Withdrawal where the resident may, named by what it does; otherwise why not (a statutory-duty record), and no button. */
export function WithdrawalCard({ view, submitting, error, onWithdraw }: Props) {
  const note = withdrawalNote(view)
  // What DELETE would do now, as the server says; null: nothing the resident may withdraw.
  const effect = view.withdrawal
  if (!effect && !note) return null
  return (
    <View className='card screening-withdrawal'>
      <Text className='screening-card-title'>{effect ? '撤回同意' : '关于撤回'}</Text>
      {note ? <Text className='text-body screening-withdrawal__note'>{note}</Text> : null}
      <ErrorNotice message={error} className='screening-withdrawal__error' />
      {effect ? (
        <BigButton variant='secondary' id='screening-withdraw' className='screening-withdraw' loading={submitting} onClick={onWithdraw}>
          {WITHDRAW_BUTTON[effect]}
        </BigButton>
      ) : null}
    </View>
  )
}
