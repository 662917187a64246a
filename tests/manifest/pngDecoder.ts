import zlib from 'node:zlib';

/** A decoded 8-bit PNG. `pixels` is RGBA (RGB files get alpha 255). */
export interface DecodedPng {
  width: number;
  height: number;
  colorType: number;
  chunkTypes: string[];
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A small PNG reader, written from the PNG spec independently of the encoder it checks:
 * chunk CRCs, IHDR, every IDAT, and all five scanline filters. 8-bit RGB and RGBA only.
 */
export function decodePng(png: Buffer): DecodedPng {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('Not a PNG signature.');
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    const crc = png.readUInt32BE(at + 8 + length);
    if (zlib.crc32(png.subarray(at + 4, at + 8 + length)) >>> 0 !== crc) throw new Error(`Bad CRC in chunk ${type}.`);
    chunkTypes.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  if (!header) throw new Error('No IHDR chunk.');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bitDepth = header[8];
  const colorType = header[9];
  if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || header[12] !== 0) {
    throw new Error(`Unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${header[12]}.`);
  }
  const channels = colorType === 6 ? 4 : 3;
  const raw = unfilter(zlib.inflateSync(Buffer.concat(idat)), width, height, channels);
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    for (let c = 0; c < 3; c += 1) pixels[i * 4 + c] = raw[i * channels + c];
    pixels[i * 4 + 3] = channels === 4 ? raw[i * 4 + 3] : 255;
  }
  return { width, height, colorType, chunkTypes, pixels };
}

function unfilter(data: Buffer, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  if (data.length !== (stride + 1) * height) throw new Error(`Image data has ${data.length} bytes, expected ${(stride + 1) * height}.`);
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = data[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = data[y * (stride + 1) + 1 + x];
      const left = x >= bpp ? out[y * stride + x - bpp] : 0;
      const up = y > 0 ? out[(y - 1) * stride + x] : 0;
      const upLeft = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
      out[y * stride + x] = (value + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predictor(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return Math.floor((left + up) / 2);
    case 4: {
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new Error(`Unknown PNG filter type ${filter}.`);
  }
}
