import { Canvas, Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ConsultationView, OutstandingHousehold } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { recordPaperApplication } from '../../api'
import { useSubmission } from '../../hooks/use-submission'
import { choosePhoto, photoToPngDataUrl } from '../../lib/paper-scan'

interface Props {
  consultation: ConsultationView
  household: OutstandingHousehold
  onSaved: (message: string) => void
  onCancel: () => void
}

/** A signed paper application: photographed, then recorded as this household's agreement. */
export function PaperApplicationForm({ consultation, household, onSaved, onCancel }: Props) {
  const [photo, setPhoto] = useState<string | null>(null)
  const [scan, setScan] = useState<string | null>(null)
  const [preparing, setPreparing] = useState(false)
  const [photoError, setPhotoError] = useState<string | null>(null)
  const disclosureIds = consultation.disclosures.map((d) => d.id)
  const save = useSubmission((png: string) => recordPaperApplication(consultation.id, household.householdId, disclosureIds, png))
  const canvasId = `paper-scan-${household.householdId}`

  const pick = async () => {
    const path = await choosePhoto()
    if (!path) return
    setPhoto(path)
    setScan(null)
    setPhotoError(null)
    setPreparing(true)
    try {
      setScan(await photoToPngDataUrl(path, `#${canvasId}`))
    } catch {
      setPhotoError('照片处理失败，请重新拍摄')
    } finally {
      setPreparing(false)
    }
  }

  const submit = async () => {
    if (scan && (await save.run(scan))) onSaved('已录入纸质申请')
  }

  return (
    <View className='paper-form'>
      <Text className='text-body'>请拍摄 {household.label} 住户签字的纸质申请表，签名和日期要清楚。纸质表已载明全部告知事项。</Text>
      {/* weapp draws the photo on a hidden 2D canvas to turn it into a PNG. */}
      {process.env.TARO_ENV === 'h5' ? null : <Canvas id={canvasId} type='2d' className='scan-canvas' />}
      {photo ? <Image className='paper-preview' src={photo} mode='widthFix' /> : null}
      <BigButton variant='secondary' className='paper-choose' loading={preparing} onClick={() => void pick()}>
        {preparing ? '正在处理照片…' : photo ? '重新拍摄' : '拍照或选择照片'}
      </BigButton>
      <ErrorNotice message={photoError ?? save.error} />
      <BigButton className='paper-submit' disabled={!scan} loading={save.submitting} onClick={() => void submit()}>
        {save.submitting ? '正在录入…' : '确认录入：本户同意申请'}
      </BigButton>
      <BigButton variant='link' className='paper-cancel' onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}
