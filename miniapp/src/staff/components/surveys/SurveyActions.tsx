import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { SurveyStatus } from '@linyi/shared'
import type { SurveyView } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { formatDateTime } from '../../../lib/format'

interface Submission {
  run: () => Promise<boolean>
  submitting: boolean
  error: string | null
}

const PUBLISH_WARNING = '发布后，本小区的住户就能看到并作答；题目不能再改。'
const closeWarning = (closesAt: string) => `结束后住户不能再作答（原定截止 ${formatDateTime(closesAt)}）。结束后不能重新打开。`

/** Publish a draft, or end answering early: each asked once more, since neither can be undone. */
export function SurveyActions({ survey, publish, close }: { survey: SurveyView; publish: Submission; close: Submission }) {
  const confirmPublish = async () => {
    const { confirm } = await Taro.showModal({ title: '发布问卷', content: PUBLISH_WARNING, confirmText: '发布', cancelText: '取消' })
    if (confirm) await publish.run()
  }
  const confirmClose = async () => {
    const { confirm } = await Taro.showModal({ title: '提前结束问卷', content: closeWarning(survey.closesAt), confirmText: '结束', cancelText: '取消', confirmColor: '#8a0012' })
    if (confirm) await close.run()
  }
  if (survey.status === SurveyStatus.Draft) {
    return (
      <View className='section survey-actions'>
        <BigButton className='survey-publish' loading={publish.submitting} onClick={() => void confirmPublish()}>
          {publish.submitting ? '正在发布…' : '发布问卷'}
        </BigButton>
        <Text className='text-secondary'>请先检查下面的题目：发布后不能修改。</Text>
        <ErrorNotice message={publish.error} className='survey-publish-error' />
      </View>
    )
  }
  if (survey.status === SurveyStatus.Open) {
    return (
      <View className='section survey-actions'>
        <BigButton variant='secondary' className='survey-close' loading={close.submitting} onClick={() => void confirmClose()}>
          {close.submitting ? '正在结束…' : '提前结束问卷'}
        </BigButton>
        {/* Published meanwhile on another device: the refusal stays in view. */}
        <ErrorNotice message={close.error ?? publish.error} className='survey-close-error' />
      </View>
    )
  }
  // Closed: an error from a close that lost a race still says what happened.
  return <ErrorNotice message={close.error ?? publish.error} className='survey-close-error' />
}
