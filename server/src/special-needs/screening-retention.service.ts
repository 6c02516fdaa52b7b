import { Injectable } from '@nestjs/common';

// Stub: filled in by its owner (issue 9).
@Injectable()
export class ScreeningRetentionService {}
