import { Module } from '@nestjs/common';

/** A compound's settings (emergency phone, address) that consultations and notices print. */
@Module({})
export class CompoundSettingsModule {}
