import { PLUMBING_DISCLOSURES, plumbingDisclosures } from './plumbing-disclosures.js';

describe('plumbing disclosures (seed 004 §三)', () => {
  it('tells every item §三 requires, each under its own stable id', () => {
    const texts = plumbingDisclosures('010-12345678').map((d) => d.text);
    // 改造内容和恢复标准, 配合改造义务, 改造时限及影响因素, 影响上水供应和生活污水排放, 临时供水和生活污水应急措施.
    for (const topic of ['改造内容', '基本恢复标准', '配合改造义务', '工期', '影响因素', '上水供应', '生活污水排放', '临时供水', '应急']) {
      expect(texts.some((text) => text.includes(topic))).toBe(true);
    }
    expect(plumbingDisclosures(null).map((d) => d.id)).toEqual(['content', 'duties', 'duration', 'water-cut', 'temporary', 'emergency']);
  });

  it('names the compound’s emergency line in the emergency item, and only there', () => {
    const disclosures = plumbingDisclosures(' 010-12345678 ');
    const withPhone = disclosures.filter((d) => d.text.includes('010-12345678'));
    expect(withPhone.map((d) => d.id)).toEqual(['emergency']);
    expect(withPhone[0].text).toContain('应急电话 010-12345678，');
  });

  it('points to the site board when the compound has no emergency line yet', () => {
    for (const missing of [null, '', '  ']) {
      const emergency = plumbingDisclosures(missing).find((d) => d.id === 'emergency')!;
      expect(emergency.text).toContain('主要材料公示牌');
      expect(emergency.text).not.toMatch(/应急电话 /);
    }
  });

  it('keeps the server’s default equal to the list without a phone', () => {
    expect(PLUMBING_DISCLOSURES).toEqual(plumbingDisclosures(null));
  });

  it('stays within the server’s limits (id pattern, 1–2000 characters)', () => {
    for (const d of plumbingDisclosures('13800000000')) {
      expect(d.id).toMatch(/^[\w-]{1,64}$/);
      expect(d.text.length).toBeGreaterThan(0);
      expect(d.text.length).toBeLessThanOrEqual(2000);
    }
  });
});
