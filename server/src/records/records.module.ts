import { Module } from '@nestjs/common';

/** Issue 12: see docs/publicity.md. */
@Module({})
export class RecordsModule {}
