import { endpoints } from './endpoints'
import { call } from './http'

// Street dashboard and drill-down (street and admin staff; the drill-down also for the committee).

/** The street offices the caller may watch: a street account its own, an admin all of them. */
export const fetchStreetOffices = () => call(endpoints.streetOffices)

export const fetchStreetStatus = (streetOfficeId: string) => call(endpoints.streetStatus, { params: { streetOfficeId } })

export const fetchConsultationTrend = (consultationId: string) => call(endpoints.consultationTrend, { params: { consultationId } })

/** Building → unit → households with the answer class only (no names, no phones). */
export const fetchConsultationHouseholds = (consultationId: string) => call(endpoints.consultationHouseholds, { params: { consultationId } })

// Groups (now with `missing` and `optionVotes`): `fetchConsultationGroups` in ./consultations, written once.
