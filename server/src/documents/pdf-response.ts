import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

export const PDF = 'application/pdf';

/** A PDF for printing: opened in the browser or the mini-program's viewer, never cached by a shared proxy. */
export function pdfFile(response: Response, file: { fileName: string; bytes: Buffer }, asciiName: string): StreamableFile {
  response.setHeader('content-type', PDF);
  response.setHeader('content-disposition', `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  response.setHeader('cache-control', 'private, no-store');
  return new StreamableFile(file.bytes);
}
