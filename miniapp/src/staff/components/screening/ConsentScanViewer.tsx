import { View } from '@tarojs/components'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { useConsentScan } from '../../../hooks/screening'
import { ScanImage } from './ScanImage'

/** The signed consent form, fetched only on a tap: looking at it is a read the street office sees. */
export function ConsentScanViewer({ householdId }: { householdId: string }) {
  const scan = useConsentScan(householdId)
  return (
    <View className='screening-consent-scan'>
      {scan.source ? (
        <ScanImage src={scan.source} />
      ) : (
        <BigButton variant='secondary' className='screening-consent-scan__show' loading={scan.show.submitting} onClick={() => void scan.show.run()}>
          {scan.show.submitting ? '正在打开…' : '查看同意书扫描件（查看会被记录）'}
        </BigButton>
      )}
      <ErrorNotice message={scan.show.error} />
    </View>
  )
}
