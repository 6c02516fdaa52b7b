import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { privacyAgreedHere, withdrawPrivacyAgreement } from '../../api/wechat/privacy'
import { BigButton } from '../../components/BigButton'
import { LargeTypeSwitch } from '../../components/LargeTypeSwitch'
import { PrivacyAnswers } from '../../components/PrivacyDialog'
import { Screen } from '../../components/Screen'
import { PRIVACY_GUIDE, PRIVACY_GUIDE_TITLE, PRIVACY_GUIDE_UPDATED } from '../../lib/privacy-guide'
import { Routes, goBackOr } from '../../lib/routes'
import { usePrivacyAsked } from '../../store/privacy'
import './index.css'

/** H5 only: this browser's agreement, and a way to take it back (on WeChat, WeChat's settings do it). */
function BrowserAgreement() {
  const [agreed, setAgreed] = useState(privacyAgreedHere)
  if (process.env.TARO_ENV !== 'h5') return null
  if (!agreed) return <Text className='text-secondary privacy-guide__state'>本浏览器尚未同意本指引。</Text>
  return (
    <View className='privacy-guide__state'>
      <Text className='text-secondary'>本浏览器已同意本指引。</Text>
      <BigButton
        variant='secondary'
        className='privacy-guide__withdraw'
        onClick={() => {
          withdrawPrivacyAgreement()
          setAgreed(false)
        }}
      >
        撤回同意
      </BigButton>
    </View>
  )
}

export default function PrivacyGuidePage() {
  const asked = usePrivacyAsked()
  const wasAsked = useRef(asked)
  // Opened from the dialog: once answered here, back to the screen that asked.
  useEffect(() => {
    if (wasAsked.current && !asked) goBackOr(Routes.home)
    wasAsked.current = asked
  }, [asked])

  return (
    <Screen className='privacy-guide' privacyInline>
      <View className='page-header'>
        <Text className='page-title'>{PRIVACY_GUIDE_TITLE}</Text>
        <Text className='text-secondary'>更新日期：{PRIVACY_GUIDE_UPDATED}</Text>
      </View>
      <LargeTypeSwitch />
      {PRIVACY_GUIDE.map((section) => (
        <View key={section.heading} className='card privacy-guide__section'>
          <Text className='section-title'>{section.heading}</Text>
          {section.paragraphs.map((paragraph) => (
            <Text key={paragraph} className='privacy-guide__paragraph'>
              {paragraph}
            </Text>
          ))}
        </View>
      ))}
      {asked ? <PrivacyAnswers /> : <BrowserAgreement />}
    </Screen>
  )
}
