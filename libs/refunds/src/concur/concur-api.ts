/**
 * The parts of Concur's public Expense API v3.0 used here (developer.concur.com: Expense Reports v3,
 * Expense Entries v3, Locations v3). Field names are Concur's.
 */

/** POST /api/v3.0/expense/reports */
export interface ConcurReportPost {
  Name: string;
  Purpose?: string;
  Comment?: string;
  PolicyID?: string;
  CurrencyCode?: string;
}

/** POST /api/v3.0/expense/entries */
export interface ConcurEntryPost {
  ReportID: string;
  ExpenseTypeCode: string;
  PaymentTypeID: string;
  /** YYYY-MM-DD, the day of the expense where it happened. */
  TransactionDate: string;
  TransactionAmount: number;
  TransactionCurrencyCode: string;
  LocationID?: string;
  Description?: string;
  Comment?: string;
}

/** What a POST answers: the new resource's ID and URI. */
export interface ConcurCreated {
  ID: string;
  URI?: string;
}

/** GET /api/v3.0/expense/reports/{id} (the fields read here). */
export interface ConcurReport {
  ID: string;
  Name?: string;
  Total?: number;
  CurrencyCode?: string;
  /** A_NOTF not submitted, A_PEND pending approval, A_APPR approved, A_RESU sent back, … */
  ApprovalStatusCode?: string;
  ApprovalStatusName?: string;
  PaymentStatusCode?: string;
}

/** GET /api/v3.0/common/locations?city=… */
export interface ConcurLocations {
  Items?: { ID: string; Name?: string; City?: string; CountryCode?: string }[];
}

/** Approval codes that end the report's story here. */
export const CONCUR_APPROVED = 'A_APPR';
/** Sent back to the employee by the approver: the refund did not happen. */
export const CONCUR_SENT_BACK = 'A_RESU';
