import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import { useCrewExport } from '../../../hooks/works-staff'

export const CREW_EXPORT_WARNING = '表内含各户的联系电话和照顾说明，仅供施工和入户动员使用，请勿转发。'

const doneText = () => (process.env.TARO_ENV === 'h5' ? '入户名单已导出，保存在浏览器的下载文件夹' : '入户名单已导出，已在微信中打开')

/** The crew list as an Excel workbook for the site office: asked first, then said where it went. */
export function CrewExportButton({ planId, planTitle }: { planId: string; planTitle: string }) {
  const exporting = useCrewExport(planId)
  const start = async () => {
    const { confirm } = await Taro.showModal({ title: '导出入户名单', content: CREW_EXPORT_WARNING, confirmText: '导出', cancelText: '取消' })
    if (confirm) await exporting.run(planTitle)
  }
  return (
    <View className='section works-crew-export'>
      <BigButton variant='secondary' className='works-crew-export-button' loading={exporting.submitting} onClick={() => void start()}>
        {exporting.submitting ? '正在导出…' : '导出入户名单（Excel）'}
      </BigButton>
      {exporting.done ? <Text className='works-saved works-crew-export-done'>{doneText()}</Text> : null}
      <ErrorNotice message={exporting.error} className='works-crew-export-error' />
    </View>
  )
}
