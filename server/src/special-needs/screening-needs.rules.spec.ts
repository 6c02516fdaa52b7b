import { NeedCode } from '@linyi/shared';
import { OTHER_NEED_NOTE_MESSAGE, otherNeedProblem, storedNeeds } from './screening-needs.rules.js';

describe('screening needs', () => {
  it('splits the stored codes, none when null or empty', () => {
    expect(storedNeeds(`${NeedCode.ElderlyAlone},${NeedCode.MedicalWater}`)).toEqual([NeedCode.ElderlyAlone, NeedCode.MedicalWater]);
    expect(storedNeeds(null)).toEqual([]);
    expect(storedNeeds('')).toEqual([]);
  });

  it('asks for a note when "other" is the only need', () => {
    expect(otherNeedProblem([NeedCode.Other], null)).toBe(OTHER_NEED_NOTE_MESSAGE);
    expect(otherNeedProblem([NeedCode.Other], '  ')).toBe(OTHER_NEED_NOTE_MESSAGE);
    expect(otherNeedProblem([NeedCode.Other], '家里有两个婴儿')).toBeNull();
    expect(otherNeedProblem([NeedCode.Other, NeedCode.Mobility], null)).toBeNull();
    expect(otherNeedProblem([NeedCode.Mobility], null)).toBeNull();
  });
});
