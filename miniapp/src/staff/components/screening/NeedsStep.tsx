import { Text, Textarea, View } from '@tarojs/components'
import { NEED_LABELS, NOTE_MAX, NeedCode } from '@linyi/shared'
import { TickRow } from './TickRow'

interface Props {
  needs: NeedCode[]
  note: string
  onToggle: (code: NeedCode) => void
  onNote: (note: string) => void
}

/** Which needs, and a short note: only what the care arrangements need (minimum necessary). */
export function NeedsStep({ needs, note, onToggle, onNote }: Props) {
  const used = [...note.trim()].length
  return (
    <View className='screening-form__step screening-needs'>
      <Text className='field-label'>需要照顾的情况（可多选）</Text>
      {Object.values(NeedCode).map((code) => (
        <TickRow key={code} label={NEED_LABELS[code]} on={needs.includes(code)} onToggle={() => onToggle(code)} className={`screening-need screening-need--${code.toLowerCase()}`} />
      ))}
      <Text className='field-label'>简要说明</Text>
      <Text className='text-secondary'>只写施工期间怎么照顾需要知道的情况，不写病历和诊断。</Text>
      <Textarea
        className='text-area screening-note'
        value={note}
        maxlength={NOTE_MAX + 20}
        placeholder='例如：独居，女儿住在本市，每周来两次'
        aria-label='简要说明'
        onInput={(e) => onNote(e.detail.value)}
      />
      <Text className={`screening-counter ${used > NOTE_MAX ? 'screening-counter--over' : ''}`}>
        {used}/{NOTE_MAX} 字
      </Text>
    </View>
  )
}
