// The pages of this folder's screens (kept here, beside them, while lib/routes.ts is shared by every team).
export const STAFF_SURVEYS_ROUTE = '/staff/surveys/index'
export const STAFF_SURVEY_ROUTE = '/staff/survey/index'
