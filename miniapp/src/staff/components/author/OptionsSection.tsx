import { Input, Text, Textarea, View } from '@tarojs/components'
import { DecisionRule } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { blankOption } from '../../../lib/draft/items'
import type { DraftOption } from '../../../lib/draft/types'
import { OPTIONS_MAX, OPTION_DESCRIPTION_MAX, OPTION_TITLE_MAX } from '../../../lib/draft/validation'
import { Field, ItemHead, spokenAs } from './FormParts'
import { OptionVisual } from './OptionVisual'
import type { SectionProps } from './section-props'

/** The options of a vote, in the order residents see them. */
export function OptionsSection({ draft, errors, update }: SectionProps) {
  if (draft.rule !== DecisionRule.Plurality) return null
  const { options } = draft
  const change = (index: number, changes: Partial<DraftOption>) => update({ options: options.map((o, i) => (i === index ? { ...o, ...changes } : o)) })
  return (
    <View className='section author-section'>
      <Text className='section-title'>方案</Text>
      <Field name='options' help={`至少 2 个、最多 ${OPTIONS_MAX} 个方案。每个方案可以配一张图片或一个色块。`} error={errors.options}>
        {options.map((option, index) => (
          <View key={option.id} className='card author-option' data-option={option.id}>
            <ItemHead title={`方案 ${index + 1}`} classPrefix='author-option' items={options} index={index} onChange={(next) => update({ options: next })} />
            <Field name={`options.${index}.title`} label='方案名称' error={errors[`options.${index}.title`]}>
              <Input className='text-input author-input author-option-title' {...spokenAs(`方案 ${index + 1} 名称`)} value={option.title} maxlength={OPTION_TITLE_MAX} placeholder='例如：暖灰色' onInput={(e) => change(index, { title: e.detail.value })} />
            </Field>
            <Field name={`options.${index}.description`} label='方案说明' error={errors[`options.${index}.description`]}>
              <Textarea
                className='text-area author-textarea author-textarea--short author-option-description'
                {...spokenAs(`方案 ${index + 1} 说明`)}
                value={option.description}
                maxlength={OPTION_DESCRIPTION_MAX}
                placeholder='例如：浅暖灰主墙面，白色窗套，耐脏。'
                onInput={(e) => change(index, { description: e.detail.value })}
              />
            </Field>
            <Field name={`options.${index}.imageUrl`} label='图片或色块' error={errors[`options.${index}.imageUrl`]}>
              <OptionVisual option={option} onChange={(changes) => change(index, changes)} />
            </Field>
          </View>
        ))}
        {options.length < OPTIONS_MAX ? (
          <BigButton variant='secondary' className='author-option-add' onClick={() => update({ options: [...options, blankOption(options)] })}>
            添加方案
          </BigButton>
        ) : null}
      </Field>
    </View>
  )
}
