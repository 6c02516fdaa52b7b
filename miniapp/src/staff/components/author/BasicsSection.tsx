import { Input, Text, Textarea, View } from '@tarojs/components'
import type { ConsultationKind } from '@linyi/shared'
import { kindLabel } from '../../../lib/consultation-text'
import { BODY_MAX, TITLE_MAX } from '../../../lib/draft/validation'
import { KIND_HINT, KIND_ORDER } from './choice-texts'
import { ChoiceList, Field, spokenAs } from './FormParts'
import type { SectionProps } from './section-props'

const KIND_CHOICES = KIND_ORDER.map((kind) => ({ value: kind, label: kindLabel(kind), hint: KIND_HINT[kind] }))

/** Kind, title and body: what residents read first. */
export function BasicsSection({ draft, errors, update, onKind }: SectionProps & { onKind: (kind: ConsultationKind) => void }) {
  return (
    <View className='section author-section'>
      <Text className='section-title'>征询什么</Text>
      <Field name='kind' label='征询类型' help='选择后，表决规则、统计方式和告知事项会按政策自动填好，可以再修改。' error={errors.kind}>
        <ChoiceList id='author-kind' choices={KIND_CHOICES} value={draft.kind} onChange={onKind} itemClassName='author-kind' />
      </Field>

      <Field name='title' label='标题' help={`居民在待办列表里看到的名称，2 到 ${TITLE_MAX} 个字。`} error={errors.title}>
        <Input
          className='text-input author-input author-title-input'
          {...spokenAs('标题')}
          value={draft.title}
          maxlength={TITLE_MAX}
          placeholder='例如：5号楼楼内上下水管线改造申请'
          onInput={(e) => update({ title: e.detail.value })}
        />
      </Field>

      <Field name='body' label='正文' help='说明征询什么、为什么、结果怎么用；居民签名时确认的就是这段文字。' error={errors.body}>
        <Textarea
          className='text-area author-textarea author-body-input'
          {...spokenAs('正文')}
          value={draft.body}
          maxlength={BODY_MAX}
          placeholder='例如：本小区已纳入老旧小区综合整治项目储备库……'
          onInput={(e) => update({ body: e.detail.value })}
        />
      </Field>
    </View>
  )
}
