import { Image, Text, View } from '@tarojs/components'
import type { Disclosure } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice, LoadingNotice } from '../../components/Notice'
import type { ReceiptEvidence } from '../../hooks/receipt'

/** The signed image as stored with the answer: what the resident signed, not a redrawing. */
function SignedImage({ image }: { image: NonNullable<ReceiptEvidence['image']> }) {
  const title = image.kind === 'signature' ? '您的签名' : '纸质申请书扫描件'
  return (
    <View className='receipt-signature'>
      <Text className='receipt-section-title'>{title}</Text>
      {image.src ? (
        <Image className='receipt-signature__image' src={image.src} mode='widthFix' nativeProps={{ alt: title }} />
      ) : image.error ? (
        <>
          <ErrorNotice message={`${title}暂时无法显示：${image.error}`} />
          <BigButton variant='secondary' className='receipt-signature-retry' onClick={() => void image.reload()}>
            重新加载
          </BigButton>
        </>
      ) : (
        <LoadingNotice text={`正在加载${title}…`} />
      )}
    </View>
  )
}

/** Each disclosure the answer acknowledged, in full, in the consultation's order. */
function AcknowledgedDisclosures({ disclosures, ids }: { disclosures: Disclosure[]; ids: string[] }) {
  const acknowledged = disclosures.filter((d) => ids.includes(d.id))
  return (
    <View className='receipt-disclosures'>
      <Text className='receipt-section-title'>您已阅读并确认的告知事项（{acknowledged.length}/{disclosures.length}）</Text>
      {acknowledged.length === 0 ? <Text className='text-body receipt-disclosures__none'>提交时没有勾选告知事项。</Text> : null}
      {acknowledged.map((disclosure, index) => (
        <View key={disclosure.id} className='receipt-disclosure' id={`receipt-disclosure-${disclosure.id}`}>
          <Text className='receipt-disclosure__mark'>✓</Text>
          <Text className='receipt-disclosure__text'>
            {index + 1}. {disclosure.text}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** Under the receipt: the signature and the acknowledged disclosures, as the server keeps them. */
export function ReceiptEvidenceCard({ disclosures, evidence }: { disclosures: Disclosure[]; evidence: ReceiptEvidence }) {
  const ids = evidence.acknowledgedDisclosureIds
  if (!evidence.image && disclosures.length === 0) return null
  return (
    <View className='card receipt-evidence-card'>
      {evidence.loading ? <LoadingNotice text='正在加载签名和告知记录…' /> : null}
      {evidence.error ? (
        <>
          <ErrorNotice message={`签名和告知记录暂时无法显示：${evidence.error}`} />
          <BigButton variant='secondary' className='receipt-evidence-retry' onClick={() => void evidence.reload()}>
            重新加载
          </BigButton>
        </>
      ) : null}
      {evidence.image ? <SignedImage image={evidence.image} /> : null}
      {ids && disclosures.length > 0 ? <AcknowledgedDisclosures disclosures={disclosures} ids={ids} /> : null}
    </View>
  )
}
