import { Text, Textarea, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { INSPECTION_LIMITS } from '@linyi/shared'
import type { DefectInput } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { PhotoField } from './PhotoField'
import { SignPanel } from './SignPanel'
import { defectsProblem } from './acceptance.rules'

interface Draft {
  key: number
  description: string
  photo: string | null
}

interface Props {
  submitting: boolean
  error: string | null
  onSubmit: (defects: DefectInput[], signaturePng: string) => void
  onCancel: () => void
}

/** 「有问题，不验收」: what is wrong, one line each with an optional photo, then the resident's signature. */
export function DefectsForm({ submitting, error, onSubmit, onCancel }: Props) {
  const nextKey = useRef(1)
  const [drafts, setDrafts] = useState<Draft[]>([{ key: 0, description: '', photo: null }])
  const [signing, setSigning] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const change = (key: number, patch: Partial<Draft>) => setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)))
  const add = () => setDrafts((all) => [...all, { key: nextKey.current++, description: '', photo: null }])
  const remove = (key: number) => setDrafts((all) => all.filter((d) => d.key !== key))
  const written = drafts.filter((d) => d.description.trim())
  const defects: DefectInput[] = written.map((d) => ({ description: d.description.trim(), ...(d.photo ? { photoPng: d.photo } : {}) }))

  const toSignature = () => {
    const found = defectsProblem(drafts.map((d) => d.description))
    setProblem(found)
    if (!found) setSigning(true)
  }

  if (signing) {
    return (
      <View className='defects-form defects-form--signing'>
        <View className='card defects-summary'>
          <Text className='acceptance-card-title'>您提出的问题</Text>
          {defects.map((defect, index) => (
            <Text key={`${index}-${defect.description}`} className='text-body defects-summary__item'>
              {index + 1}. {defect.description}
              {defect.photoPng ? '（附照片）' : ''}
            </Text>
          ))}
        </View>
        <SignPanel
          className='reject-sign'
          title='签名确认这些问题'
          explanation='签名后，这些问题会交给施工单位整改，本次不验收。整改完成、重新检测合格后，会请您再来验收。'
          confirmText='签名并提交问题'
          submitting={submitting}
          error={error}
          onSign={(png) => onSubmit(defects, png)}
          onBack={() => setSigning(false)}
        />
      </View>
    )
  }

  return (
    <View className='card defects-form'>
      <Text className='acceptance-card-title'>哪里有问题？</Text>
      <Text className='text-body'>请一条一条写清楚，例如「卫生间管子接头滴水」。能拍照的话拍一张，施工单位看得更清楚。</Text>
      {drafts.map((draft, index) => (
        <View key={draft.key} className='defect-draft' id={`defect-draft-${draft.key}`}>
          <Text className='field-label'>第 {index + 1} 条问题</Text>
          <Textarea
            className='text-area defect-description'
            value={draft.description}
            maxlength={INSPECTION_LIMITS.defectDescription}
            placeholder='写一下哪里不行'
            placeholderClass='field-placeholder'
            aria-label={`第 ${index + 1} 条问题`}
            onInput={(e) => change(draft.key, { description: e.detail.value })}
          />
          <PhotoField canvasId={`defect-photo-${draft.key}`} label='照片（可不拍）' value={draft.photo} onChange={(photo) => change(draft.key, { photo })} />
          {drafts.length > 1 ? (
            <BigButton variant='link' className='defect-remove' onClick={() => remove(draft.key)}>
              删除第 {index + 1} 条
            </BigButton>
          ) : null}
        </View>
      ))}
      {drafts.length < INSPECTION_LIMITS.defects ? (
        <BigButton variant='secondary' className='defect-add' onClick={add}>
          再写一条问题
        </BigButton>
      ) : null}
      <ErrorNotice message={problem} className='defects-problem' />
      <BigButton className='defects-next' onClick={toSignature}>
        下一步：签名
      </BigButton>
      <BigButton variant='link' className='defects-cancel' onClick={onCancel}>
        返回
      </BigButton>
    </View>
  )
}
