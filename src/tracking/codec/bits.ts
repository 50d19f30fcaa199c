/** Bit packing for suspend_data: SCORM 1.2 allows only 4,096 characters, so no verbose JSON. */
export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bits needed to store any value in 0..count-1 (at least one). */
export function bitsFor(count: number): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(2, count))));
}

export function clampInt(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.trunc(Number.isFinite(value) ? value : min)));
}

/** Cuts to maxLength characters without splitting a surrogate pair. */
export function truncateText(text: string, maxLength: number): string {
  return Array.from(text).slice(0, maxLength).join('');
}

/** FNV-1a over a text, as `length` base64url characters (6 bits each, up to 30). */
export function fingerprint(text: string, length: number): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[(hash >>> (i * 6)) & 63];
  return out;
}

export class BitWriter {
  #bits: number[] = [];
  write(value: number, width: number): void {
    for (let i = width - 1; i >= 0; i--) this.#bits.push(Math.floor(value / 2 ** i) & 1);
  }
  flag(value: boolean): void {
    this.#bits.push(value ? 1 : 0);
  }
  /** A percentage 0-100 or null. */
  optionalPercent(value: number | null): void {
    this.flag(value !== null);
    if (value !== null) this.write(clampInt(Math.round(value), 0, 100), 7);
  }
  /** UTF-8 text up to maxLength characters, length-prefixed. */
  text(value: string, maxLength: number): void {
    const bytes = new TextEncoder().encode(truncateText(value, maxLength));
    this.write(bytes.length, bitsFor(maxLength * 4 + 1));
    for (const byte of bytes) this.write(byte, 8);
  }
  toText(): string {
    let out = '';
    for (let i = 0; i < this.#bits.length; i += 6) {
      let sextet = 0;
      for (let j = 0; j < 6; j++) sextet = (sextet << 1) | (this.#bits[i + j] ?? 0);
      out += ALPHABET[sextet];
    }
    return out;
  }
}

export class BitReader {
  readonly #bits: number[] = [];
  #offset = 0;
  constructor(text: string) {
    for (const char of text) {
      const sextet = ALPHABET.indexOf(char);
      if (sextet < 0) throw new Error(`unexpected character "${char}"`);
      for (let j = 5; j >= 0; j--) this.#bits.push((sextet >> j) & 1);
    }
  }
  read(width: number): number {
    if (this.#offset + width > this.#bits.length) throw new Error('saved progress is cut short');
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 2 + this.#bits[this.#offset++]!;
    return value;
  }
  /** A value stored in bitsFor(count) bits that must be below count. */
  index(count: number, what: string): number {
    const value = this.read(bitsFor(count));
    if (value >= count) throw new Error(`${what} out of range`);
    return value;
  }
  flag(): boolean {
    return this.read(1) === 1;
  }
  optionalPercent(): number | null {
    if (!this.flag()) return null;
    const value = this.read(7);
    if (value > 100) throw new Error('percentage out of range');
    return value;
  }
  text(maxLength: number): string {
    const length = this.read(bitsFor(maxLength * 4 + 1));
    const bytes = Uint8Array.from({ length }, () => this.read(8));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (Array.from(text).length > maxLength) throw new Error('text longer than its limit');
    return text;
  }
  /** Only zero padding (under one character) may follow the data. */
  expectEnd(): void {
    const rest = this.#bits.slice(this.#offset);
    if (rest.length >= 6 || rest.some((bit) => bit !== 0)) throw new Error('unexpected data after the saved progress');
  }
}
