import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'

interface Props {
  /** Why it cannot be published now (window open, objections open), or null. */
  blocked: string | null
  label: string
  publish: { run: () => Promise<boolean>; submitting: boolean; error: string | null }
}

const WARNING = '最终结果将按现在的表态重新统计后公示，并通知每一户。发布后不能撤回。'

/** 发布最终结果: once the window has closed and every objection is answered; the reason shows while it cannot be. */
export function FinalPublish({ blocked, label, publish }: Props) {
  const confirm = async () => {
    const answer = await Taro.showModal({ title: '发布最终结果', content: WARNING, confirmText: '发布', cancelText: '取消' })
    if (answer.confirm) await publish.run()
  }
  return (
    <View className='card publicity-final'>
      <Text className='section-title'>结果公示</Text>
      {blocked ? <Text className='text-body publicity-final-blocked'>{blocked}</Text> : <Text className='text-body'>异议期已结束，异议已全部答复，可以发布最终结果。</Text>}
      <ErrorNotice message={publish.error} className='publicity-final-error' />
      <BigButton className='publicity-publish-final' disabled={blocked !== null} loading={publish.submitting} onClick={() => void confirm()}>
        {publish.submitting ? '正在发布…' : label}
      </BigButton>
    </View>
  )
}
