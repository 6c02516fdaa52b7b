// The issue-14 staff page (lib/routes.ts is in the main package: staff-only routes stay in the subpackage).
export const PIPELINE_ROUTE = '/staff/pipeline/index'
