import { BigButton } from '../../../components/BigButton'
import type { ChosenFile } from '../../../api/upload'
import './roster.css'

interface Props {
  label: string
  busy: boolean
  onFile: (file: ChosenFile) => void
  /** Weapp: opens WeChat's chat-file picker. */
  onChooseWechat: () => void
}

/**
 * H5: the visible button is a label; the real file input lies over it, transparent and just as
 * large, so a click anywhere opens the file dialog and the input itself is a full-size tap target.
 */
export function RosterFilePicker({ label, busy, onFile, onChooseWechat }: Props) {
  if (process.env.TARO_ENV !== 'h5') {
    return (
      <BigButton className='roster-upload-button' loading={busy} onClick={onChooseWechat}>
        {busy ? '正在导入…' : label}
      </BigButton>
    )
  }
  return (
    <label className={`roster-upload-button roster-file-label big-button big-button--primary ${busy ? 'big-button--inactive' : ''}`}>
      <span>{busy ? '正在导入…' : label}</span>
      <input
        className='roster-file-input'
        type='file'
        accept='.csv,.xlsx'
        disabled={busy}
        onChange={(event) => {
          const input = event.currentTarget
          const file = input.files?.[0]
          // Cleared so that choosing the same (corrected) file again fires a change.
          input.value = ''
          if (file) onFile({ kind: 'browser', file, name: file.name })
        }}
      />
    </label>
  )
}
