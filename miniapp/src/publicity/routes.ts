/** The resident screens of the publicity subpackage (issue 12); app.config.ts lists the same pages. */
export const PublicityRoutes = {
  /** `?consultationId=`; without it, the list of published results. */
  result: '/publicity/result/index',
  /** `?compoundId=`; without it, a choice of my compounds. */
  boards: '/publicity/boards/index',
  complaints: '/publicity/complaints/index',
  /** `?surveyId=&householdId=`; without them, the list of my surveys. */
  survey: '/publicity/survey/index',
} as const
