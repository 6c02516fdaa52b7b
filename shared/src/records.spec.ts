import { CONTACT_PHONE_HINT } from './contact-phone.js';
import { BOARD_LIMITS, boardsProblem, normalizeBoards, type BoardsRequest } from './records.js';

const material = { name: 'PP-R 给水管', maker: '某某管业有限公司', testReport: 'JC2025-0131 某市建材检测中心' };
const party = { role: '施工单位', organisation: '某某建设工程有限公司', person: '张工', phone: '138 0000 1111' };
const boards = (over: Partial<BoardsRequest> = {}): BoardsRequest => normalizeBoards({ materials: [material], parties: [party], complaintPhone: '０１０－６４００１２３４', ...over });

describe('the publicity boards of a compound', () => {
  it('trims what was typed and writes phones one way; an empty complaint phone is none', () => {
    expect(boards()).toEqual({ materials: [material], parties: [{ ...party, phone: '13800001111' }], complaintPhone: '010-64001234' });
    expect(normalizeBoards({ materials: [{ name: ' 阀门 ', maker: ' 厂 ', testReport: ' ' }], parties: [{ ...party, person: ' ', phone: ' ' }], complaintPhone: '  ' })).toEqual({
      materials: [{ name: '阀门', maker: '厂', testReport: '' }],
      parties: [{ ...party, person: '', phone: '' }],
      complaintPhone: null,
    });
  });

  it('accepts complete boards, empty boards, and a party or test report left blank where it may be', () => {
    expect(boardsProblem(boards())).toBeNull();
    expect(boardsProblem(boards({ materials: [], parties: [], complaintPhone: null }))).toBeNull();
    expect(boardsProblem(boards({ materials: [{ ...material, testReport: '' }], parties: [{ ...party, person: '', phone: '' }] }))).toBeNull();
  });

  it('names the row and the field that is missing or too long', () => {
    expect(boardsProblem(boards({ materials: [material, { ...material, name: '' }] }))).toBe('第 2 种材料：请填写材料名称');
    expect(boardsProblem(boards({ materials: [{ ...material, maker: '' }] }))).toBe('第 1 种材料（PP-R 给水管）：请填写生产厂家');
    expect(boardsProblem(boards({ materials: [{ ...material, testReport: '报'.repeat(BOARD_LIMITS.testReport + 1) }] }))).toBe(`第 1 种材料：出厂检验报告最多 ${BOARD_LIMITS.testReport} 个字`);
    expect(boardsProblem(boards({ materials: [{ ...material, testReport: '报'.repeat(BOARD_LIMITS.testReport) }] }))).toBeNull();
    expect(boardsProblem(boards({ parties: [{ ...party, role: '' }] }))).toBe('第 1 个责任单位：请填写单位类别，如 施工单位');
    expect(boardsProblem(boards({ parties: [{ ...party, organisation: '' }] }))).toBe('第 1 个责任单位（施工单位）：请填写单位名称');
    expect(boardsProblem(boards({ parties: [{ ...party, person: '张'.repeat(BOARD_LIMITS.text + 1) }] }))).toBe(`第 1 个责任单位：负责人最多 ${BOARD_LIMITS.text} 个字`);
  });

  it('counts characters, not UTF-16 units: a name of rare characters at the limit passes', () => {
    expect(boardsProblem(boards({ materials: [{ ...material, name: '𠀀'.repeat(BOARD_LIMITS.text) }] }))).toBeNull();
    expect(boardsProblem(boards({ materials: [{ ...material, name: '𠀀'.repeat(BOARD_LIMITS.text + 1) }] }))).toBe(`第 1 种材料：材料名称最多 ${BOARD_LIMITS.text} 个字`);
  });

  it('refuses a phone that cannot be called, with the hint', () => {
    expect(boardsProblem(boards({ parties: [{ ...party, phone: '110' }] }))).toBe(`第 1 个责任单位（某某建设工程有限公司）的联系电话有误：${CONTACT_PHONE_HINT}`);
    expect(boardsProblem(boards({ complaintPhone: '打给居委会' }))).toBe(`投诉电话有误：${CONTACT_PHONE_HINT}`);
  });

  it('bounds the number of rows', () => {
    expect(boardsProblem(boards({ materials: Array(BOARD_LIMITS.materials).fill(material) }))).toBeNull();
    expect(boardsProblem(boards({ materials: Array(BOARD_LIMITS.materials + 1).fill(material) }))).toBe(`材料最多 ${BOARD_LIMITS.materials} 种（现有 ${BOARD_LIMITS.materials + 1} 种）`);
    expect(boardsProblem(boards({ parties: Array(BOARD_LIMITS.parties + 1).fill(party) }))).toBe(`责任单位最多 ${BOARD_LIMITS.parties} 个（现有 ${BOARD_LIMITS.parties + 1} 个）`);
  });
});
