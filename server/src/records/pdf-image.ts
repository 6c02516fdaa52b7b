import type { PdfWriter } from '../documents/pdf-document.js';

/**
 * An evidence image (signature or paper scan) under its heading, fitted into a box; heading and image
 * move to a new page together if they would not fit. A picture pdfkit cannot read is named as such:
 * the record still prints.
 */
export function evidenceImage(pdf: PdfWriter, heading: string, image: Buffer | null, box: { width: number; height: number }, missing: string): void {
  const doc = pdf.doc;
  // A heading line and its spacing, roughly: enough that the heading never ends a page without its image.
  if (image && doc.y + box.height + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  pdf.heading(heading);
  if (!image) {
    pdf.paragraph(missing);
    return;
  }
  if (doc.y + box.height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const x = doc.page.margins.left;
  const y = doc.y;
  try {
    doc.image(image, x, y, { fit: [box.width, box.height] });
  } catch {
    pdf.paragraph(missing);
    return;
  }
  doc.save().lineWidth(0.5).strokeColor('#999999').rect(x, y, box.width, box.height).stroke().restore();
  doc.x = x;
  doc.y = y + box.height + 8;
}
