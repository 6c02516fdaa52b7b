import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ComplaintStatus, StaffAction, StaffRole, rolesFor, type ComplaintView, type StreetComplaintsRow } from '@linyi/shared';
import type { Response } from 'express';
import type { Actor, ResidentActor, StaffActor } from '../auth/actor.js';
import { CurrentActor, ResidentOnly, ResidentsAndStaff, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { oneOfQuery } from '../common/validation/params.js';
import { ComplaintsService } from './complaints.service.js';
import { ComplaintReplyDto } from './dto/complaint-reply.dto.js';
import { ComplaintDto } from './dto/complaint.dto.js';

/** Complaints and suggestions (问计于民): residents file, the committee replies, the street oversees. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller()
export class ComplaintsController {
  constructor(@Inject(ComplaintsService) private readonly complaints: ComplaintsService) {}

  @Post('complaints')
  @ResidentOnly()
  file(@CurrentActor() actor: ResidentActor, @Body() dto: ComplaintDto): Promise<ComplaintView> {
    return this.complaints.file(actor, dto);
  }

  @Get('me/complaints')
  @ResidentOnly()
  mine(@CurrentActor() actor: ResidentActor): Promise<ComplaintView[]> {
    return this.complaints.mine(actor);
  }

  @Get('complaints/:complaintId/photo')
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewComplaints))
  @ApiProduces('image/png', 'image/jpeg')
  async photo(@CurrentActor() actor: Actor, @Param('complaintId', uuidParam('意见')) complaintId: string, @Res() response: Response) {
    const image = await this.complaints.photo(actor, complaintId);
    response.setHeader('content-type', image.mime);
    response.setHeader('cache-control', 'private, no-store');
    response.send(image.bytes);
  }

  @Get('compounds/:compoundId/complaints')
  @StaffOnly(...rolesFor(StaffAction.ViewComplaints))
  @ApiQuery({ name: 'status', required: false, enum: ComplaintStatus })
  forCompound(
    @CurrentActor() actor: StaffActor,
    @Param('compoundId', uuidParam('小区')) compoundId: string,
    @Query('status', oneOfQuery('status', Object.values(ComplaintStatus))) status: ComplaintStatus | undefined,
  ): Promise<ComplaintView[]> {
    return this.complaints.forCompound(actor, compoundId, status);
  }

  @Put('complaints/:complaintId/reply')
  @StaffOnly(...rolesFor(StaffAction.ReplyComplaints))
  reply(@CurrentActor() actor: StaffActor, @Param('complaintId', uuidParam('意见')) complaintId: string, @Body() dto: ComplaintReplyDto): Promise<ComplaintView> {
    return this.complaints.reply(actor, complaintId, dto);
  }

  @Get('street-offices/:streetOfficeId/complaints')
  @StaffOnly(StaffRole.Street)
  forStreetOffice(@CurrentActor() actor: StaffActor, @Param('streetOfficeId', uuidParam('街道')) streetOfficeId: string): Promise<StreetComplaintsRow[]> {
    return this.complaints.forStreetOffice(actor, streetOfficeId);
  }
}
