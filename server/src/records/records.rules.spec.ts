import { boardsSha256, refusalNoticeKey, sha256Hex } from './records.rules.js';

const boards = { materials: [{ name: '给水管', maker: '甲厂', testReport: 'R1' }], parties: [{ role: '施工单位', organisation: '乙公司', person: '张工', phone: '13800001111' }], complaintPhone: '010-64001234' };

describe('records rules', () => {
  it('hashes text as UTF-8', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('changes the board hash when anything posted changes, including the order of rows', () => {
    const base = boardsSha256(boards);
    expect(boardsSha256(structuredClone(boards))).toBe(base);
    expect(boardsSha256({ ...boards, complaintPhone: null })).not.toBe(base);
    expect(boardsSha256({ ...boards, parties: [{ ...boards.parties[0], phone: '13800001112' }] })).not.toBe(base);
    const two = { ...boards, materials: [...boards.materials, { name: '阀门', maker: '丙厂', testReport: '' }] };
    expect(boardsSha256({ ...two, materials: [...two.materials].reverse() })).not.toBe(boardsSha256(two));
    // Fields never run into each other: moving text between two fields is a different board.
    expect(boardsSha256({ ...boards, materials: [{ name: '给水管甲', maker: '厂', testReport: 'R1' }] })).not.toBe(base);
  });

  it('keys one delivery per notice and household', () => {
    expect(refusalNoticeKey('n1', 'h1')).toBe('refusal-notice:n1:h1');
    expect(refusalNoticeKey('n1', 'h1')).not.toBe(refusalNoticeKey('n1', 'h2'));
  });
});
