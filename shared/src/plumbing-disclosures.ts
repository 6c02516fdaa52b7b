import type { Disclosure } from './consultation-api.js';

/** Where residents find the line when the compound has not recorded one: the material board must show it (004 §六). */
const PHONE_ON_SITE_BOARD = '（号码见施工现场“主要材料公示牌”上的公开电话）';

/**
 * What a household is told, and acknowledges, before applying for in-building pipe replacement: the
 * six items of seed 004 §三 (DOMAIN rule 2), worded without promises the seed does not make. The
 * emergency item names the contractor's emergency line from the compound's settings, when known.
 */
export function plumbingDisclosures(emergencyPhone: string | null): Disclosure[] {
  const phone = emergencyPhone?.trim();
  return [
    {
      id: 'content',
      text: '改造内容及基本恢复标准：改造楼内共用上下水管线，施工涉及的墙面、地面等按本区公开的基本恢复标准恢复。需要超出基本恢复标准的，由设计单位优化设计并告知费用，资金不足部分由住户出资补齐，原则上在住户出资后再按优化方案施工。',
    },
    {
      id: 'duties',
      text: '住户配合改造义务：按施工单位提前告知的入户时间和施工工序安排，在家或委托他人开门，腾挪管线周边物品，配合入户施工。',
    },
    {
      id: 'duration',
      text: '施工工期及影响因素：施工单位将科学安排工序、尽可能缩短工期；工期受管线实际状况、住户配合情况等因素影响，具体入户时间提前告知。',
    },
    {
      id: 'water-cut',
      text: '停水及排水影响：改造期间将影响上水供应和生活污水排放，具体停水、停止排水的时间和范围提前张贴通知告知。',
    },
    {
      id: 'temporary',
      text: '临时供水及排水安排：停水、停止排水期间提供临时供水和生活污水应急措施，具体地点和方式随停水通知一并告知。',
    },
    {
      id: 'emergency',
      text: `应急措施：施工期间如出现漏水、上水压力不足、下水管线堵塞等情况，请立即拨打施工单位应急电话${phone ? ` ${phone}` : PHONE_ON_SITE_BOARD}，由施工单位及时处置。`,
    },
  ];
}

/** The texts a PLUMBING_APPLICATION gets when it is created without its own (no emergency line known). */
export const PLUMBING_DISCLOSURES: Disclosure[] = plumbingDisclosures(null);
