"""localstripe (PyPI), the stateful fake Stripe server, as the billing e2e suites run it.

    python3 localstripe_server.py PORT

Three adjustments to the installed package, made here at start-up and nowhere else:
- Stripe creates a one-off invoice from a customer's pending invoice items (POST /v1/invoices without
  a subscription); localstripe 1.15 only invoices subscriptions, so such a request gets the invoice
  Stripe would make: the pending items, the customer's default payment method charged on /pay.
- Stripe Connect (connected accounts, account links, transfers), which localstripe 1.15 lacks, is
  added by localstripe_connect.py.
- The store is not written to /tmp/localstripe.pickle on every change: each suite starts from scratch
  and several suites (and engineers) may run at once.
"""

import sys

import localstripe_connect
from localstripe import resources, server
from localstripe.errors import UserError

resources.Store.dump_to_disk = lambda self: None

_invoice_for_subscription = resources.Invoice._api_create.__func__


@classmethod
def _api_create(cls, customer=None, subscription=None, tax_percent=None, default_tax_rates=None,
                description=None, metadata=None, pending_invoice_items_behavior=None):
    if subscription is not None:
        return _invoice_for_subscription(cls, customer=customer, subscription=subscription,
                                         tax_percent=tax_percent, default_tax_rates=default_tax_rates,
                                         description=description, metadata=metadata,
                                         pending_invoice_items_behavior=pending_invoice_items_behavior)
    if not isinstance(customer, str) or not customer.startswith('cus_'):
        raise UserError(400, 'Bad request')
    resources.Customer._api_retrieve(customer)
    pending = [item for item in resources.InvoiceItem._api_list_all(None, customer=customer, limit=99)._list
               if item.invoice is None]
    if not pending:
        raise UserError(400, 'Nothing to invoice for customer', {'code': 'invoice_no_customer_line_items'})
    if default_tax_rates is not None:
        default_tax_rates = list(default_tax_rates)
    return cls(customer=customer, default_tax_rates=default_tax_rates, description=description,
               metadata=metadata)


resources.Invoice._api_create = _api_create

if __name__ == '__main__':
    localstripe_connect.install(int(sys.argv[1]))
    sys.argv = [sys.argv[0], '--port', sys.argv[1], '--from-scratch']
    server.start()
