import { Text, View } from '@tarojs/components'
import type { PdfOpened } from '../../api/files'
import { BigButton } from '../../components/BigButton'
import { ErrorNotice } from '../../components/Notice'
import { usePdfOpener } from '../../hooks/records-resident'

interface Props {
  /** What the PDF is, in the words said after it opened: 申请书, 告知书, 公告. */
  name: string
  label: string
  className: string
  open: () => Promise<PdfOpened>
}

/** A button that opens a printable PDF, and says where it went or why it could not. */
export function PdfButton({ name, label, className, open }: Props) {
  const pdf = usePdfOpener(name, open)
  return (
    <View className={`publicity-pdf ${className}`}>
      <BigButton variant='secondary' className={`${className}__button`} loading={pdf.opening} onClick={() => void pdf.open()}>
        {pdf.opening ? '正在下载…' : label}
      </BigButton>
      {pdf.outcome ? (
        <View role='status'>
          <Text className='text-body publicity-pdf__outcome'>{pdf.outcome}</Text>
        </View>
      ) : null}
      <ErrorNotice message={pdf.problem} className={`${className}__error`} />
    </View>
  )
}
