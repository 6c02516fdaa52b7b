import { ConsultationStatus, DecisionRule, GroupBy, GroupState } from './consultation.js';
import {
  agreementReached,
  excludedBuildings,
  gateViews,
  moveRefusal,
  OwnersOrganisationKind,
  PipelineGate,
  PipelineStage,
  unmetGates,
  worksRefusal,
  type ConsultationOutcome,
  type GateFacts,
  type WindowGuardOutcome,
} from './pipeline.js';

const reached: ConsultationOutcome = { id: 'c1', title: '物业服务征询', rule: DecisionRule.CivilCodeOrdinary, groupBy: GroupBy.Compound, status: ConsultationStatus.Closed, deadline: '2026-10-01T10:00:00Z', groupStates: [GroupState.Reached] };
const allMet: GateFacts = {
  ownersOrganisation: { kind: OwnersOrganisationKind.OwnersCommittee, name: '业委会', formedOn: '2026-01-01' },
  propertyService: [reached],
  fundPledgeRequired: false,
  fundPledge: [],
  illegalStructures: { met: true, note: '已拆除', recordedBy: '张科长', recordedAt: '2026-10-02T02:00:00Z' },
};
const unmetNames = (facts: GateFacts) => unmetGates(gateViews(facts)).map((g) => g.gate);
const works = { publishedWorks: false, completion: { units: 0, acceptedUnits: 0, offered: false } };

describe('the gates before the year\'s plan', () => {
  it('are all met when each is shown, a fund pledge not required counting as met', () => {
    expect(unmetNames(allMet)).toEqual([]);
    expect(gateViews(allMet).find((g) => g.gate === PipelineGate.FundPledge)).toMatchObject({ met: true, required: false });
  });

  it('names each gate that is missing, one at a time', () => {
    expect(unmetNames({ ...allMet, ownersOrganisation: null })).toEqual([PipelineGate.OwnersOrganisation]);
    expect(unmetNames({ ...allMet, propertyService: [] })).toEqual([PipelineGate.PropertyServiceAgreement]);
    expect(unmetNames({ ...allMet, fundPledgeRequired: true })).toEqual([PipelineGate.FundPledge]);
    expect(unmetNames({ ...allMet, illegalStructures: null })).toEqual([PipelineGate.IllegalStructuresCleared]);
    expect(unmetNames({ ...allMet, illegalStructures: { ...allMet.illegalStructures!, met: false } })).toEqual([PipelineGate.IllegalStructuresCleared]);
  });

  it('count an owners\' agreement only when the whole compound decided by a Civil Code rule and the round is closed', () => {
    expect(agreementReached(reached)).toBe(true);
    expect(agreementReached({ ...reached, status: ConsultationStatus.Open })).toBe(false);
    expect(agreementReached({ ...reached, rule: DecisionRule.Plurality })).toBe(false);
    expect(agreementReached({ ...reached, groupBy: GroupBy.Building, groupStates: [GroupState.Reached, GroupState.Reached] })).toBe(false);
    expect(agreementReached({ ...reached, groupStates: [GroupState.Failed] })).toBe(false);
    expect(agreementReached({ ...reached, groupStates: [] })).toBe(false);
  });

  it('take a reached round over a later failed one, and say an open one is still running', () => {
    const later = { ...reached, id: 'c2', deadline: '2026-11-01T10:00:00Z', groupStates: [GroupState.Failed] };
    expect(gateViews({ ...allMet, propertyService: [later, reached] })[1]).toMatchObject({ met: true, consultationId: 'c1' });
    const open = { ...reached, id: 'c3', status: ConsultationStatus.Open, groupStates: [GroupState.Pending] };
    expect(gateViews({ ...allMet, propertyService: [open] })[1]).toMatchObject({ met: false, consultationId: 'c3', detail: expect.stringContaining('正在征询') });
  });
});

