import { Inject, Injectable } from '@nestjs/common';
import { ComplaintStatus, complaintsInQueueOrder, openComplaintsSummary, replyRefusal, type ComplaintView, type StreetComplaintsRow } from '@linyi/shared';
import { createHash, randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { PHOTO_MAX_BYTES } from '../acceptance/dto/acceptance-fields.js';
import type { Actor, ResidentActor, StaffActor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { appendHouseholdEntry } from '../audit/household-chain.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EvidenceStore, decodeImage } from '../evidence/evidence.store.js';
import { AccessService } from '../places/access.service.js';
import { Community } from '../places/community.entity.js';
import { Compound } from '../places/compound.entity.js';
import { Household } from '../places/household.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { Complaint } from './complaint.entity.js';
import { toComplaintView } from './complaint.mapper.js';
import type { ComplaintReplyDto } from './dto/complaint-reply.dto.js';
import type { ComplaintDto } from './dto/complaint.dto.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
export const ALREADY_REPLIED_TEXT = '这条意见已经答复过了，答复不能更改；如需补充，请联系居民另行说明';

/** Complaints and suggestions (问计): filed by a bound resident, answered once by the committee, overseen by the street. */
@Injectable()
export class ComplaintsService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EvidenceStore) private readonly evidence: EvidenceStore,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async file(actor: ResidentActor, dto: ComplaintDto): Promise<ComplaintView> {
    const household = await this.access.householdFor(actor, dto.householdId);
    const photo = dto.photo ? decodeImage(dto.photo, '照片', PHOTO_MAX_BYTES, true) : null;
    const now = this.clock.stamp();
    const complaint = await this.transactions.run(async (manager) => {
      const row = manager.create(Complaint, {
        id: randomUUID(),
        householdId: household.id,
        compoundId: household.compoundId,
        topic: dto.topic,
        text: dto.text.trim(),
        photoSha256: photo ? await this.evidence.put(manager, photo) : null,
        status: ComplaintStatus.Open,
        filedByResidentId: actor.id,
        createdAt: now,
        reply: null,
        repliedAt: null,
        repliedByStaffId: null,
      });
      await manager.insert(Complaint, row);
      await appendHouseholdEntry(this.audit, manager, { actor, householdId: household.id, action: 'COMPLAINT_FILED', payload: { complaintId: row.id, topic: row.topic, textSha256: sha256(row.text), photoSha256: row.photoSha256 }, at: now });
      return row;
    });
    return toComplaintView(complaint, household.label);
  }

  /** The complaints of every household the resident is bound to, newest first. */
  async mine(actor: ResidentActor): Promise<ComplaintView[]> {
    const manager = this.transactions.dataSource.manager;
    const householdIds = (await manager.find(HouseholdMember, { select: { householdId: true }, where: { residentId: actor.id } })).map((m) => m.householdId);
    if (!householdIds.length) return [];
    const complaints = await manager.find(Complaint, { where: { householdId: In(householdIds) }, order: { createdAt: 'DESC', id: 'ASC' } });
    return this.views(manager, complaints);
  }

  /** A compound's complaints for the committee and the street: open first, oldest first. */
  async forCompound(actor: StaffActor, compoundId: string, status: ComplaintStatus | undefined): Promise<ComplaintView[]> {
    await this.access.compoundForStaff(actor, compoundId);
    const manager = this.transactions.dataSource.manager;
    const complaints = await manager.find(Complaint, { where: { compoundId, ...(status ? { status } : {}) } });
    return this.views(manager, complaintsInQueueOrder(complaints));
  }

  /** The committee's one reply; a second one (even at the same moment) is refused. */
  async reply(actor: StaffActor, complaintId: string, dto: ComplaintReplyDto): Promise<ComplaintView> {
    await this.complaintForStaff(actor, complaintId);
    const now = this.clock.stamp();
    const complaint = await this.transactions.run(async (manager) => {
      // The row lock makes two committee members answering at once one reply and one 409.
      const row = await this.transactions.forUpdate(manager.createQueryBuilder(Complaint, 'c').where('c.id = :id', { id: complaintId })).getOneOrFail();
      if (replyRefusal(row.status)) throw new AppException('COMPLAINT_ALREADY_REPLIED', ALREADY_REPLIED_TEXT);
      const reply = dto.reply.trim();
      await manager.update(Complaint, { id: row.id }, { status: ComplaintStatus.Replied, reply, repliedAt: now, repliedByStaffId: actor.id });
      await appendHouseholdEntry(this.audit, manager, { actor, householdId: row.householdId, action: 'COMPLAINT_REPLIED', payload: { complaintId: row.id, replySha256: sha256(reply) }, at: now });
      return Object.assign(row, { status: ComplaintStatus.Replied, reply, repliedAt: now, repliedByStaffId: actor.id });
    });
    return (await this.views(this.transactions.dataSource.manager, [complaint]))[0];
  }

  /** The photo: the household's bound residents, and staff who may see complaints of its compound. */
  async photo(actor: Actor, complaintId: string): Promise<{ mime: string; bytes: Buffer }> {
    const manager = this.transactions.dataSource.manager;
    const complaint = actor.kind === 'staff' ? await this.complaintForStaff(actor, complaintId) : await manager.findOneBy(Complaint, { id: complaintId });
    if (!complaint) throw notFound('意见');
    if (actor.kind === 'resident') await this.access.householdFor(actor, complaint.householdId).catch(() => Promise.reject(notFound('意见')));
    const image = complaint.photoSha256 ? await this.evidence.get(manager, complaint.photoSha256) : null;
    if (!image) throw new AppException('NOT_FOUND', '这条意见没有附照片');
    return image;
  }

  /** Per compound of the street office: how many are open and how long the oldest has waited. */
  async forStreetOffice(actor: StaffActor, streetOfficeId: string): Promise<StreetComplaintsRow[]> {
    await this.access.streetOfficeForStaff(actor, streetOfficeId);
    const manager = this.transactions.dataSource.manager;
    const communities = await manager.find(Community, { where: { streetOfficeId } });
    const compounds = communities.length ? await manager.find(Compound, { where: { communityId: In(communities.map((c) => c.id)) }, order: { name: 'ASC' } }) : [];
    const open = compounds.length ? await manager.find(Complaint, { select: { compoundId: true, status: true, createdAt: true }, where: { compoundId: In(compounds.map((c) => c.id)), status: ComplaintStatus.Open } }) : [];
    const now = this.clock.now();
    const communityName = new Map(communities.map((c) => [c.id, c.name]));
    return compounds.map((compound) => ({
      compoundId: compound.id,
      compoundName: compound.name,
      communityName: communityName.get(compound.communityId) ?? '',
      ...openComplaintsSummary(open.filter((c) => c.compoundId === compound.id), now),
    }));
  }

  /** The complaint, if the staff member's scope covers its compound (else 404, as if it did not exist). */
  private async complaintForStaff(actor: StaffActor, complaintId: string): Promise<Complaint> {
    const complaint = await this.transactions.dataSource.manager.findOneBy(Complaint, { id: complaintId });
    if (!complaint) throw notFound('意见');
    await this.access.compoundForStaff(actor, complaint.compoundId).catch(() => Promise.reject(notFound('意见')));
    return complaint;
  }

  private async views(manager: EntityManager, complaints: Complaint[]): Promise<ComplaintView[]> {
    const ids = [...new Set(complaints.map((c) => c.householdId))];
    const households = ids.length ? await manager.find(Household, { select: { id: true, label: true }, where: { id: In(ids) } }) : [];
    const labels = new Map(households.map((h) => [h.id, h.label]));
    return complaints.map((c) => toComplaintView(c, labels.get(c.householdId) ?? ''));
  }
}
