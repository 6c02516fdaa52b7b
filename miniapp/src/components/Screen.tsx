import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useLargeType } from '../store/large-type'
import { BackBar, useBackBar } from './BackBar'
import { PrivacyDialog } from './PrivacyDialog'

interface Props {
  className?: string
  /** A page with nothing to go back to; by default the resident home and the staff home are. */
  root?: boolean
  /** The privacy guide offers the answers inline instead of covering itself with the dialog. */
  privacyInline?: boolean
}

/**
 * The root of every page: carries the large-type class that the whole stylesheet keys on, on H5 a back
 * bar, and the privacy dialog, which WeChat wants on whichever page asked for a privacy interface.
 */
export function Screen({ children, className = '', root, privacyInline }: PropsWithChildren<Props>) {
  const [largeType] = useLargeType()
  const back = useBackBar(root)
  return (
    <View
      // H5: the page is the document's main landmark, so screen readers (and axe's region rule) find it.
      {...(process.env.TARO_ENV === 'h5' ? { role: 'main' } : {})}
      className={`screen ${largeType ? 'large-type' : 'normal-type'} ${back.shown ? 'screen--with-back' : ''} ${className}`}>
      {back.shown ? <BackBar fallback={back.fallback} /> : null}
      {children}
      {privacyInline ? null : <PrivacyDialog />}
    </View>
  )
}
