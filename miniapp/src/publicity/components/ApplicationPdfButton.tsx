import { ConsultationKind } from '@linyi/shared'
import { openApplicationPdf } from '../../api/records-resident'
import { PdfButton } from './PdfButton'

interface Props {
  consultationId: string
  kind: ConsultationKind
  householdId: string
}

/** On an answered consultation: the written answer as signed, to print or keep (打印申请书). */
export function ApplicationPdfButton({ consultationId, kind, householdId }: Props) {
  if (!householdId) return null
  const name = kind === ConsultationKind.PlumbingApplication ? '申请书' : '书面意见'
  return <PdfButton name={name} label={`打印${name}（PDF）`} className='application-pdf' open={() => openApplicationPdf(consultationId, householdId)} />
}
