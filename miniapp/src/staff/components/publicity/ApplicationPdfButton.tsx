import { StaffAction } from '@linyi/shared'
import type { StaffView } from '@linyi/shared'
import { openApplicationPdf } from '../../../api/records-staff'
import { canDo } from '../../../hooks/staff-session'
import { PrintButton } from './PrintButton'

interface Props {
  profile: StaffView | null
  consultationId: string
  householdId: string
  householdLabel: string
}

/** 打印申请书: the household's written answer as signed, for the file (only roles that may print records). */
export function ApplicationPdfButton({ profile, consultationId, householdId, householdLabel }: Props) {
  if (!canDo(profile, StaffAction.PrintRecords)) return null
  return (
    <PrintButton
      text='打印申请书'
      noun='书面申请'
      variant='link'
      className='application-pdf'
      open={() => openApplicationPdf(consultationId, householdId, householdLabel)}
    />
  )
}
