// The issue-12 staff pages this part links to (lib/routes.ts is shared by every helper: these stay here until merged there).
export const PublicityRoutes = {
  staffPublicity: '/staff/publicity/index',
  staffBoards: '/staff/boards/index',
  staffComplaints: '/staff/complaints/index',
  staffSurveys: '/staff/surveys/index',
} as const
