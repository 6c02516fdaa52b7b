import { windowSpanText } from '@linyi/shared';
import ical, { ICalAlarmType } from 'ical-generator';
import type { WorkBooking } from './work-booking.entity.js';
import type { WorkPlan } from './work-plan.entity.js';
import type { WorkWindow } from './work-window.entity.js';

export interface BookingCalendarFacts {
  plan: WorkPlan;
  window: WorkWindow;
  booking: WorkBooking;
  householdLabel: string;
  compoundName: string;
  contactPhone: string | null;
  now: Date;
}

/**
 * One booked window as an iCalendar file. Times are written as UTC instants (…Z), which every
 * calendar shows in the phone's own zone; X-WR-TIMEZONE names Beijing time, and the description
 * repeats the window in Beijing time. The UID is the booking's, so a moved booking replaces the
 * event on re-import (SEQUENCE grows with each change).
 */
export function bookingCalendar(facts: BookingCalendarFacts): string {
  const { plan, window, booking } = facts;
  const calendar = ical({ name: '邻议 入户施工预约', prodId: { company: 'linyi', product: 'works-booking', language: 'ZH' } });
  calendar.x('X-WR-TIMEZONE', 'Asia/Shanghai');
  calendar.createEvent({
    id: `work-booking-${booking.id}@linyi`,
    sequence: Math.floor(booking.updatedAt.getTime() / 1000),
    stamp: facts.now,
    start: window.startsAt,
    end: window.endsAt,
    summary: plan.title,
    location: `${facts.compoundName}${facts.householdLabel}`,
    description: [
      `入户施工时段：${windowSpanText(window.startsAt, window.endsAt)}（北京时间）`,
      '施工当天请家中留人，或把钥匙交给社区居委会。',
      `施工步骤：${plan.steps.map((step, i) => `${i + 1}. ${step.title}`).join('；')}`,
      plan.waterCut ? `停水：${plan.waterCut}` : '',
      plan.temporaryWater ? `临时用水：${plan.temporaryWater}` : '',
      plan.temporarySewage ? `临时排水：${plan.temporarySewage}` : '',
      facts.contactPhone ? `联系电话：${facts.contactPhone}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    alarms: [{ type: ICalAlarmType.display, trigger: 24 * 3600, description: `明天入户施工：${plan.title}` }],
  });
  return calendar.toString();
}
