import { Canvas, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { LEGAL_BASIS_LABELS, LegalBasis } from '@linyi/shared'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { pressable } from '../../../components/pressable'
import { choosePhotoOrSay } from '../../../api/wechat/media'
import { photoToPngDataUrl } from '../../../lib/paper-scan'
import { formatDateTime } from '../../../lib/format'
import { ScanImage } from './ScanImage'
import type { StandingConsent } from './screening-form.rules'

const BASIS_TITLE: Record<LegalBasis, string> = {
  [LegalBasis.SeparateConsent]: '居民单独同意',
  [LegalBasis.StatutoryDuty]: LEGAL_BASIS_LABELS[LegalBasis.StatutoryDuty],
}

const BASIS_EXPLAIN: Record<LegalBasis, string> = {
  [LegalBasis.SeparateConsent]: '居民本人单独同意登记这些情况：在小程序中同意，或在纸质同意书上签字。',
  [LegalBasis.StatutoryDuty]: '街道、居委会施工前摸排的法定职责（《个人信息保护法》第十三条）',
}

interface Props {
  householdId: string
  basis: LegalBasis | null
  onBasis: (basis: LegalBasis) => void
  /** Consent already on file: then no new scan is needed. */
  standing: StandingConsent
  /** A scan is in the form already (its preview may have gone with a step that was closed). */
  scanned: boolean
  onScan: (png: string | null) => void
}

/** Why these details may be recorded at all (PIPL art. 29 / art. 13): the resident's consent, or the statutory duty. */
export function ConsentStep({ householdId, basis, onBasis, standing, scanned, onScan }: Props) {
  const [photo, setPhoto] = useState<string | null>(null)
  const [preparing, setPreparing] = useState(false)
  const [photoError, setPhotoError] = useState<string | null>(null)
  const canvasId = `consent-scan-${householdId}`

  const pick = async () => {
    setPhotoError(null)
    const path = await choosePhotoOrSay(setPhotoError)
    if (!path) return
    setPhoto(path)
    onScan(null)
    setPreparing(true)
    try {
      onScan(await photoToPngDataUrl(path, `#${canvasId}`))
    } catch {
      setPhoto(null)
      setPhotoError('照片处理失败，请重新拍摄')
    } finally {
      setPreparing(false)
    }
  }

  return (
    <View className='screening-form__step screening-consent'>
      <Text className='field-label'>登记依据</Text>
      <View role='radiogroup' aria-label='登记依据' className='screening-bases'>
        {[LegalBasis.SeparateConsent, LegalBasis.StatutoryDuty].map((option) => {
          const on = basis === option
          return (
            <View
              key={option}
              className={`screening-basis screening-basis--${option.toLowerCase()} ${on ? 'screening-basis--on' : ''}`}
              data-basis={option}
              role='radio'
              {...pressable(() => onBasis(option), false, 'radio')}
              aria-checked={on}
              onClick={() => onBasis(option)}
            >
              <Text className='screening-basis__title'>{on ? `✓ ${BASIS_TITLE[option]}` : BASIS_TITLE[option]}</Text>
              <Text className='screening-basis__explain'>{BASIS_EXPLAIN[option]}</Text>
            </View>
          )
        })}
      </View>
      {basis === LegalBasis.SeparateConsent && standing?.kind === 'ONLINE' ? (
        <Text className='screening-consent-online'>{standing.givenAt ? `居民已于 ${formatDateTime(standing.givenAt)} 在小程序中同意` : '居民已在小程序中同意'}，不需要再拍同意书。</Text>
      ) : null}
      {basis === LegalBasis.SeparateConsent && standing?.kind !== 'ONLINE' ? (
        <View className='screening-consent-scan-step'>
          {standing?.kind === 'SCAN' ? (
            <Text className='screening-consent-online screening-consent-kept'>
              已存有居民签字的同意书{standing.givenAt ? `（${formatDateTime(standing.givenAt)}）` : ''}，保存时沿用；居民签了新的同意书时再重新拍摄。
            </Text>
          ) : (
            <Text className='text-body'>请居民在纸质同意书上签字，拍摄整张同意书，签名和日期要清楚。</Text>
          )}
          {/* weapp draws the photo on a hidden 2D canvas to turn it into a PNG. */}
          {process.env.TARO_ENV === 'h5' ? null : <Canvas id={canvasId} type='2d' className='scan-canvas' />}
          {photo ? <ScanImage src={photo} /> : scanned ? <Text className='screening-saved'>已拍摄同意书</Text> : null}
          <BigButton variant='secondary' className='screening-scan-choose' loading={preparing} onClick={() => void pick()}>
            {preparing ? '正在处理照片…' : photo || scanned || standing ? '重新拍摄同意书' : '拍照或上传签字的同意书'}
          </BigButton>
          <ErrorNotice message={photoError} className='screening-scan-error' />
        </View>
      ) : null}
    </View>
  )
}
