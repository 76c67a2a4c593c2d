"""Stripe Connect for localstripe: connected accounts, account links and transfers.

localstripe 1.15 (PyPI) has no Connect endpoints at all (no /v1/accounts, /v1/account_links or
/v1/transfers in its resources.py or server.py). This module, written for the billing e2e suites,
adds the part of them the CSMS uses, with the state and the checks Stripe documents:

- POST /v1/accounts (type express, standard or custom), GET /v1/accounts/{id}: a new account has
  charges, payouts and the requested capabilities off until its holder completes onboarding.
- POST /v1/account_links (type account_onboarding): a link to the hosted onboarding page. Here that
  page is GET /_config/connect/onboarding/{token} (the /_config/ prefix is localstripe's only
  unauthenticated path): visiting it completes onboarding (details submitted, charges, payouts and
  capabilities active) and sends a signed `account.updated` event to the registered webhooks, as
  Stripe does for a platform's connected accounts (with the top-level `account` field).
- POST /v1/transfers, GET /v1/transfers[?destination=&transfer_group=], GET /v1/transfers/{id}: the
  destination must exist and have the transfers capability active; a source_transaction must be an
  existing succeeded charge that covers the amount. A repeated Idempotency-Key returns the first
  answer, as Stripe does for 24 hours.
"""

import time

from aiohttp import web
from localstripe import resources, server
from localstripe.errors import UserError
from localstripe.webhooks import schedule_webhook

_onboarding_tokens = {}
_idempotent_answers = {}


def _require(condition, message, code=None):
    if not condition:
        raise UserError(400, message, {'code': code} if code else None)


class Account(resources.StripeObject):
    object = 'account'
    _id_prefix = 'acct_'

    def __init__(self, type=None, email=None, country=None, business_profile=None, capabilities=None,
                 metadata=None, **kwargs):
        _require(not kwargs, 'Received unknown parameters: ' + ', '.join(kwargs.keys()))
        _require(type in ('express', 'standard', 'custom'), 'type must be express, standard or custom')
        _require(capabilities is None or isinstance(capabilities, dict), 'Invalid capabilities')
        super().__init__()
        self.type = type
        self.email = email
        self.country = country or 'US'
        self.business_profile = business_profile or {}
        self.metadata = metadata or {}
        self.charges_enabled = False
        self.payouts_enabled = False
        self.details_submitted = False
        self.capabilities = {name: 'inactive' for name in (capabilities or {})}

    def _complete_onboarding(self):
        self.details_submitted = True
        self.charges_enabled = True
        self.payouts_enabled = True
        self.capabilities = {name: 'active' for name in (self.capabilities or {'transfers': None})}


class AccountLink(object):
    """Stripe's account links have no id and are not stored: only their URL leads somewhere."""

    def __init__(self, url):
        self.created = int(time.time())
        self.expires_at = self.created + 300
        self.url = url

    @classmethod
    def _api_create(cls, account=None, refresh_url=None, return_url=None, type=None, **kwargs):
        _require(not kwargs, 'Received unknown parameters: ' + ', '.join(kwargs.keys()))
        _require(type in ('account_onboarding', 'account_update'), 'Invalid type')
        _require(isinstance(refresh_url, str) and refresh_url.startswith('http'), 'Invalid refresh_url')
        _require(isinstance(return_url, str) and return_url.startswith('http'), 'Invalid return_url')
        Account._api_retrieve(account)
        token = resources.random_id(24)
        _onboarding_tokens[token] = (account, return_url)
        return cls('%s/_config/connect/onboarding/%s' % (server_address(), token))

    def _export(self, expand=None):
        return {'object': 'account_link', 'created': self.created, 'expires_at': self.expires_at,
                'url': self.url}


class Transfer(resources.StripeObject):
    object = 'transfer'
    _id_prefix = 'tr_'

    def __init__(self, amount=None, currency=None, destination=None, transfer_group=None,
                 source_transaction=None, metadata=None, description=None, **kwargs):
        _require(not kwargs, 'Received unknown parameters: ' + ', '.join(kwargs.keys()))
        amount = resources.try_convert_to_int(amount)
        _require(isinstance(amount, int) and amount > 0, 'amount must be a positive integer')
        _require(isinstance(currency, str) and len(currency) == 3, 'Invalid currency')
        account = Account._api_retrieve(destination) if isinstance(destination, str) else None
        _require(account is not None, 'Invalid destination')
        _require(account.capabilities.get('transfers') == 'active',
                 'Your destination account needs to have the transfers capability enabled',
                 'insufficient_capabilities_for_transfer')
        if source_transaction is not None:
            charge = resources.Charge._api_retrieve(source_transaction)
            _require(charge.status == 'succeeded', 'The source transaction has not succeeded')
            _require(amount <= charge.amount, 'The transfer exceeds the source transaction')
        super().__init__()
        self.amount = amount
        self.currency = currency.lower()
        self.destination = destination
        self.transfer_group = transfer_group
        self.source_transaction = source_transaction
        self.metadata = metadata or {}
        self.description = description
        self.reversed = False
        self.amount_reversed = 0

    @classmethod
    def _api_list_all(cls, url, destination=None, transfer_group=None, limit=None, starting_after=None,
                      **kwargs):
        _require(not kwargs, 'Unexpected ' + ', '.join(kwargs.keys()))
        listed = super()._api_list_all(url, limit=limit, starting_after=starting_after)
        listed._list = [transfer for transfer in listed._list
                        if (destination is None or transfer.destination == destination) and
                        (transfer_group is None or transfer.transfer_group == transfer_group)]
        return listed


def server_address():
    return 'http://127.0.0.1:%d' % _port


def _idempotent(create):
    """Stripe answers a repeated Idempotency-Key with the first answer instead of acting again."""
    async def handler(request):
        key = request.headers.get('Idempotency-Key')
        if not key:
            return await create(request)
        if (request.path, key) not in _idempotent_answers:
            answer = await create(request)
            _idempotent_answers[(request.path, key)] = (answer.status, answer.text)
        status, text = _idempotent_answers[(request.path, key)]
        return web.Response(status=status, text=text, content_type='application/json')
    return handler


async def _complete_onboarding(request):
    token = request.match_info['token']
    if token not in _onboarding_tokens:
        raise UserError(404, 'This link has expired or was already used')
    account_id, return_url = _onboarding_tokens.pop(token)
    account = Account._api_retrieve(account_id)
    account._complete_onboarding()
    event = resources.Event('account.updated', account)
    event.account = account.id
    schedule_webhook(event)
    return web.Response(text='Onboarding complete: return to %s\n' % return_url)


_port = 0


def install(port):
    """Adds the Connect routes to localstripe's application (before it starts)."""
    global _port
    _port = port
    router = server.app.router
    router.add_route('POST', '/v1/accounts', server.api_create(Account, '/v1/accounts'))
    router.add_route('GET', '/v1/accounts/{id}', server.api_retrieve(Account, '/v1/accounts'))
    router.add_route('GET', '/v1/accounts', server.api_list_all(Account, '/v1/accounts'))
    router.add_route('POST', '/v1/account_links', server.api_create(AccountLink, '/v1/account_links'))
    router.add_route('POST', '/v1/transfers', _idempotent(server.api_create(Transfer, '/v1/transfers')))
    router.add_route('GET', '/v1/transfers/{id}', server.api_retrieve(Transfer, '/v1/transfers'))
    router.add_route('GET', '/v1/transfers', server.api_list_all(Transfer, '/v1/transfers'))
    router.add_route('GET', '/_config/connect/onboarding/{token}', _complete_onboarding)
