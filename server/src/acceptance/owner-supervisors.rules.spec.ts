import { supervisorListProblem } from './owner-supervisors.rules.js';

describe('supervisorListProblem', () => {
  it('allows none, one or two different households', () => {
    expect(supervisorListProblem([])).toBeNull();
    expect(supervisorListProblem(['a'])).toBeNull();
    expect(supervisorListProblem(['a', 'b'])).toBeNull();
  });

  it('refuses a third supervisor and a household named twice', () => {
    expect(supervisorListProblem(['a', 'b', 'c'])).toMatchObject({ code: 'TOO_MANY_SUPERVISORS' });
    expect(supervisorListProblem(['a', 'a'])).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
