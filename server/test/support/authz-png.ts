import { greyscalePng } from '../../src/demo/greyscale-png.js';

/**
 * A valid greyscale PNG whose bytes depend on `seed`: the victim's signature must hash differently
 * from every other test signature, or "my own household's hash" would open it legitimately.
 */
export function uniqueSignaturePng(seed: number): string {
  const width = 64;
  const height = 16;
  const raw = Buffer.alloc((width + 1) * height, 255);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  for (let bit = 0; bit < 32; bit++) if ((seed >>> bit) & 1) raw[8 * (width + 1) + 1 + bit * 2] = 30;
  const png = greyscalePng(width, height, raw);
  return `data:image/png;base64,${png.toString('base64')}`;
}
