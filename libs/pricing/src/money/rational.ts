/**
 * An exact rational number (BigInt numerator over a positive BigInt denominator). Prices are
 * decimals and durations are fractions of an hour (1/3600), so neither binary floating point nor a
 * fixed decimal scale is exact; money is only rounded once, on the total.
 */
export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  /**
   * Reduced only once the denominator grows large: every operation here is exact either way, and
   * Euclid's algorithm on BigInts costs more than the arithmetic it saves on small ones.
   */
  static of(numerator: bigint, denominator: bigint = 1n): Rational {
    if (denominator === 0n) throw new RangeError('Division by zero');
    if (denominator < 0n) return Rational.of(-numerator, -denominator);
    if (denominator < REDUCE_ABOVE) return new Rational(numerator, denominator);
    const divisor = gcd(numerator < 0n ? -numerator : numerator, denominator);
    return divisor > 1n
      ? new Rational(numerator / divisor, denominator / divisor)
      : new Rational(numerator, denominator);
  }

  static integer(value: number): Rational {
    return new Rational(BigInt(value), 1n);
  }

  /**
   * The decimal a number is written as (its shortest round-trip form): 0.1 is 1/10, not the binary
   * double nearest to it.
   */
  static fromNumber(value: number): Rational {
    let known = FROM_NUMBER.get(value);
    if (!known) {
      if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
      known = Rational.parse(String(value));
      if (FROM_NUMBER.size >= 10_000) FROM_NUMBER.clear();
      FROM_NUMBER.set(value, known);
    }
    return known;
  }

  /** Parses "12", "-0.25", "1e-7", "2.5E+3". */
  static parse(text: string): Rational {
    const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
      throw new RangeError(`Not a decimal number: ${text}`);
    }
    const [, sign, whole, fraction = '', exponentText] = match;
    const exponent = Number(exponentText ?? 0) - fraction.length;
    let numerator = BigInt(`${whole}${fraction}` || '0');
    if (sign === '-') numerator = -numerator;
    return exponent >= 0
      ? Rational.of(numerator * 10n ** BigInt(exponent))
      : Rational.of(numerator, 10n ** BigInt(-exponent));
  }

  add(other: Rational): Rational {
    if (other.numerator === 0n) return this;
    if (this.numerator === 0n) return other;
    return Rational.of(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  subtract(other: Rational): Rational {
    return this.add(other.negate());
  }

  multiply(other: Rational): Rational {
    if (this.numerator === 0n || other.numerator === 0n) return Rational.ZERO;
    return Rational.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  divide(other: Rational): Rational {
    return Rational.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  negate(): Rational {
    return new Rational(-this.numerator, this.denominator);
  }

  compare(other: Rational): number {
    const difference = this.numerator * other.denominator - other.numerator * this.denominator;
    return difference === 0n ? 0 : difference < 0n ? -1 : 1;
  }

  /** Reduced to lowest terms (equal values then have equal parts). */
  reduced(): Rational {
    const divisor = gcd(this.numerator < 0n ? -this.numerator : this.numerator, this.denominator);
    return divisor > 1n ? new Rational(this.numerator / divisor, this.denominator / divisor) : this;
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  isPositive(): boolean {
    return this.numerator > 0n;
  }

  /** The smallest integer not below this number. */
  ceil(): bigint {
    const quotient = this.numerator / this.denominator;
    return this.numerator > 0n && quotient * this.denominator !== this.numerator ? quotient + 1n : quotient;
  }

  /**
   * Rounded to `decimals` places: ties away from zero (commercial rounding) by default, or to the
   * even neighbour (banker's rounding, as OCPI reference tools print).
   */
  round(decimals: number, ties: 'away-from-zero' | 'even' = 'away-from-zero'): Rational {
    const scale = 10n ** BigInt(decimals);
    const scaled = this.numerator * scale;
    const negative = scaled < 0n;
    const magnitude = negative ? -scaled : scaled;
    let quotient = magnitude / this.denominator;
    const twiceRemainder = 2n * (magnitude - quotient * this.denominator);
    if (
      twiceRemainder > this.denominator ||
      (twiceRemainder === this.denominator && (ties === 'away-from-zero' || quotient % 2n === 1n))
    ) {
      quotient += 1n;
    }
    return Rational.of(negative ? -quotient : quotient, scale);
  }

  /** Exact decimal text with `decimals` places; call on a number already rounded to them. */
  toFixed(decimals: number): string {
    const rounded = this.round(decimals);
    const scale = 10n ** BigInt(decimals);
    const scaled = (rounded.numerator * scale) / rounded.denominator;
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
    const text = decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
    return negative ? `-${text}` : text;
  }

  /** For display and GraphQL Float fields, once rounded: the nearest double of the decimal. */
  toNumber(): number {
    return Number(this.numerator) / Number(this.denominator);
  }

  static min(a: Rational, b: Rational): Rational {
    return a.compare(b) <= 0 ? a : b;
  }

  static max(a: Rational, b: Rational): Rational {
    return a.compare(b) >= 0 ? a : b;
  }
}

/** Denominators above this (about 2^100) are reduced by their gcd. */
const REDUCE_ABOVE = 10n ** 30n;

/** Prices and VAT rates recur: their decimal form is parsed once. */
const FROM_NUMBER = new Map<number, Rational>();

/** Least common multiple of two positive integers. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const rest = a % b;
    a = b;
    b = rest;
  }
  return a;
}
