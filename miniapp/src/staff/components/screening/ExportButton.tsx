import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { useScreeningExport } from '../../../hooks/screening'

export const EXPORT_WARNING = '表内含敏感个人信息，仅供居委会内部使用，请勿转发。导出会被记录。'

/** Where the file went: the browser saves it; WeChat opens it. */
export const exportDoneText = () =>
  process.env.TARO_ENV === 'h5' ? '摸排表已导出，保存在浏览器的下载文件夹' : '摸排表已导出，已在微信中打开'

/** The committee's XLSX: asked first (it holds each household's details), then said where it went. */
export function ExportButton({ compoundId, compoundName }: { compoundId: string; compoundName: string }) {
  const exporting = useScreeningExport(compoundId)
  const start = async () => {
    const { confirm } = await Taro.showModal({ title: '导出摸排表', content: EXPORT_WARNING, confirmText: '导出', cancelText: '取消' })
    if (confirm) await exporting.run(compoundName)
  }
  return (
    <View className='section screening-export'>
      <BigButton variant='secondary' className='screening-export-button' loading={exporting.downloading} onClick={() => void start()}>
        {exporting.downloading ? '正在导出…' : '导出摸排表'}
      </BigButton>
      <Text className='text-secondary'>表内含各户的具体情况，仅供居委会内部使用；导出会被记录。</Text>
      {exporting.done ? <Text className='screening-saved screening-export-done'>{exportDoneText()}</Text> : null}
      <ErrorNotice message={exporting.error} className='screening-export-error' />
    </View>
  )
}
