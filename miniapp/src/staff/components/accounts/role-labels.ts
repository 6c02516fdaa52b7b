import { StaffRole } from '@linyi/shared'

export const ROLE_LABEL: Record<StaffRole, string> = {
  [StaffRole.Committee]: '居委会',
  [StaffRole.Street]: '街道',
  [StaffRole.Contractor]: '施工单位',
  [StaffRole.Admin]: '管理员',
}

/** What a role's scope is called, for "选择社区" and the like. */
export const SCOPE_NOUN: Record<StaffRole, string> = {
  [StaffRole.Committee]: '社区',
  [StaffRole.Street]: '街道办事处',
  [StaffRole.Contractor]: '小区',
  [StaffRole.Admin]: '范围',
}
