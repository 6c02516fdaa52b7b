import { Text, View } from '@tarojs/components'
import type { PdfOpened } from '../../../api/files'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { usePdfPrint } from '../../../hooks/publicity-staff'
import './publicity.css'

const openedText = (noun: string): Record<PdfOpened, string> => ({
  tab: `${noun}已在新的浏览器窗口打开，请在那里打印。`,
  saved: `浏览器没有允许打开新窗口，${noun}已保存到下载文件夹，请打开后打印。`,
  wechat: `${noun}已在微信中打开，可转发到电脑上打印。`,
})

interface Props {
  /** The button's words, e.g. 打印公告. */
  text: string
  /** What the PDF is, said in the outcome line: 公告, 申请书, 告知书. */
  noun: string
  /** The button's class; its outcome lines get `<className>-done` and `<className>-error`. */
  className: string
  variant?: 'primary' | 'secondary' | 'link'
  open: () => Promise<PdfOpened>
}

/** A printable PDF: opened with the staff token, and where it went said in words. */
export function PrintButton({ text, noun, className, variant = 'secondary', open }: Props) {
  const pdf = usePdfPrint(open)
  return (
    <View className='publicity-print'>
      <BigButton variant={variant} className={className} loading={pdf.opening} onClick={() => void pdf.print()}>
        {pdf.opening ? '正在打开…' : text}
      </BigButton>
      {pdf.opened ? (
        <View role='status'>
          <Text className={`publicity-print__done ${className}-done`}>{openedText(noun)[pdf.opened]}</Text>
        </View>
      ) : null}
      <ErrorNotice message={pdf.error} className={`${className}-error`} />
    </View>
  )
}
