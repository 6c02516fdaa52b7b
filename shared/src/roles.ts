/** Staff roles; each has a scope of one place type (see API.md, Sign-in). */
export enum StaffRole {
  Committee = 'COMMITTEE',
  Street = 'STREET',
  Contractor = 'CONTRACTOR',
  Admin = 'ADMIN',
}

export enum ScopeType {
  Community = 'COMMUNITY',
  StreetOffice = 'STREET_OFFICE',
  Compound = 'COMPOUND',
  All = 'ALL',
}

export const SCOPE_OF_ROLE: Record<StaffRole, ScopeType> = {
  [StaffRole.Committee]: ScopeType.Community,
  [StaffRole.Street]: ScopeType.StreetOffice,
  [StaffRole.Contractor]: ScopeType.Compound,
  [StaffRole.Admin]: ScopeType.All,
};

export enum ResidentRole {
  Owner = 'OWNER',
  Tenant = 'TENANT',
}
