import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { InboxMessage } from '../../api'
import { BigButton } from '../../components/BigButton'
import { InboxList } from '../../components/InboxList'
import { isRefusalNotice, opensAcceptance, opensBooking, opensPlan, opensPublicity } from '../../lib/reminder-text'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useInbox } from '../../hooks/inbox'
import { Routes, goBackOr, withParams } from '../../lib/routes'
import { RefusalNoticePanel } from '../../publicity/components/RefusalNoticePanel'
import { PublicityRoutes } from '../../publicity/routes'
import './index.css'

export default function InboxPage() {
  const inbox = useInbox()
  const opening = useRef(false)
  // The refusal notice unfolds under its message (one at a time): it is read and printed here.
  const [noticeOf, setNoticeOf] = useState<string | null>(null)
  const unread = inbox.messages.filter((m) => m.readAt === null).length

  const open = async (message: InboxMessage) => {
    if (opening.current) return
    opening.current = true
    try {
      await inbox.markRead(message)
      // The message names the plan's consultation, not the household: the page offers my households in acceptance.
      if (isRefusalNotice(message)) setNoticeOf(noticeOf === message.id ? null : message.id)
      else if (opensPublicity(message) && message.consultationId) await Taro.navigateTo({ url: withParams(PublicityRoutes.result, { consultationId: message.consultationId }) })
      else if (opensPlan(message)) await Taro.navigateTo({ url: PublicityRoutes.plan })
      else if (opensAcceptance(message)) await Taro.navigateTo({ url: Routes.myAcceptance })
      else if (opensBooking(message)) await Taro.navigateTo({ url: Routes.myBooking })
      else if (message.consultationId) await Taro.navigateTo({ url: withParams(Routes.consultation, { id: message.consultationId }) })
    } finally {
      opening.current = false
    }
  }

  return (
    <Screen className='inbox'>
      <View className='page-header'>
        <Text className='page-title'>消息</Text>
        {inbox.data ? <Text className='text-secondary inbox-summary'>{unread > 0 ? `${unread} 条未读，点一下即可查看` : '全部已读'}</Text> : null}
      </View>
      {inbox.loading && !inbox.data ? <LoadingNotice /> : null}
      {inbox.error ? (
        <View className='card'>
          <ErrorNotice message={inbox.error} />
          <BigButton variant='secondary' onClick={() => void inbox.reload()}>
            重新加载
          </BigButton>
        </View>
      ) : null}
      <ErrorNotice message={inbox.markError} />
      {inbox.data ? (
        <InboxList
          messages={inbox.messages}
          onOpen={(message) => void open(message)}
          below={(message) => (noticeOf === message.id && message.consultationId ? <RefusalNoticePanel consultationId={message.consultationId} /> : null)}
        />
      ) : null}
      <BigButton variant='link' className='inbox-back' onClick={() => goBackOr(Routes.home)}>
        返回首页
      </BigButton>
    </Screen>
  )
}
