import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { formatDateTime } from '../../lib/format'
import { consentParagraphs } from '../screening.rules'

interface Props {
  /** The server's text (it states the retention the server applies; the hook sends its version back). */
  text: string
  submitting: boolean
  error: string | null
  onAgree: () => void
}

/** The separate consent (PIPL art. 29): its own card, its full text, its own tap, nothing ticked in advance. */
export function ScreeningConsentCard({ text, submitting, error, onAgree }: Props) {
  return (
    <View className='card screening-consent' id='screening-consent'>
      <Text className='screening-card-title'>是否同意登记您家的特殊情况</Text>
      {consentParagraphs(text).map((paragraph) => (
        <Text key={paragraph} className='text-body screening-consent__paragraph'>
          {paragraph}
        </Text>
      ))}
      <ErrorNotice message={error} className='screening-consent__error' />
      <BigButton id='screening-consent-agree' className='screening-consent-agree' loading={submitting} onClick={onAgree}>
        我同意登记我家的特殊情况
      </BigButton>
    </View>
  )
}

/** The resident's standing online consent, and when it was given. */
export function ConsentGiven({ at }: { at: string }) {
  return (
    <View className='card screening-consent-given'>
      <Text className='screening-card-title'>您的同意</Text>
      <Text className='text-body'>您已于 {formatDateTime(at)} 在小程序中同意登记您家的特殊情况。</Text>
    </View>
  )
}
