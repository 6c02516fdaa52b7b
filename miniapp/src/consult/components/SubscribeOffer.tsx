import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { useSubscribeOffer } from '../../hooks/inbox'

/**
 * Right after an answer: one tap to let WeChat send the next reminder (a one-time subscription allows
 * exactly one message). Only in the mini-program, and only when the server has a template.
 */
export function SubscribeOffer() {
  const offer = useSubscribeOffer(true)
  if (!offer.available) return null
  const { state } = offer
  const accepted = state.status === 'done' && state.accepted > 0
  return (
    <View className='card subscribe-offer'>
      <Text className='subscribe-offer__title'>用微信提醒我</Text>
      <Text className='text-body'>点下面的按钮，在微信里选“允许”：下次有截止提醒或新的征询时，微信会通知您一次。</Text>
      {accepted ? <Text className='subscribe-done'>已开启：下次有提醒时，微信会通知您一次。</Text> : null}
      {state.status === 'done' && !accepted ? (
        <Text className='text-body subscribe-declined'>您没有允许微信通知。提醒仍会出现在首页的“消息”里。</Text>
      ) : null}
      {state.status === 'failed' ? <ErrorNotice message={state.error} /> : null}
      {accepted ? null : (
        <BigButton className='subscribe-button' loading={state.status === 'asking'} onClick={offer.subscribe}>
          接收截止提醒
        </BigButton>
      )}
    </View>
  )
}