describe('buildings left out of the year\'s plan', () => {
  const guard = (o: Partial<WindowGuardOutcome>): WindowGuardOutcome => ({ buildingId: 'b2', buildingName: '2号楼', consultationId: 'g1', title: '拆除护栏征询', groupLabel: '2号楼', state: GroupState.Failed, deadline: '2026-09-01T10:00:00Z', ...o });

  it('are those whose latest decided window-guard consent failed, with the reason', () => {
    expect(excludedBuildings([guard({})])).toEqual([{ buildingId: 'b2', name: '2号楼', consultationId: 'g1', reason: expect.stringContaining('不列入年度改造计划') }]);
    expect(excludedBuildings([guard({}), guard({ consultationId: 'g2', state: GroupState.Reached, deadline: '2026-10-01T10:00:00Z' })])).toEqual([]);
    expect(excludedBuildings([guard({ state: GroupState.Pending })])).toEqual([]);
  });

  it('include a building when one of its units failed in the same round', () => {
    expect(excludedBuildings([guard({ state: GroupState.Reached, groupLabel: '2号楼1单元' }), guard({ groupLabel: '2号楼2单元' })]).map((b) => b.reason)).toEqual([expect.stringContaining('2号楼2单元')]);
  });
});

describe('moving a compound along the pipeline', () => {
  const none = { unmet: [], ...works };

  it('goes forward one step at a time, and back only out of the reserve or out of the plan before works are published', () => {
    expect(moveRefusal(PipelineStage.None, PipelineStage.Reserve, none)).toBeNull();
    expect(moveRefusal(PipelineStage.None, PipelineStage.AnnualPlan, none)?.code).toBe('PIPELINE_MOVE_NOT_ALLOWED');
    expect(moveRefusal(PipelineStage.Reserve, PipelineStage.None, none)).toBeNull();
    expect(moveRefusal(PipelineStage.AnnualPlan, PipelineStage.Reserve, none)).toBeNull();
    expect(moveRefusal(PipelineStage.AnnualPlan, PipelineStage.Reserve, { ...none, publishedWorks: true })?.code).toBe('PIPELINE_WORKS_PUBLISHED');
    expect(moveRefusal(PipelineStage.InWorks, PipelineStage.AnnualPlan, none)?.code).toBe('PIPELINE_MOVE_NOT_ALLOWED');
    expect(moveRefusal(PipelineStage.Reserve, PipelineStage.Reserve, none)?.code).toBe('PIPELINE_SAME_STAGE');
  });

  it('refuses the year\'s plan naming every unmet gate', () => {
    const unmet = unmetGates(gateViews({ ...allMet, ownersOrganisation: null, illegalStructures: null }));
    const refusal = moveRefusal(PipelineStage.Reserve, PipelineStage.AnnualPlan, { ...none, unmet });
    expect(refusal).toMatchObject({ code: 'PIPELINE_GATES_UNMET', gates: unmet });
    expect(refusal?.message).toContain('业主组织已成立、违法建设已清理');
  });

  it('needs published works for IN_WORKS and every unit accepted for COMPLETED', () => {
    expect(moveRefusal(PipelineStage.AnnualPlan, PipelineStage.InWorks, none)?.code).toBe('PIPELINE_NO_WORKS');
    expect(moveRefusal(PipelineStage.AnnualPlan, PipelineStage.InWorks, { ...none, publishedWorks: true })).toBeNull();
    const half = { publishedWorks: true, completion: { units: 2, acceptedUnits: 1, offered: false } };
    expect(moveRefusal(PipelineStage.InWorks, PipelineStage.Completed, { unmet: [], ...half })?.message).toContain('还有 1 个单元');
    expect(moveRefusal(PipelineStage.InWorks, PipelineStage.Completed, { unmet: [], publishedWorks: true, completion: { units: 2, acceptedUnits: 2, offered: true } })).toBeNull();
  });
});

describe('works and the pipeline', () => {
  it('wait for the year\'s plan and never reach an excluded building', () => {
    expect(worksRefusal(PipelineStage.None, [])?.code).toBe('PIPELINE_NOT_IN_PLAN');
    expect(worksRefusal(PipelineStage.Reserve, [])?.code).toBe('PIPELINE_NOT_IN_PLAN');
    expect(worksRefusal(PipelineStage.AnnualPlan, [])).toBeNull();
    expect(worksRefusal(PipelineStage.InWorks, ['2号楼'])).toMatchObject({ code: 'BUILDING_EXCLUDED', message: expect.stringContaining('2号楼') });
  });
});
