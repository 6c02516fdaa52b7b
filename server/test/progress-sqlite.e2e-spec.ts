import 'reflect-metadata';
import { ConsultationKind, shanghaiDate, type CompoundHouseholds, type ConsultationHouseholds, type ConsultationTrend, type ConsultationView, type GroupView } from '@linyi/shared';
import { withSqliteDemo } from './support/sqlite-demo.js';

/** The bare demo runs on embedded SQLite (sql.js): the console's progress views must read it the same way. */
describe('progress views on embedded SQLite', () => {
  it('serves the demo’s trend, answer classes, household states and group figures', async () => {
    await withSqliteDemo(async ({ http, auth, guangmingId: guangming }) => {
      const consultations: ConsultationView[] = (await http.get(`/api/consultations?compoundId=${guangming}`).set(auth).expect(200)).body;
      // The open plumbing round (the compound also has its closed property-service agreement).
      const plumbing = consultations.find((c) => c.kind === ConsultationKind.PlumbingApplication)!;

      const trend: ConsultationTrend = (await http.get(`/api/consultations/${plumbing.id}/trend`).set(auth).expect(200)).body;
      expect(trend.days.at(-1)).toMatchObject({ date: shanghaiDate(Date.now()), cumulative: 30 });
      expect(trend.days.filter((d) => d.answered > 0).length).toBeGreaterThanOrEqual(5);

      const tree: ConsultationHouseholds = (await http.get(`/api/consultations/${plumbing.id}/households`).set(auth).expect(200)).body;
      expect(tree.buildings[0].units[1]).toMatchObject({ name: '2单元', groupState: 'REACHED' });

      const list: CompoundHouseholds = (await http.get(`/api/compounds/${guangming}/households?consultationId=${plumbing.id}`).set(auth).expect(200)).body;
      const refusing = list.households.find((h) => h.answer === 'REFUSE')!;
      expect(refusing).toMatchObject({ visits: 2, boundResidents: 1, lastVisitAt: expect.stringMatching(/Z$/), answeredAt: expect.stringMatching(/Z$/) });
      expect(Date.parse(refusing.answeredAt!)).toBeLessThan(Date.parse(refusing.lastVisitAt!));

      const groups: GroupView[] = (await http.get(`/api/consultations/${plumbing.id}/groups`).set(auth).expect(200)).body;
      expect(groups.find((g) => g.label === '1号楼1单元')).toMatchObject({ missing: 1 });
    });
  });
});
