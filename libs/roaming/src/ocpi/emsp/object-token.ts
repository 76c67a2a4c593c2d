/** The token a partner's session or CDR carries (2.2.1 cdr_token; 2.1.1 auth_id, our contract id). */
export function tokenOfObject(data: Record<string, unknown>): {
  uid?: string;
  type?: string;
  contractId?: string;
} {
  const token = data.cdr_token as { uid?: string; type?: string; contract_id?: string } | undefined;
  if (token) return { uid: token.uid, type: token.type, contractId: token.contract_id };
  return { contractId: typeof data.auth_id === 'string' ? data.auth_id : undefined };
}
