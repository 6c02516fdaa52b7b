import { StaffRole } from './roles.js';
import { StaffAction, actsForCommittee, can, rolesFor } from './staff-actions.js';

describe('staff actions', () => {
  // The boards of materials and responsible parties are the contractor's to post (seed 000 §五(六)).
  it('keeps contractors to what a crew needs', () => {
    const allowed = Object.values(StaffAction).filter((action) => can(StaffRole.Contractor, action));
    expect(allowed.sort()).toEqual([StaffAction.EditBoards, StaffAction.ViewBoards, StaffAction.InspectWorks, StaffAction.ManageWorks, StaffAction.QuoteUpgrade, StaffAction.ViewCompounds, StaffAction.ViewCrewList, StaffAction.ViewProgress, StaffAction.ViewScreeningCounts, StaffAction.ViewUpgrades, StaffAction.ViewWorks, StaffAction.ViewPipeline].sort());
  });

  it('gives staff accounts and the street dashboard to street and admin staff only', () => {
    for (const action of [StaffAction.ManageStaffAccounts, StaffAction.ViewStreetDashboard]) {
      expect(rolesFor(action).sort()).toEqual([StaffRole.Admin, StaffRole.Street].sort());
    }
  });

  it('labels committee work done by street staff, never the committee itself', () => {
    expect(actsForCommittee(StaffRole.Street, StaffAction.IssueInviteCode)).toBe(true);
    expect(actsForCommittee(StaffRole.Committee, StaffAction.IssueInviteCode)).toBe(false);
    expect(actsForCommittee(StaffRole.Contractor, StaffAction.IssueInviteCode)).toBe(false);
    expect(actsForCommittee(StaffRole.Street, StaffAction.ViewStreetDashboard)).toBe(false);
  });

  it('shows owners’ names and phones to the committee that keeps the roster, and to no one else', () => {
    expect(rolesFor(StaffAction.ViewResidentContacts)).toEqual([StaffRole.Committee]);
    expect(actsForCommittee(StaffRole.Street, StaffAction.ViewResidentContacts)).toBe(false);
  });

  it('keeps screening records to the committee and the street office, never admin or contractor', () => {
    for (const role of [StaffRole.Admin, StaffRole.Contractor]) {
      expect(can(role, StaffAction.ScreenHouseholds)).toBe(false);
      expect(can(role, StaffAction.ExportScreening)).toBe(false);
      expect(can(role, StaffAction.ViewSensitiveAccessLog)).toBe(false);
    }
    expect(rolesFor(StaffAction.ExportScreening)).toEqual([StaffRole.Committee]);
    expect(rolesFor(StaffAction.ViewSensitiveAccessLog)).toEqual([StaffRole.Street]);
  });
});
