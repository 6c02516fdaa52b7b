import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { InboxMessage, SubscribeResults } from '../api'
import { askWechatSubscriptions, fetchMyInbox, fetchSubscriptionTemplates, fetchUnreadCount, markInboxRead, readableError, recordSubscriptions } from '../api'
import { newestFirst } from '../lib/reminder-text'
import { useAsync } from './use-async'

/** The number on home's 消息 entry, fetched again whenever home shows (e.g. back from the inbox). */
export function useUnreadCount() {
  const state = useAsync(fetchUnreadCount, { immediate: false })
  useDidShow(() => {
    void state.reload()
  })
  return { count: state.data?.unread ?? null, reload: state.reload }
}

/** My inbox, newest first; opening a message marks it read on the server and here at once. */
export function useInbox() {
  const state = useAsync(async () => newestFirst(await fetchMyInbox()), { immediate: false })
  const [readNow, setReadNow] = useState<Record<string, string>>({})
  const [markError, setMarkError] = useState<string | null>(null)
  useDidShow(() => {
    void state.reload()
  })

  const messages: InboxMessage[] = (state.data ?? []).map((m) => (m.readAt === null && readNow[m.id] ? { ...m, readAt: readNow[m.id] } : m))

  /** Resolves once the server knows (so home's badge is right when we get back), even if it failed. */
  const markRead = useCallback(async (message: InboxMessage) => {
    if (message.readAt !== null) return
    setReadNow((all) => ({ ...all, [message.id]: new Date().toISOString() }))
    setMarkError(null)
    try {
      const { readAt } = await markInboxRead(message.id)
      setReadNow((all) => ({ ...all, [message.id]: readAt }))
    } catch (e) {
      setReadNow(({ [message.id]: _, ...rest }) => rest)
      setMarkError(readableError(e))
    }
  }, [])

  return { ...state, messages, markRead, markError }
}

export type SubscribeState =
  | { status: 'idle' }
  | { status: 'asking' }
  | { status: 'done'; accepted: number }
  | { status: 'failed'; error: string }

/**
 * The offer to receive WeChat subscribe messages, only in the mini-program and only when the server
 * has templates. Templates are loaded beforehand: WeChat shows its panel only inside the tap itself.
 */
export function useSubscribeOffer(wanted: boolean) {
  const onWeapp = process.env.TARO_ENV === 'weapp'
  const [templateIds, setTemplateIds] = useState<string[]>([])
  const [state, setState] = useState<SubscribeState>({ status: 'idle' })

  useEffect(() => {
    if (!wanted || !onWeapp) return
    let current = true
    fetchSubscriptionTemplates()
      .then(({ templateIds: ids }) => {
        if (current) setTemplateIds(ids)
      })
      // No offer when the templates cannot be loaded: the inbox still carries every reminder.
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [wanted, onWeapp])

  const subscribe = useCallback(() => {
    // Called synchronously from the tap, before anything is awaited.
    const asked = askWechatSubscriptions(templateIds)
    setState({ status: 'asking' })
    void (async () => {
      let results: SubscribeResults
      try {
        results = await asked
      } catch {
        setState({ status: 'failed', error: '微信没有打开订阅，可能是通知已在微信设置中关闭。提醒仍会出现在首页的“消息”里。' })
        return
      }
      try {
        await recordSubscriptions(results)
        setState({ status: 'done', accepted: Object.values(results).filter((r) => r === 'accept').length })
      } catch (e) {
        setState({ status: 'failed', error: readableError(e) })
      }
    })()
  }, [templateIds])

  return { available: wanted && onWeapp && templateIds.length > 0, state, subscribe }
}
