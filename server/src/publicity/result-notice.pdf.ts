import { DecisionRule, PUBLICITY_GROUP_STATE_LABELS, PUBLICITY_STAGE_LABELS, PublicityStage, type ConsultationOption, type PublicityGroup } from '@linyi/shared';
import { renderPdf } from '../documents/pdf-document.js';
import { beijingDate, beijingTime } from './publicity-texts.js';

/** What the notice-board result notice says; the service gathers it, this file lays it out. */
export interface ResultNoticeContent {
  stage: PublicityStage.Preliminary | PublicityStage.Final;
  communityName: string;
  compoundName: string;
  consultationTitle: string;
  rule: DecisionRule;
  options: ConsultationOption[];
  deadline: Date;
  preliminaryAt: Date;
  objectionClosesAt: Date;
  groups: PublicityGroup[];
  snapshotSha256: string;
  objections: { total: number; upheld: number };
  issuedAt: Date;
}

const RULE_TEXT: Record<DecisionRule, string> = {
  [DecisionRule.Unanimous]: '本范围内全体住户同意',
  [DecisionRule.CivilCodeMajor]: '《民法典》第二百七十八条：参与表决的专有部分面积和人数均达四分之三以上同意',
  [DecisionRule.CivilCodeOrdinary]: '《民法典》第二百七十八条：参与表决的专有部分面积和人数均过半数同意',
  [DecisionRule.Plurality]: '得票最多的方案（参与率达到要求）',
};

const area = (m2: number) => `${m2.toFixed(2)} 平方米`;

function groupLines(group: PublicityGroup, options: ConsultationOption[]): Array<[string, string]> {
  const lines: Array<[string, string]> = [
    ['结果', PUBLICITY_GROUP_STATE_LABELS[group.state]],
    ['户数', `共 ${group.households} 户；同意 ${group.agreed} 户，不同意 ${group.refused} 户，弃权 ${group.abstained} 户，未表态 ${group.noAnswer} 户`],
    ['面积', `共 ${area(group.areaM2.total)}；同意 ${area(group.areaM2.agreed)}，不同意 ${area(group.areaM2.refused)}，弃权 ${area(group.areaM2.abstained)}，未表态 ${area(group.areaM2.noAnswer)}`],
  ];
  if (group.optionVotes?.length) {
    const title = (id: string) => options.find((o) => o.id === id)?.title ?? id;
    lines.push(['方案得票', group.optionVotes.map((v) => `${title(v.optionId)} ${v.votes} 票`).join('，')]);
  }
  return lines;
}

/**
 * The result notice for the notice board (公告): per group the result and the counts by households
 * and by area, the objection window or the objections answered, and the snapshot's SHA-256. No
 * list of households: each household's entry is on the screen, by room label only.
 */
export function renderResultNotice(content: ResultNoticeContent): Promise<Buffer> {
  const heading = PUBLICITY_STAGE_LABELS[content.stage];
  return renderPdf({ title: `${heading} ${content.compoundName} ${content.consultationTitle}`, subject: content.consultationTitle, createdAt: content.issuedAt }, (pdf) => {
    pdf.title(heading);
    pdf.subtitle(`${content.communityName} ${content.compoundName}`);
    pdf.paragraph(`“${content.consultationTitle}”已于${beijingTime(content.deadline)}截止征询。按照“${RULE_TEXT[content.rule]}”的规则统计，${content.stage === PublicityStage.Final ? '最终结果' : '初步统计结果'}如下。`);

    for (const group of content.groups) {
      pdf.heading(group.label);
      pdf.fields(groupLines(group, content.options));
    }

    if (content.stage === PublicityStage.Preliminary) {
      pdf.heading('异议期（询异公示）');
      pdf.paragraph(`自${beijingTime(content.preliminaryAt)}起至${beijingTime(content.objectionClosesAt)}止。对本公示中任何一户的统计结果有异议的，请在此期间通过“邻议”小程序提出，或向社区居委会书面反映。异议期满、异议全部答复后公示最终结果。`);
    } else {
      pdf.heading('异议处理情况');
      pdf.paragraph(`初步统计结果于${beijingTime(content.preliminaryAt)}公示，异议期至${beijingTime(content.objectionClosesAt)}止，共收到异议 ${content.objections.total} 条，均已答复，其中异议成立 ${content.objections.upheld} 条。`);
    }

    pdf.space(0.3);
    pdf.note('各户的统计结果（仅显示房号和表态类别，不显示姓名和电话）可在“邻议”小程序中查看。');
    pdf.note(`本公示数据的 SHA-256 校验值：${content.snapshotSha256}`);
    pdf.space(0.3);
    pdf.paragraph(`${content.communityName}居民委员会　${beijingDate(content.issuedAt)}`, { align: 'right' });
  });
}
