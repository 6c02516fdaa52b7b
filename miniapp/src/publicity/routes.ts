/** The resident screens of the publicity subpackage (issues 12 and 14); app.config.ts lists the same pages. */
export const PublicityRoutes = {
  /** `?consultationId=`; without it, the list of published results. */
  result: '/publicity/result/index',
  /** `?compoundId=`; without it, a choice of my compounds. */
  boards: '/publicity/boards/index',
  complaints: '/publicity/complaints/index',
  /** `?surveyId=&householdId=`; without them, the list of my surveys. */
  survey: '/publicity/survey/index',
  /** `?compoundId=`; without it, my only compound or a choice of mine (issue 14). */
  plan: '/publicity/plan/index',
} as const
