import { useCallback, useRef, useState } from 'react'
import { fetchCompounds, readableError } from '../api'
import { downloadRosterTemplate, uploadRoster, type RosterOutcome, type RosterTemplateFormat } from '../api/roster'
import { chooseWechatFile, type ChosenFile } from '../api/upload'
import { useAsync } from './use-async'

export type RosterUploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; fileName: string }
  | { phase: 'done'; fileName: string; outcome: RosterOutcome }
  | { phase: 'failed'; fileName: string; message: string }

export const ROSTER_EXTENSIONS = ['csv', 'xlsx']

/** One roster upload at a time; a newer upload's answer replaces an older one's. */
export function useRosterUpload(compoundId: string) {
  const [state, setState] = useState<RosterUploadState>({ phase: 'idle' })
  const latest = useRef(0)

  const upload = useCallback(
    async (file: ChosenFile) => {
      const ticket = ++latest.current
      setState({ phase: 'uploading', fileName: file.name })
      try {
        const outcome = await uploadRoster(compoundId, file)
        if (ticket === latest.current) setState({ phase: 'done', fileName: file.name, outcome })
      } catch (error) {
        if (ticket === latest.current) setState({ phase: 'failed', fileName: file.name, message: readableError(error) })
      }
    },
    [compoundId],
  )

  /** Weapp: pick from a WeChat chat, then upload. */
  const chooseAndUpload = useCallback(async () => {
    try {
      const file = await chooseWechatFile(ROSTER_EXTENSIONS)
      if (file) await upload(file)
    } catch (error) {
      setState({ phase: 'failed', fileName: '', message: readableError(error) })
    }
  }, [upload])

  return { state, upload, chooseAndUpload }
}

export function useRosterTemplate() {
  const [downloading, setDownloading] = useState<RosterTemplateFormat | null>(null)
  const [error, setError] = useState<string | null>(null)
  const download = useCallback(async (format: RosterTemplateFormat) => {
    setDownloading(format)
    setError(null)
    try {
      await downloadRosterTemplate(format)
    } catch (e) {
      setError(readableError(e))
    } finally {
      setDownloading(null)
    }
  }, [])
  return { downloading, error, download }
}

/** The compound among the caller's compounds, or null when it is not in the caller's scope. */
export const useCompoundInScope = (compoundId: string) =>
  useAsync(async () => (await fetchCompounds()).find((compound) => compound.id === compoundId) ?? null)
