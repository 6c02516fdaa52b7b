import { Controller } from '@nestjs/common';

// Stub: filled in by its owner (issue 9).
@Controller()
export class MyScreeningController {}
