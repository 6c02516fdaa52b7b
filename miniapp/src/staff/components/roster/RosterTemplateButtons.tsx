import { View } from '@tarojs/components'
import { BigButton } from '../../../components/BigButton'
import { ErrorNotice } from '../../../components/Notice'
import type { RosterTemplateFormat } from '../../../api/roster'

interface Props {
  downloading: RosterTemplateFormat | null
  error: string | null
  onDownload: (format: RosterTemplateFormat) => void
}

/** The empty roster with its header row; WeChat cannot open a CSV, so weapp offers only Excel. */
export function RosterTemplateButtons({ downloading, error, onDownload }: Props) {
  const formats: RosterTemplateFormat[] = process.env.TARO_ENV === 'h5' ? ['xlsx', 'csv'] : ['xlsx']
  return (
    <View className='roster-templates'>
      {formats.map((format) => (
        <BigButton
          key={format}
          variant='secondary'
          className={`roster-template-${format}`}
          loading={downloading !== null}
          onClick={() => onDownload(format)}
        >
          {downloading === format ? '正在下载…' : format === 'xlsx' ? '下载模板（Excel）' : '下载模板（CSV）'}
        </BigButton>
      ))}
      <ErrorNotice message={error} className='roster-template-error' />
    </View>
  )
}
