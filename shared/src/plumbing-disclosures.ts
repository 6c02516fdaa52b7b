import type { Disclosure } from './consultation-api.js';

/**
 * What a household is told, and acknowledges, before applying for in-building pipe replacement
 * (seed 004 §三; DOMAIN rule 2). Used when a PLUMBING_APPLICATION is created without its own texts.
 */
export const PLUMBING_DISCLOSURES: Disclosure[] = [
  { id: 'content', text: '改造内容及基本恢复标准：更换楼内上下水立管及入户支管，施工破坏的墙面、地面按基本恢复标准恢复（超出部分由住户自费）。' },
  { id: 'duties', text: '住户配合义务：按约定时间在家或委托他人开门，腾挪管线周边物品，配合入户施工和分户验收。' },
  { id: 'duration', text: '施工工期及影响因素：单户入户施工一般为 1 至 3 天，受天气、管线实际状况及住户配合情况影响可能顺延。' },
  { id: 'water-cut', text: '停水及排水方式：施工期间分段停水、停止排水，提前张贴停水通知并在小程序内告知。' },
  { id: 'temporary', text: '临时供水及排水安排：施工期间在楼门口设置临时供水点，并提供临时排水措施。' },
  { id: 'emergency', text: '应急措施：施工期间如发生漏水、堵塞等情况，请立即拨打施工单位应急电话，施工单位 30 分钟内到场处置。' },
];
