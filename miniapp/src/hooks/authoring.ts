import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ConsultationKind, type DecisionRule } from '@linyi/shared'
import type { ConsultationView, CreateConsultationRequest } from '@linyi/shared'
import { ApiError, readableError } from '../api/errors'
import { compoundSettings, createConsultation, publishConsultation, updateCompoundSettings } from '../api/authoring'
import {
  newDraft,
  parseStoredDraft,
  serverErrorFields,
  storedDraft,
  withEmergencyPhone,
  withKind,
  withRule,
  type ConsultationDraft,
  type DraftErrors,
} from '../lib/consultation-draft'
import { useAsync } from './use-async'
import { useSubmission } from './use-submission'


/** The compound's emergency line (for the plumbing disclosures), and saving it from the form. */
export function useEmergencyPhone(compoundId: string) {
  const settings = useAsync(() => compoundSettings(compoundId))
  const [saved, setSaved] = useState<{ phone: string | null } | null>(null)
  const saving = useSubmission(async (phone: string) => {
    const updated = await updateCompoundSettings(compoundId, { emergencyPhone: phone.trim() })
    setSaved({ phone: updated.emergencyPhone })
  })
  const phone = saved ? saved.phone : (settings.data?.emergencyPhone ?? null)
  return { phone, loading: settings.loading, loadError: settings.error, save: saving.run, saving: saving.submitting, saveError: saving.error }
}

const draftKey = (compoundId: string) => `linyi.authorDraft.${compoundId}`

function readStored(compoundId: string): ConsultationDraft | null {
  try {
    return parseStoredDraft(Taro.getStorageSync(draftKey(compoundId)))
  } catch {
    return null
  }
}

/**
 * The consultation being written, kept in Taro storage per compound so that a reload or a phone
 * call does not lose the typing. The emergency item follows the compound's phone once it is known.
 */
export function useConsultationDraft(compoundId: string, emergencyPhone: string | null) {
  const [restored] = useState(() => readStored(compoundId))
  const [draft, setDraft] = useState<ConsultationDraft>(() => restored ?? newDraft(ConsultationKind.PlumbingApplication, new Date(), null))
  const phoneInDraft = useRef<string | null>(null)

  useEffect(() => {
    if (emergencyPhone === phoneInDraft.current) return
    const previous = phoneInDraft.current
    phoneInDraft.current = emergencyPhone
    setDraft((current) => withEmergencyPhone(current, previous, emergencyPhone))
  }, [emergencyPhone])

  useEffect(() => {
    try {
      Taro.setStorageSync(draftKey(compoundId), storedDraft(draft))
    } catch {
      // Storage full (large photos): the draft still lives on this screen.
    }
  }, [compoundId, draft])

  const update = useCallback((changes: Partial<ConsultationDraft>) => setDraft((current) => ({ ...current, ...changes })), [])
  const setRule = useCallback((rule: DecisionRule) => setDraft((current) => withRule(current, rule)), [])
  const setKind = useCallback((kind: ConsultationKind) => setDraft((current) => withKind(current, kind, phoneInDraft.current)), [])
  const startOver = useCallback(() => setDraft(newDraft(ConsultationKind.PlumbingApplication, new Date(), phoneInDraft.current)), [])
  const forget = useCallback(() => {
    try {
      Taro.removeStorageSync(draftKey(compoundId))
    } catch {
      // Nothing kept.
    }
  }, [compoundId])

  return { draft, update, setKind, setRule, startOver, forget, restored: restored !== null }
}

export interface PublicationState {
  busy: boolean
  /** Shown at the top of the form. */
  error: string | null
  /** Server 400 messages placed next to the fields they name. */
  fieldErrors: DraftErrors
}

/**
 * Create (DRAFT) then publish. A draft created for this exact request is not created again when only
 * publishing failed: the retry publishes it.
 */
export function usePublication() {
  const [state, setState] = useState<PublicationState>({ busy: false, error: null, fieldErrors: {} })
  const created = useRef<{ key: string; id: string } | null>(null)

  /** `backToForm`: the server named fields to fix, shown next to them in the form. */
  const publish = useCallback(async (request: CreateConsultationRequest, draftKeyText: string): Promise<{ published: ConsultationView | null; backToForm: boolean }> => {
    setState({ busy: true, error: null, fieldErrors: {} })
    let id = created.current?.key === draftKeyText ? created.current.id : null
    if (!id) {
      try {
        id = (await createConsultation(request)).id
        created.current = { key: draftKeyText, id }
      } catch (e) {
        if (e instanceof ApiError && e.statusCode === 400) {
          const { fields, general } = serverErrorFields(e.message)
          setState({ busy: false, error: general ?? '请按标红的提示修改后再发布', fieldErrors: fields })
          return { published: null, backToForm: true }
        }
        setState({ busy: false, error: readableError(e), fieldErrors: {} })
        return { published: null, backToForm: false }
      }
    }
    try {
      const published = await publishConsultation(id)
      setState({ busy: false, error: null, fieldErrors: {} })
      return { published, backToForm: false }
    } catch (e) {
      setState({ busy: false, error: `征询已保存为草稿，但没有发布成功：${readableError(e)}`, fieldErrors: {} })
      return { published: null, backToForm: false }
    }
  }, [])

  const clearErrors = useCallback(() => setState((s) => (s.error || Object.keys(s.fieldErrors).length ? { ...s, error: null, fieldErrors: {} } : s)), [])

  return { ...state, publish, clearErrors }
}
