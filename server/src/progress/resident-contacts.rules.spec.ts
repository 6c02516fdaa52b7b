import { StaffRole } from '@linyi/shared';
import { contactsFor, maskedName } from './resident-contacts.rules.js';

describe('resident contacts outside the committee', () => {
  it('keeps the first character of a name and masks each other one', () => {
    expect(maskedName('王小明')).toBe('王**');
    expect(maskedName('欧阳娜娜')).toBe('欧***');
    expect(maskedName('李')).toBe('李');
    expect(maskedName(' 张三 ')).toBe('张*');
    expect(maskedName('')).toBe('');
    // A rare character outside the BMP counts as one character, not two.
    expect(maskedName('𠮷田')).toBe('𠮷*');
  });

  it('shows the committee the whole roster and everyone else the masked name and no phone', () => {
    const row = { householdId: 'h1', ownerName: '王小明', phone: '13800000000' };
    expect(contactsFor(StaffRole.Committee, row)).toEqual(row);
    for (const role of [StaffRole.Street, StaffRole.Admin, StaffRole.Contractor]) {
      expect(contactsFor(role, row)).toEqual({ householdId: 'h1', ownerName: '王**', phone: null });
    }
  });
});
