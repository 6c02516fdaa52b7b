import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { OBJECTION_DAYS } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { MiniButton } from '../MiniButton'
import { objectionDaysProblem, steppedDays } from './publicity-staff.rules'

interface Props {
  /** Why it cannot be published now (the deadline has not passed), or null. */
  blocked: string | null
  label: string
  publish: { run: (days: number) => Promise<boolean>; submitting: boolean; error: string | null }
}

const WARNING = '发布后，本次征询范围内的每一户都会收到通知，可以查看各户表态情况并在异议期内提出异议。发布后不能撤回。'

/** 发布初步统计结果: the objection window's length, then the counts go to every household. */
export function PreliminaryPublish({ blocked, label, publish }: Props) {
  const [days, setDays] = useState(String(OBJECTION_DAYS.default))
  const problem = objectionDaysProblem(days)
  const confirm = async () => {
    if (problem) return
    const answer = await Taro.showModal({ title: '发布初步统计结果', content: WARNING, confirmText: '发布', cancelText: '取消' })
    if (answer.confirm) await publish.run(Number(days))
  }
  return (
    <View className='card publicity-preliminary'>
      <Text className='section-title'>初步统计结果公示</Text>
      <Text className='text-body'>征询截止后，先公示初步统计结果并留出异议期；住户可对任何一户的表态提出异议，居委会逐条答复。</Text>
      <Text className='field-label'>异议期（天）</Text>
      <View className='works-capacity'>
        <MiniButton className='publicity-days-less' onClick={() => setDays(steppedDays(days, -1))}>
          －
        </MiniButton>
        <Input
          className='text-input works-capacity-input publicity-days-input'
          nativeProps={{ 'aria-label': '异议期天数' }}
          type='number'
          value={days}
          maxlength={2}
          onInput={(e) => setDays(e.detail.value)}
        />
        <MiniButton className='publicity-days-more' onClick={() => setDays(steppedDays(days, 1))}>
          ＋
        </MiniButton>
        <Text className='works-capacity__unit'>天</Text>
      </View>
      {blocked ? <Text className='text-body publicity-preliminary-blocked'>{blocked}</Text> : null}
      <ErrorNotice message={publish.error} className='publicity-preliminary-error' />
      <BigButton className='publicity-publish-preliminary' disabled={blocked !== null || problem !== null} loading={publish.submitting} onClick={() => void confirm()}>
        {problem ?? (publish.submitting ? '正在发布…' : label)}
      </BigButton>
    </View>
  )
}
