import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { PIPELINE_LIMITS } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { ChoiceButtons, type Choice } from '../accounts/ChoiceButtons'
import { CharCounter } from '../works/WorksParts'

interface Submission {
  run: (yes: boolean, note: string) => Promise<boolean>
  submitting: boolean
  error: string | null
}

interface Props {
  /** The class of the form; its parts get `<name>-choice`, `<name>-note`, `<name>-save`, `<name>-error`. */
  name: string
  question: string
  /** The yes and the no, in that order. */
  answers: [string, string]
  initial: boolean | null
  notePlaceholder: string
  saveLabel: string
  submission: Submission
  onSaved: () => void
}

/** A yes-or-no the street office records with a required note (违法建设清理, 维修资金承诺). */
export function ChoiceNoteForm({ name, question, answers, initial, notePlaceholder, saveLabel, submission, onSaved }: Props) {
  const [choice, setChoice] = useState<string | null>(initial === null ? null : initial ? 'yes' : 'no')
  const [note, setNote] = useState('')
  const typed = note.trim()
  const choices: Choice[] = [
    { value: 'yes', label: answers[0] },
    { value: 'no', label: answers[1] },
  ]
  const problem = choice === null ? '请先选择' : !typed ? '请填写说明' : [...typed].length > PIPELINE_LIMITS.note ? `说明最多 ${PIPELINE_LIMITS.note} 个字` : null
  const save = async () => {
    if (!problem && (await submission.run(choice === 'yes', typed))) onSaved()
  }
  return (
    <View className={`pipeline-choice-form ${name}`}>
      <Text className='field-label'>{question}</Text>
      <ChoiceButtons className={`${name}-choice`} choices={choices} selected={choice} onSelect={setChoice} />
      <Text className='field-label'>说明（必填）</Text>
      <Textarea
        className={`text-area ${name}-note`}
        nativeProps={{ 'aria-label': `${question}的说明` }}
        value={note}
        maxlength={PIPELINE_LIMITS.note + 20}
        placeholder={notePlaceholder}
        onInput={(e) => setNote(e.detail.value)}
      />
      <CharCounter used={[...typed].length} max={PIPELINE_LIMITS.note} />
      <ErrorNotice message={submission.error} className={`${name}-error`} />
      <BigButton className={`${name}-save`} disabled={problem !== null} loading={submission.submitting} onClick={() => void save()}>
        {problem ?? (submission.submitting ? '正在保存…' : saveLabel)}
      </BigButton>
    </View>
  )
}
