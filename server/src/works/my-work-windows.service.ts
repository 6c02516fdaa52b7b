import { Injectable } from '@nestjs/common';

/** Stub, filled in by the works issue. */
@Injectable()
export class MyWorkWindowsService {}
