import type { INestApplicationContext } from '@nestjs/common';
import { ComplaintTopic, type BoardsRequest } from '@linyi/shared';
import { DataSource } from 'typeorm';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { BoardsService } from '../records/boards.service.js';
import { demoPlacesOf, demoResidentByOpenid, demoStaffActor } from './demo-actors.js';
import { demoPhotoPng } from './demo-acceptance.js';
import { DemoClock, onDemoClock } from './demo-on-clock.js';

/** 光明里小区's boards as the contractor posted them (seed 000 §五(六), 002 §五(五)3, 004 §六); the supervisors come from issue 11. */
export const DEMO_BOARDS: BoardsRequest = {
  materials: [
    { name: '给水管（PP-R，dn25）', maker: '华北塑料管业有限公司', testReport: '出厂检验报告 HB-PPR-2025-0817（北京市建设工程质量第三检测所）' },
    { name: '排水立管（PVC-U 静音管，dn110）', maker: '燕山管道科技有限公司', testReport: '出厂检验报告 YS-PVC-2025-1203（国家化学建筑材料测试中心）' },
    { name: '管根防水涂料（单组分聚氨酯）', maker: '京燕防水材料有限公司', testReport: '出厂检验报告 JF-FS-2025-0456（北京市建筑材料质量监督检验站）' },
  ],
  parties: [
    { role: '建设单位', organisation: '和平里街道办事处', person: '张立新', phone: '010-64001100' },
    { role: '设计单位', organisation: '京华建筑设计院有限公司', person: '孙文华', phone: '010-64002200' },
    { role: '施工单位', organisation: '光明里施工队（安居建设工程有限公司）', person: '赵永军', phone: '13910002233' },
    { role: '监理单位', organisation: '正信工程监理有限公司', person: '钱海燕', phone: '010-64003300' },
  ],
  complaintPhone: '010-64008800',
};

/** Filed five days ago by 1号楼2单元201, with a photo, not answered yet: the committee's queue shows its age. */
export const DEMO_OPEN_COMPLAINT = { room: ['1号楼', '2单元', '201'] as const, daysAgo: 5, topic: ComplaintTopic.Works, text: '施工队把拆下来的旧管子堆在一楼楼道里三天了，老人进出不方便，晚上也看不清，请尽快清运。' };
/** Filed nine days ago by 1号楼1单元302 about the plan, answered by the committee two days later. */
export const DEMO_REPLIED_COMPLAINT = {
  room: ['1号楼', '1单元', '302'] as const,
  daysAgo: 9,
  topic: ComplaintTopic.Plan,
  text: '我家老人下个月要做手术，在家休养，希望我们单元的入户施工能避开下个月。',
  reply: '已记录您家的情况。1号楼1单元还差一户提交申请，排期时会避开您家提出的时间，并提前一周通知；如有变化请拨打居委会电话。',
  repliedDaysAgo: 7,
};

/** The boards of 光明里小区 and two complaints there: one answered, one open and waiting. */
export async function seedDemoBoards(app: INestApplicationContext, now: Date): Promise<void> {
  const dataSource = app.get(DataSource);
  const place = await demoPlacesOf(dataSource, '光明里小区');
  await app.get(BoardsService).replace(await demoStaffActor(dataSource, 'contractor-demo'), place.compoundId, DEMO_BOARDS);

  const clock = new DemoClock(now);
  const complaints = onDemoClock(app, ComplaintsService, clock);
  const committee = await demoStaffActor(dataSource, 'committee-demo');
  // Both households answered the plumbing application: their owners are bound (demo-consultations.ts).
  const ownerOf = (householdId: string) => demoResidentByOpenid(dataSource, `demo-owner-${householdId}`);

  const replied = place.household(...DEMO_REPLIED_COMPLAINT.room);
  clock.at(DEMO_REPLIED_COMPLAINT.daysAgo);
  const filed = await complaints.file(await ownerOf(replied), { householdId: replied, topic: DEMO_REPLIED_COMPLAINT.topic, text: DEMO_REPLIED_COMPLAINT.text });
  clock.at(DEMO_REPLIED_COMPLAINT.repliedDaysAgo);
  await complaints.reply(committee, filed.id, { reply: DEMO_REPLIED_COMPLAINT.reply });

  const open = place.household(...DEMO_OPEN_COMPLAINT.room);
  clock.at(DEMO_OPEN_COMPLAINT.daysAgo);
  await complaints.file(await ownerOf(open), { householdId: open, topic: DEMO_OPEN_COMPLAINT.topic, text: DEMO_OPEN_COMPLAINT.text, photo: demoPhotoPng(99) });
}
