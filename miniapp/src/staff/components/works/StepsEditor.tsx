import { Input, Text, Textarea, View } from '@tarojs/components'
import { WORK_LIMITS } from '@linyi/shared'
import type { WorkStep } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { blankStep, charCount, movedStep } from './plan-form.rules'
import { MiniButton } from '../MiniButton'
import { CharCounter } from './WorksParts'

/** The order of the works as residents will read it on the notice: each step editable, movable, removable. */
export function StepsEditor({ steps, onChange }: { steps: WorkStep[]; onChange: (steps: WorkStep[]) => void }) {
  const edit = (index: number, patch: Partial<WorkStep>) => onChange(steps.map((step, i) => (i === index ? { ...step, ...patch } : step)))
  return (
    <View className='works-steps'>
      {steps.map((step, index) => (
        <View key={index} className='works-step' data-step={index}>
          <View className='works-row'>
            <Text className='works-step__number'>第 {index + 1} 步</Text>
            <View className='works-row__actions'>
              <MiniButton className='works-step-up' disabled={index === 0} onClick={() => onChange(movedStep(steps, index, -1))}>
                上移
              </MiniButton>
              <MiniButton className='works-step-down' disabled={index === steps.length - 1} onClick={() => onChange(movedStep(steps, index, 1))}>
                下移
              </MiniButton>
              <MiniButton className='works-step-remove' onClick={() => onChange(steps.filter((_, i) => i !== index))}>
                删除
              </MiniButton>
            </View>
          </View>
          <Input
            className='text-input works-step-title'
            nativeProps={{ 'aria-label': `第 ${index + 1} 步名称` }}
            value={step.title}
            maxlength={WORK_LIMITS.stepTitleMax + 10}
            placeholder='例如：断水'
            onInput={(e) => edit(index, { title: e.detail.value })}
          />
          <Textarea
            className='text-area works-step-description'
            nativeProps={{ 'aria-label': `第 ${index + 1} 步说明` }}
            value={step.description}
            maxlength={WORK_LIMITS.stepDescriptionMax + 20}
            placeholder='这一步做什么，住户要注意什么'
            onInput={(e) => edit(index, { description: e.detail.value })}
          />
          <CharCounter used={charCount(step.description)} max={WORK_LIMITS.stepDescriptionMax} />
        </View>
      ))}
      {steps.length < WORK_LIMITS.stepsMax ? (
        <BigButton variant='secondary' className='works-step-add' onClick={() => onChange([...steps, blankStep()])}>
          添加一个步骤
        </BigButton>
      ) : (
        <Text className='text-secondary'>最多 {WORK_LIMITS.stepsMax} 个步骤。</Text>
      )}
    </View>
  )
}
