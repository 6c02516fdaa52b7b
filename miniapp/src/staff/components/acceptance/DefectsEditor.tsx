import { Text, Textarea, View } from '@tarojs/components'
import { INSPECTION_LIMITS } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { CharCounter } from '../works/WorksParts'
import { PhotoPicker } from './PhotoPicker'
import type { DefectDraft } from './acceptance-staff.rules'

interface Props {
  defects: DefectDraft[]
  onChange: (defects: DefectDraft[]) => void
  idPrefix: string
}

export const emptyDefect = (): DefectDraft => ({ description: '', photo: null })

/** The problems written on the paper form, one box each, with an optional photo; up to ten. */
export function DefectsEditor({ defects, onChange, idPrefix }: Props) {
  const replace = (index: number, defect: DefectDraft) => onChange(defects.map((d, i) => (i === index ? defect : d)))
  return (
    <View className='staff-acc-defects-editor'>
      {defects.map((defect, index) => (
        <View key={index} className='staff-acc-defect-draft' data-index={index}>
          <Text className='field-label'>问题 {index + 1}</Text>
          <Textarea
            className='text-area staff-acc-defect-text'
            nativeProps={{ 'aria-label': `问题 ${index + 1}` }}
            value={defect.description}
            maxlength={INSPECTION_LIMITS.defectDescription + 20}
            placeholder='照表上写的抄录，例如：卫生间立管接口滴水'
            onInput={(e) => replace(index, { ...defect, description: e.detail.value })}
          />
          <CharCounter used={defect.description.trim().length} max={INSPECTION_LIMITS.defectDescription} />
          <PhotoPicker canvasId={`${idPrefix}-${index}`} label='问题照片' value={defect.photo} onChange={(photo) => replace(index, { ...defect, photo })} />
          {defects.length > 1 ? (
            <BigButton variant='link' className='staff-acc-defect-remove' onClick={() => onChange(defects.filter((_, i) => i !== index))}>
              删除问题 {index + 1}
            </BigButton>
          ) : null}
        </View>
      ))}
      {defects.length < INSPECTION_LIMITS.defects ? (
        <BigButton variant='secondary' className='staff-acc-defect-add' onClick={() => onChange([...defects, emptyDefect()])}>
          再加一个问题
        </BigButton>
      ) : null}
    </View>
  )
}
