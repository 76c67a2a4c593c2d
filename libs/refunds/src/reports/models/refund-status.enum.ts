import { registerEnumType } from '@nestjs/graphql';
import { RefundStatus } from '../refund-report';

export const RefundStatusEnum: { [K in RefundStatus]: K } = {
  PENDING: 'PENDING',
  SUBMITTED: 'SUBMITTED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  CANCELLED: 'CANCELLED',
  FAILED: 'FAILED',
};

registerEnumType(RefundStatusEnum, {
  name: 'RefundStatus',
  description:
    'PENDING: on its way to Concur; SUBMITTED: in Concur, awaiting approval; APPROVED; REJECTED: sent back by the approver; CANCELLED: deleted in Concur; FAILED: refused by Concur. The last three let the sessions be refunded again',
});
