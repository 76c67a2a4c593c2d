import { minorUnitsOf } from '@csms/pricing';
import { PlannedLine, taxMinorOf } from '../sessions/invoice-lines';

/** A tenant's platform fee per paid session: a flat amount (currency units) plus a percentage. */
export interface PlatformFee {
  flat: number;
  percent: number;
}

export interface TransferAmounts {
  /** What the driver paid for the session, tax included (each line's tax rounded as the invoice does). */
  collectedMinor: number;
  /** Never more than what was collected. */
  feeMinor: number;
  transferMinor: number;
}

/** Splits a paid session's lines between the platform (its fee) and the connected account. */
export function transferAmountsOf(lines: PlannedLine[], fee: PlatformFee, currency: string): TransferAmounts {
  const collectedMinor = lines.reduce((sum, line) => sum + line.amountMinor + taxMinorOf(line), 0);
  const flatMinor = Math.round(fee.flat * 10 ** minorUnitsOf(currency));
  const feeMinor = Math.min(collectedMinor, flatMinor + Math.round((collectedMinor * fee.percent) / 100));
  return { collectedMinor, feeMinor, transferMinor: collectedMinor - feeMinor };
}
