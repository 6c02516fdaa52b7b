/** A photo of a problem or a test: 2 MB of image, as base64 inside JSON (4 characters for 3 bytes, plus the data URL prefix). */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_MAX_CHARS = Math.ceil(PHOTO_MAX_BYTES / 3) * 4 + 100;
