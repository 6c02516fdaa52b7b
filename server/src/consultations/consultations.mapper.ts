import type { ConsultationOption, ConsultationView, GroupView } from '@linyi/shared';
import type { ConsultationGroup } from './consultation-group.entity.js';
import type { Consultation } from './consultation.entity.js';

export function toConsultationView(c: Consultation): ConsultationView {
  return {
    id: c.id,
    compoundId: c.compoundId,
    kind: c.kind,
    title: c.title,
    body: c.body,
    rule: c.rule,
    groupBy: c.groupBy,
    options: c.options,
    disclosures: c.disclosures,
    opensAt: c.opensAt.toISOString(),
    deadline: c.deadline.toISOString(),
    status: c.status,
    unitIds: c.unitIds,
    turnoutPercent: c.turnoutPercent,
    ownersOnly: Boolean(c.ownersOnly),
    visitsBeforeFinal: c.visitsBeforeFinal,
    textSha256: c.textSha256,
    createdAt: c.createdAt.toISOString(),
    publishedAt: c.publishedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
  };
}

/** Votes per option in the consultation's option order, 0 for an option nobody chose. */
export function optionTally(options: ConsultationOption[], votes: Map<string, number> | undefined): NonNullable<GroupView['optionVotes']> {
  return options.map((option) => ({ optionId: option.id, votes: votes?.get(option.id) ?? 0 }));
}

export function toGroupView(group: ConsultationGroup, unpaidUpgrades = 0, optionVotes?: GroupView['optionVotes']): GroupView {
  return {
    groupId: group.placeId,
    label: group.label,
    households: group.households,
    responded: group.responded,
    agreed: group.agreed,
    refused: group.refused,
    abstained: group.abstained,
    pending: group.households - group.responded,
    state: group.state,
    reason: group.reason,
    leadingOptionId: group.leadingOptionId,
    unpaidUpgrades,
    missing: group.missing,
    ...(optionVotes ? { optionVotes } : {}),
  };
}
