// A small seeded PRNG (sfc32) and the helpers the mutators draw from. Every input of a campaign has its
// own generator derived from (seed, target, index), so one input is reproducible on its own.

function mix32(text) {
  // FNV-1a, then a murmur finaliser: a stable 32-bit seed from any string.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export class Random {
  constructor(...parts) {
    const key = parts.join('\u0000');
    this.a = mix32(`a${key}`);
    this.b = mix32(`b${key}`);
    this.c = mix32(`c${key}`);
    this.d = mix32(`d${key}`) | 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next() {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability) {
    return this.next() < probability;
  }

  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight from [[weight, value], …]. */
  weighted(entries) {
    const total = entries.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [weight, value] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][1];
  }

  /** Sizes spread over orders of magnitude: mostly small, sometimes huge. */
  size(max) {
    return Math.min(max, Math.floor(Math.exp(this.next() * Math.log(max + 1))));
  }
}

/** A 32-bit seed from the clock, for runs without --seed. */
export function freshSeed() {
  return mix32(`${Date.now()}:${process.pid}:${Math.random()}`);
}
