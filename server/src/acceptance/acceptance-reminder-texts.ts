import { workDayText } from '@linyi/shared';

/** The words a household receives about accepting the works; short enough for SMS, dates in Beijing time. */
export const acceptanceReminderTexts = {
  due: (planTitle: string, householdLabel: string) => ({
    title: '入户施工已检测合格，请验收',
    body: `“${planTitle}”：您家（${householdLabel}）的入户施工已检测合格，请在“邻议”小程序上查看检测结果并签字验收；如有问题，也可在小程序里写明，施工单位会来整改。`,
  }),
  again: (planTitle: string, householdLabel: string, passedAt: Date) => ({
    title: '请验收入户施工',
    body: `“${planTitle}”：您家（${householdLabel}）的入户施工已于${workDayText(passedAt)}检测合格，尚未验收。请在“邻议”小程序上查看检测结果并签字验收，不方便使用手机可联系社区居委会上门办理纸质验收。`,
  }),
};
