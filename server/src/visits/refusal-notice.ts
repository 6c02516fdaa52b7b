/** The written notice for a household whose refusal is final (seed 004 §三). */
export function refusalNoticeText(input: { compoundName: string; householdLabel: string; visits: number; communityName: string; date: Date }): string {
  const day = input.date.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
  return [
    `${input.compoundName}${input.householdLabel}户：`,
    `　　经街道、社区工作人员会同业主委员会先后 ${input.visits} 次上门沟通，您户仍不同意实施楼内上下水管线改造。`,
    '　　根据有关规定，涉及您户的楼内上下水管线改造将不予实施，且“十四五”期间政府不再安排资金对您户相关管线进行改造。',
    '　　如您改变意见，请尽快与社区居委会联系。',
    '　　特此告知。',
    `${input.communityName}居民委员会`,
    day,
  ].join('\n');
}
