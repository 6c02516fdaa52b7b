/** The demo district: one street office, two communities, three compounds, ~600 households. */
export const DEMO_PASSWORD = 'linyi-demo';

export interface DemoCompound {
  name: string;
  address: string;
  /** The contractor's emergency line (printed in the plumbing disclosures). */
  emergencyPhone: string;
  /** Buildings × units per building × floors × flats per floor landing. */
  buildings: number;
  unitsPerBuilding: number;
  floors: number;
  flatsPerFloor: number;
}

export const DEMO_STREET_OFFICE = '和平里街道办事处';

export const DEMO_COMMUNITIES: Array<{ name: string; compounds: DemoCompound[] }> = [
  {
    name: '光明社区',
    compounds: [
      { name: '光明里小区', address: '光明里1号', emergencyPhone: '010-64001234', buildings: 5, unitsPerBuilding: 3, floors: 6, flatsPerFloor: 2 },
      { name: '幸福苑小区', address: '幸福路18号', emergencyPhone: '010-64005678', buildings: 8, unitsPerBuilding: 2, floors: 6, flatsPerFloor: 2 },
    ],
  },
  {
    name: '红星社区',
    compounds: [{ name: '红星小区', address: '红星路7号', emergencyPhone: '400-800-6699', buildings: 7, unitsPerBuilding: 3, floors: 6, flatsPerFloor: 2 }],
  },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['建国', '秀英', '桂兰', '玉兰', '淑珍', '国强', '志强', '丽华', '红梅', '德明', '永军', '海燕', '凤英', '文华', '建华', '明', '静', '伟', '芳', '军', '洁', '敏', '勇', '磊'];

/** Deterministic pseudo-random names, phones and areas, so demo screenshots are stable. */
export function demoOwner(index: number) {
  const surname = SURNAMES[(index * 7) % SURNAMES.length];
  const given = GIVEN[(index * 13) % GIVEN.length];
  const phone = `139${String(10000000 + ((index * 7919) % 89999999)).padStart(8, '0')}`;
  const areaM2 = 45 + ((index * 37) % 46) + ((index * 11) % 10) / 10;
  return { ownerName: surname + given, phone, areaM2 };
}
