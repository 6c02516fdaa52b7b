import { OwnersOrganisationKind, PipelineGate, PipelineStage } from '@linyi/shared';
import type { BodyContext, Control, MatrixEntry, ScopedEntry } from './authz-entries.js';
import { BY_ROLE, NOT_THEIRS, OUT_OF_SCOPE, victimCompound, type Refusals } from './authz-refusals.js';

/**
 * Matrix entries of the renovation pipeline (issue 14); spread into MATRIX. Read by residents bound
 * in the compound (the stage and the notice only) and by ViewPipeline staff (every role); moved and
 * its gates recorded by ManagePipeline (street only). Residents refused by role 403 on the writes,
 * staff outside the role 403, staff of another scope and residents not bound 404.
 * Victim: 幸福苑小区 as the demo seeds it, at RESERVE with its notice issued, the owners' organisation
 * recorded, the property-service agreement and the illegal structures unmet, no fund pledge required.
 * The wrong residents are bound there, so the reads take `residentCompoundId` (红星小区 for them).
 */
/** Residents bound in the compound; every staff role (ViewPipeline). */
const PIPELINE_READ: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: OUT_OF_SCOPE, street: OUT_OF_SCOPE, contractor: OUT_OF_SCOPE };
/** ManagePipeline: street only. */
const PIPELINE_MANAGE: Refusals = { resident: BY_ROLE, tenant: BY_ROLE, committee: BY_ROLE, street: OUT_OF_SCOPE, contractor: BY_ROLE };

/** The reads: the wrong residents' `residentCompoundId` is one they are not bound in; the victim compound they read. */
const READ: Omit<ScopedEntry, 'controls'> = {
  kind: 'scoped',
  params: { compoundId: 'residentCompoundId' },
  expect: PIPELINE_READ,
  variants: [victimCompound(PIPELINE_READ, 'a resident bound in the compound reads its stage and advance notice (seed 004 §四)', 'the notice is for every household, tenants included')],
};

/** `ResidentPipelineView`: what a resident of the compound receives, and nothing of the gates or the history. */
const RESIDENT_FIELDS = ['compoundId', 'compoundName', 'stage', 'since', 'notice'];
const STAFF_READERS: Control[] = [
  { as: 'committee', status: [200] },
  { as: 'street', status: [200] },
  { as: 'contractor', status: [200], why: "the victim compound's contractor (ViewPipeline)" },
];
const NOT_STREET: Control = { as: 'committee', status: [403], why: 'ManagePipeline is the street office alone' };

const NOTE = '街道城管科现场核查';
/** FUND_PLEDGE takes `required`, ILLEGAL_STRUCTURES_CLEARED `met`: the same facts the demo recorded, so the gates stay as they are. */
const gateBody = ({ id }: BodyContext) => (id('gate') === PipelineGate.FundPledge ? { required: false, note: NOTE } : { met: false, note: NOTE });

export const PIPELINE_ENTRIES: Record<string, MatrixEntry> = {
  'GET /api/compounds/{compoundId}/pipeline': {
    ...READ,
    controls: [
      { as: 'owner', status: [200], fields: RESIDENT_FIELDS },
      { as: 'supervisor', status: [200], fields: RESIDENT_FIELDS, why: 'another bound household of the compound' },
      ...STAFF_READERS,
    ],
  },
  // The refused move and a move out of the reserve and back: the compound ends at RESERVE, its notice issued once.
  'POST /api/compounds/{compoundId}/pipeline': {
    kind: 'scoped',
    params: { compoundId: 'compoundId' },
    body: () => ({ stage: PipelineStage.AnnualPlan, note: '申请列入年度计划' }),
    expect: PIPELINE_MANAGE,
    controls: [
      { as: 'street', status: [409], code: 'PIPELINE_GATES_UNMET', why: 'the property-service agreement and the illegal structures are unmet; after the scope checks' },
      NOT_STREET,
      { as: 'street', status: [200], body: () => ({ stage: PipelineStage.None, note: '暂缓' }), why: 'out of the reserve' },
      { as: 'street', status: [200], body: () => ({ stage: PipelineStage.Reserve }), why: 'back in: the notice is not issued again' },
    ],
  },
  'PUT /api/compounds/{compoundId}/owners-organisation': {
    kind: 'scoped',
    params: { compoundId: 'compoundId' },
    body: () => ({ kind: OwnersOrganisationKind.PropertyManagementCommittee, name: '幸福苑小区物业管理委员会', formedOn: '2026-05-20' }),
    expect: PIPELINE_MANAGE,
    controls: [{ as: 'street', status: [200] }, NOT_STREET],
  },
  'PUT /api/compounds/{compoundId}/gates/{gate}': {
    kind: 'scoped',
    params: { compoundId: 'compoundId', gate: 'gate' },
    body: gateBody,
    expect: PIPELINE_MANAGE,
    variants: [
      { name: 'the other gate recorded by hand', remap: { gate: 'pledgeGate' }, expect: PIPELINE_MANAGE },
      // Scope comes before what the gate accepts: out of scope it is 404, never the 400 a gate that follows its records gives.
      { name: 'a gate that follows its records', remap: { gate: 'recordsGate' }, expect: PIPELINE_MANAGE },
    ],
    controls: [
      { as: 'street', status: [200] },
      { as: 'street', status: [200], remap: { gate: 'pledgeGate' } },
      { as: 'street', status: [400], code: 'GATE_NOT_RECORDED_BY_HAND', remap: { gate: 'recordsGate' }, why: 'the owners organisation has its own route' },
      { as: 'street', status: [404], code: 'NOT_FOUND', remap: { gate: 'unknownGate' }, why: 'no such gate' },
      NOT_STREET,
    ],
  },
  'GET /api/compounds/{compoundId}/pipeline/notice.pdf': {
    ...READ,
    controls: [{ as: 'owner', status: [200] }, ...STAFF_READERS],
  },
};
