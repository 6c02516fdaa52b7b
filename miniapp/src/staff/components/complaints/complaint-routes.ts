// The pages of this folder's screens (kept here, beside them, while lib/routes.ts is shared by every team).
export const STAFF_COMPLAINTS_ROUTE = '/staff/complaints/index'
export const STAFF_STREET_COMPLAINTS_ROUTE = '/staff/street-complaints/index'
