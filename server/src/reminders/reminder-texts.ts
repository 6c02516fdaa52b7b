import type { Consultation } from '../consultations/consultation.entity.js';

const day = (date: Date) => date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** The words residents receive; short enough for a subscribe message, plain enough for SMS. */
export const reminderTexts = {
  opened: (c: Consultation) => ({ title: '新的意见征询', body: `“${c.title}”已开始，请在${day(c.deadline)}前在“邻议”中填写。` }),
  deadline: (c: Consultation, daysLeft: number) => ({
    title: daysLeft <= 1 ? '意见征询明天截止' : `意见征询${daysLeft}天后截止`,
    body: `“${c.title}”将于${day(c.deadline)}截止，您家尚未填写。如有疑问请联系社区居委会。`,
  }),
  nudge: (c: Consultation) => ({ title: '社区提醒您填写意见', body: `“${c.title}”将于${day(c.deadline)}截止，社区工作人员提醒您尽快填写。` }),
  reached: (c: Consultation, label: string) => ({ title: '本单元已达成一致', body: `“${c.title}”：${label}已全部完成，后续施工安排将另行通知。` }),
  digest: (c: Consultation, lines: string[], missing: number) => ({
    title: `每日待沟通名单：${missing}户`,
    body: [`“${c.title}”尚有 ${missing} 户未答复：`, ...lines].join('\n'),
  }),
};
