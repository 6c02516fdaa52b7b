import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Answer } from '@linyi/shared'
import type { ConsultationView, SubmitResponseRequest } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { pressable } from '../../components/pressable'
import { DisclosureChecklist, useDisclosureTicks } from './DisclosureChecklist'

interface Props {
  consultation: ConsultationView
  /** The option this household chose before, if any. */
  currentOptionId: string | null
  submitting: boolean
  error: string | null
  onSubmit: (request: SubmitResponseRequest) => void
}

/** Design options as big cards; the resident picks one. */
export function DesignVoteForm({ consultation, currentOptionId, submitting, error, onSubmit }: Props) {
  const [chosen, setChosen] = useState<string | null>(currentOptionId)
  const ticks = useDisclosureTicks(consultation.disclosures)
  const current = consultation.options.find((option) => option.id === currentOptionId)
  const ready = chosen !== null && ticks.allTicked && chosen !== currentOptionId

  return (
    <View className='design-vote'>
      {current ? <Text className='current-choice'>您当前的选择：{current.title}</Text> : null}
      <Text className='section-title'>请选择一个方案</Text>
      {consultation.options.map((option) => {
        const selected = option.id === chosen
        return (
          <View
            key={option.id}
            id={`option-${option.id}`}
            className={`card option-card ${selected ? 'option-card--selected' : ''}`}
            role='radio'
            {...pressable(() => setChosen(option.id), false, 'radio')}
            aria-checked={selected}
            onClick={() => setChosen(option.id)}
          >
            {option.imageUrl ? <Image className='option-card__image' src={option.imageUrl} mode='widthFix' nativeProps={{ alt: `${option.title}的效果图` }} /> : null}
            <View className='option-card__head'>
              <View className={`tick-box tick-box--round ${selected ? 'tick-box--on' : ''}`}>
                <Text className='tick-box__mark'>{selected ? '✓' : ''}</Text>
              </View>
              <Text className='option-card__title'>{option.title}</Text>
            </View>
            {option.description ? <Text className='text-body option-card__description'>{option.description}</Text> : null}
            {selected ? <Text className='option-card__state'>已选择</Text> : null}
          </View>
        )
      })}

      <DisclosureChecklist disclosures={consultation.disclosures} ticked={ticks.ticked} onToggle={ticks.toggle} />

      <View className='section submit-area'>
        <ErrorNotice message={error} className='submit-error' />
        <BigButton
          className='vote-submit'
          disabled={!ready}
          loading={submitting}
          onClick={() => chosen && onSubmit({ answer: Answer.Option, optionId: chosen, acknowledgedDisclosureIds: ticks.tickedIds })}
        >
          {submitting ? '正在提交…' : currentOptionId ? '改投这个方案' : '提交我的选择'}
        </BigButton>
        <BigButton
          variant='link'
          className='vote-abstain'
          loading={submitting}
          onClick={() => onSubmit({ answer: Answer.Abstain, acknowledgedDisclosureIds: ticks.tickedIds })}
        >
          弃权，不选择任何方案
        </BigButton>
      </View>
    </View>
  )
}
