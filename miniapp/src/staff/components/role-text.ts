import { StaffRole } from '@linyi/shared'

export const ROLE_LABEL: Record<StaffRole, string> = {
  [StaffRole.Committee]: '社区居委会',
  [StaffRole.Street]: '街道办事处',
  [StaffRole.Contractor]: '施工单位',
  [StaffRole.Admin]: '系统管理员',
}

/** One line under the 工作台 title: what this role does here. */
export const ROLE_HINT: Record<StaffRole, string> = {
  [StaffRole.Committee]: '发起意见征询、导入住户名册、为住户生成邀请码，并跟进未答复的住户。',
  [StaffRole.Street]: '查看全街道的征询进度；需要时可代居委会办理，按钮上会注明“代居委会”。',
  [StaffRole.Contractor]: '查看负责小区的征询进度和加项申请（只读）。',
  [StaffRole.Admin]: '查看各街道的征询进度，管理工作人员账号；需要时可代居委会办理。',
}

/** What a role with no compound yet will see here, and who gives it one. */
export const NO_COMPOUND_YET: Record<StaffRole, string> = {
  [StaffRole.Committee]: '您的社区还没有小区。街道办事处录入小区后，小区会显示在这里，您就可以导入住户名册、发起征询。',
  [StaffRole.Street]: '您的街道还没有小区。系统管理员录入社区和小区后，会显示在这里。',
  [StaffRole.Contractor]: '还没有为您的账号指定小区。街道办事处为您指定负责的小区后，会显示在这里。',
  [StaffRole.Admin]: '系统中还没有小区。录入社区和小区后，会显示在这里。',
}

/** Said once above the households when the role sees owners' names masked and no phones (the roster's contacts are the committee's). */
export const CONTACTS_MASKED: Record<StaffRole, string> = {
  [StaffRole.Committee]: '',
  [StaffRole.Street]: '（街道账号不显示姓名电话）',
  [StaffRole.Contractor]: '',
  [StaffRole.Admin]: '（管理员账号不显示姓名电话）',
}

/** The short form, for lists and choice buttons. */
export const ROLE_SHORT: Record<StaffRole, string> = {
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
