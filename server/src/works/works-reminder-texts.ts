import { windowSpanText, workDayText } from '@linyi/shared';
import type { WorkPlan } from './work-plan.entity.js';

const stepsLine = (plan: WorkPlan) => plan.steps.map((step, i) => `${i + 1}.${step.title}`).join(' → ');

/** The words residents receive about in-home works; short enough for SMS, every time in Beijing time. */
export const worksReminderTexts = {
  announced: (plan: WorkPlan, unitLabel: string, firstStart: Date, lastEnd: Date) => ({
    title: '入户施工通知',
    body: [
      `${unitLabel}将于${workDayText(firstStart)}至${workDayText(lastEnd)}（北京时间）入户施工：“${plan.title}”。`,
      `施工顺序：${stepsLine(plan)}。`,
      plan.waterCut ? `停水：${plan.waterCut}` : '',
      '请在“邻议”中预约您家方便的施工时段，施工当天请家中留人或把钥匙交给居委会。',
    ].filter(Boolean).join('\n'),
  }),
  tomorrow: (plan: WorkPlan, startsAt: Date, endsAt: Date) => ({
    title: '明天入户施工',
    body: `“${plan.title}”将于${windowSpanText(startsAt, endsAt)}（北京时间）到您家施工，请家中留人并提前储水。${plan.waterCut ? `停水：${plan.waterCut}` : ''}`,
  }),
  booking: (plan: WorkPlan, lastCloseAt: Date) => ({
    title: '请预约入户施工时段',
    body: `“${plan.title}”即将入户施工，您家尚未预约时段。请在${workDayText(lastCloseAt)}前在“邻议”中预约，或联系社区居委会代为预约。`,
  }),
};
