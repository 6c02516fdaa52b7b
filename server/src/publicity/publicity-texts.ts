import { COMPOUND_TIME_ZONE_LABEL, PUBLICITY_GROUP_STATE_LABELS, shanghaiClock, shanghaiParts, type GroupState } from '@linyi/shared';

/** 「2026年3月9日 10:00（北京时间）」 */
export function beijingTime(at: Date): string {
  const p = shanghaiParts(at);
  return `${p.year}年${p.month}月${p.day}日 ${shanghaiClock(at)}（${COMPOUND_TIME_ZONE_LABEL}）`;
}

/** 「2026年3月9日」 in Beijing time. */
export function beijingDate(at: Date): string {
  const p = shanghaiParts(at);
  return `${p.year}年${p.month}月${p.day}日`;
}

const ownGroup = (groupLabel: string, state: GroupState) => `您家所在的${groupLabel}：${PUBLICITY_GROUP_STATE_LABELS[state]}。`;

/** What each household is told when a result is published; short enough for an SMS, times in Beijing time. */
export const publicityReminderTexts = {
  preliminary: (consultationTitle: string, groupLabel: string, state: GroupState, closesAt: Date) => ({
    title: '初步统计结果公示',
    body: `“${consultationTitle}”初步统计结果已公示。${ownGroup(groupLabel, state)}请在“邻议”中查看各户统计结果；如有异议，请在${beijingTime(closesAt)}前提出。`,
  }),
  final: (consultationTitle: string, groupLabel: string, state: GroupState) => ({
    title: '结果公示',
    body: `“${consultationTitle}”异议期已结束，最终结果已公示。${ownGroup(groupLabel, state)}详情请在“邻议”中查看。`,
  }),
};
