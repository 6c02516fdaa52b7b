import { Module } from '@nestjs/common';

/** Progress views for the console: street offices, answer trends, answer classes and household states. */
@Module({})
export class ProgressModule {}
