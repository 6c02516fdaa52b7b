import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { PIPELINE_LIMITS } from '@linyi/shared'
import type { PipelineStage } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import type { MoveRefusal } from '../../../hooks/pipeline-staff'
import { CharCounter } from '../works/WorksParts'
import { gateLabel, moveButtonText, moveWarning } from './pipeline.rules'

interface Props {
  stage: PipelineStage
  nextStages: PipelineStage[]
  moving: PipelineStage | null
  refusal: MoveRefusal | null
  onMove: (to: PipelineStage, note: string) => Promise<boolean>
}

/** Why the server refused the move, and every gate it named as unmet. */
function Refusal({ refusal }: { refusal: MoveRefusal }) {
  return (
    <View className='pipeline-refusal'>
      <ErrorNotice message={refusal.message} className='pipeline-move-error' />
      {refusal.gates.length ? (
        <View className='card pipeline-refusal__gates' role='alert'>
          <Text className='pipeline-missing__title'>未满足的条件（{refusal.gates.length} 项）</Text>
          {refusal.gates.map((gate) => (
            <View key={gate.gate} className='pipeline-refusal__gate' data-gate={gate.gate}>
              <Text className='pipeline-gate__label'>{gateLabel(gate.gate)}：未满足</Text>
              <Text className='text-body'>{gate.detail}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

/** 调整阶段 (street office): one button per stage it may move to, after a confirmation; a note goes with the move. */
export function MoveSection({ stage, nextStages, moving, refusal, onMove }: Props) {
  const [note, setNote] = useState('')
  const typed = note.trim()
  const tooLong = [...typed].length > PIPELINE_LIMITS.note
  const move = async (to: PipelineStage) => {
    const { confirm } = await Taro.showModal({ title: moveButtonText(stage, to), content: moveWarning(stage, to), confirmText: '确定', cancelText: '取消' })
    if (confirm && (await onMove(to, typed))) setNote('')
  }
  return (
    <View className='section pipeline-move-section'>
      <Text className='section-title'>调整阶段</Text>
      {nextStages.length === 0 ? <Text className='card text-body pipeline-no-next'>已完工，不能再调整阶段。</Text> : null}
      {nextStages.length ? (
        <>
          <Text className='field-label'>说明（可不填）</Text>
          <Textarea
            className='text-area pipeline-move-note'
            nativeProps={{ 'aria-label': '调整阶段的说明' }}
            value={note}
            maxlength={PIPELINE_LIMITS.note + 20}
            placeholder='例如：已报区住建局审核同意'
            onInput={(e) => setNote(e.detail.value)}
          />
          <CharCounter used={[...typed].length} max={PIPELINE_LIMITS.note} />
        </>
      ) : null}
      {nextStages.map((to) => (
        <BigButton
          key={to}
          variant={nextStages[0] === to ? 'primary' : 'secondary'}
          className={`pipeline-move-to pipeline-move-to--${to.toLowerCase()}`}
          disabled={tooLong || (moving !== null && moving !== to)}
          loading={moving === to}
          onClick={() => void move(to)}
        >
          {moving === to ? '正在调整…' : tooLong ? `说明最多 ${PIPELINE_LIMITS.note} 个字` : moveButtonText(stage, to)}
        </BigButton>
      ))}
      {refusal ? <Refusal refusal={refusal} /> : null}
    </View>
  )
}
