import { Input, Text } from '@tarojs/components'
import { ASSISTANCE_NOTE_MAX, assistanceNoteProblem } from '@linyi/shared'

/** The one line a work crew may see, checked as it is typed: what to do, never the diagnosis. */
export function AssistanceNoteField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const problem = assistanceNoteProblem(value)
  const empty = value.trim() === ''
  // A word list cannot prove a line harmless: it says what it checked, and asks the person to look.
  const feedback = problem ?? '✓ 未发现病情用词；请确认只写了怎么帮忙'
  const tone = empty ? 'care-note-feedback--empty' : problem ? 'care-note-feedback--problem' : 'care-note-feedback--ok'
  return (
    <>
      <Text className='field-label'>给施工队的一句话</Text>
      <Text className='care-note-explain'>施工队只能看到这一句：写需要怎么帮忙，不写病情</Text>
      <Input
        className='text-input care-note-input'
        value={value}
        maxlength={ASSISTANCE_NOTE_MAX + 20}
        placeholder='例如：施工前一天先给女儿打电话，当天留一个水龙头'
        aria-label='给施工队的一句话'
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text className={`care-note-feedback ${tone}`} {...(problem && !empty ? { role: 'alert' } : {})}>
        {feedback}
      </Text>
      <Text className='screening-counter'>
        {[...value.trim()].length}/{ASSISTANCE_NOTE_MAX} 字
      </Text>
    </>
  )
}
