"""An independent OCPI peer for the roaming tests: extrawest-ocpi (py_ocpi, MIT) run as an eMSP or a CPO.

py_ocpi implements the protocol (routes, request validation with its pydantic models, the credentials
exchange, its own push client); this file only fills its extension points (Crud, Authenticator) with a small
store of ours, kept in a JSON file so that the peer can be stopped and started again without forgetting its
partner, and adds a /control API the tests drive it with. It prints one JSON line when it listens.

    python ocpi_peer.py --role emsp --versions 2.2.1 --port 9000 --state /tmp/peer.json \
        --country-code NL --party-id EXW --token-a <token A the tests hand to our CSMS>
"""

import argparse
import asyncio
import json
import os
import secrets
import sys
import threading
from datetime import datetime, timezone

parser = argparse.ArgumentParser()
parser.add_argument("--role", choices=["emsp", "cpo"], required=True)
parser.add_argument("--versions", default="2.2.1")
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--state", required=True)
parser.add_argument("--country-code", default="NL")
parser.add_argument("--party-id", default="EXW")
parser.add_argument("--token-a", required=True)
args = parser.parse_args()

# py_ocpi reads its settings from the environment when imported.
os.environ["OCPI_HOST"] = f"127.0.0.1:{args.port}"
os.environ["PROTOCOL"] = "http"
os.environ["COUNTRY_CODE"] = args.country_code
os.environ["PARTY_ID"] = args.party_id
os.environ["ENVIRONMENT"] = "production"
os.environ["CI_STRING_LOWERCASE_PREFERENCE"] = "false"
os.environ["COMMAND_AWAIT_TIME"] = "1"

import httpx  # noqa: E402
import uvicorn  # noqa: E402
from fastapi import Request  # noqa: E402

from py_ocpi import get_application  # noqa: E402
from py_ocpi.core.adapter import BaseAdapter  # noqa: E402
from py_ocpi.core.authentication.authenticator import Authenticator  # noqa: E402
from py_ocpi.core.crud import Crud  # noqa: E402
from py_ocpi.core.enums import Action, ModuleID, RoleEnum  # noqa: E402
from py_ocpi.core.push import push_object  # noqa: E402
from py_ocpi.core.schemas import Push, Receiver  # noqa: E402
from py_ocpi.core.utils import encode_string_base64, get_module_model  # noqa: E402
from py_ocpi.modules.versions.enums import VersionNumber  # noqa: E402

VERSIONS = [VersionNumber(version) for version in args.versions.split(",")]
ROLE = RoleEnum.emsp if args.role == "emsp" else RoleEnum.cpo
MODULE_STORES = {
    ModuleID.locations: "locations",
    ModuleID.sessions: "sessions",
    ModuleID.cdrs: "cdrs",
    ModuleID.tariffs: "tariffs",
    ModuleID.tokens: "tokens",
}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


class Store:
    """Everything the peer knows, written to the state file on every change."""

    def __init__(self, path: str):
        self.path = path
        self.lock = threading.Lock()
        if os.path.exists(path):
            with open(path) as file:
                self.data = json.load(file)
        else:
            self.data = {
                "token_a": [args.token_a],
                "clients": {},
                "locations": {},
                "sessions": {},
                "cdrs": {},
                "tariffs": {},
                "tokens": {},
                "commands": {},
                "authorizations": {},
                "received": [],
            }
            self.save()

    def save(self) -> None:
        with self.lock:
            temporary = f"{self.path}.tmp"
            with open(temporary, "w") as file:
                json.dump(self.data, file, default=str)
            os.replace(temporary, self.path)


store = Store(args.state)


def key(value) -> str:
    """CiStrings compare case-insensitively; py_ocpi upper-cases them."""
    return str(value).upper()


def plain(value):
    """pydantic output (str subclasses, enums) as plain JSON values."""
    return json.loads(json.dumps(value, default=str))


class PeerAuthenticator(Authenticator):
    @classmethod
    async def get_valid_token_c(cls):
        return list(store.data["clients"].keys())

    @classmethod
    async def get_valid_token_a(cls):
        return list(store.data["token_a"])


def own_credentials(token: str, version: VersionNumber) -> dict:
    business = {"name": f"py_ocpi peer {args.party_id}"}
    url = f"http://127.0.0.1:{args.port}/ocpi/versions"
    if version.value.startswith("2.1"):
        return {
            "token": token,
            "url": url,
            "business_details": business,
            "party_id": args.party_id,
            "country_code": args.country_code,
        }
    return {
        "token": token,
        "url": url,
        "roles": [
            {
                "role": ROLE.value,
                "business_details": business,
                "party_id": args.party_id,
                "country_code": args.country_code,
            }
        ],
    }


class PeerCrud(Crud):
    @classmethod
    async def get(cls, module, role, id, *a, **kw):
        version = kw.get("version", VersionNumber.v_2_2_1)
        if module == ModuleID.credentials_and_registration:
            client = store.data["clients"].get(id)
            return own_credentials(id, version) if client else None
        if module == ModuleID.commands:
            # py_ocpi asks for the charge point's result of a command it accepted: ours is immediate.
            return {"result": "ACCEPTED"} if version.value.startswith("2.2") else {"result": "ACCEPTED"}
        bucket = MODULE_STORES.get(module)
        return store.data[bucket].get(key(id)) if bucket else None

    @classmethod
    async def list(cls, module, role, filters, *a, **kw):
        items = list(store.data[MODULE_STORES[module]].values())
        offset, limit = filters["offset"], filters["limit"]
        page = items[offset : offset + limit]
        return page, len(items), offset + limit >= len(items)

    @classmethod
    async def create(cls, module, role, data, *a, **kw):
        version = kw.get("version", VersionNumber.v_2_2_1)
        if module == ModuleID.credentials_and_registration:
            token_c = secrets.token_urlsafe(24)
            store.data["clients"][token_c] = {
                "credentials": plain(data["credentials"]),
                "endpoints": plain(data["endpoints"]),
                "version": version.value,
            }
            # Token A has done its job: it may no longer be used.
            store.data["token_a"] = []
            store.save()
            return own_credentials(token_c, version)
        bucket = MODULE_STORES[module]
        object_id = data.get("uid") if module == ModuleID.tokens else data.get("id")
        store.data[bucket][key(object_id)] = plain(data)
        store.save()
        return data

    @classmethod
    async def update(cls, module, role, data, id, *a, **kw):
        version = kw.get("version", VersionNumber.v_2_2_1)
        auth_token = kw.get("auth_token")
        if module == ModuleID.credentials_and_registration:
            client = store.data["clients"].pop(auth_token)
            token_c = secrets.token_urlsafe(24)
            client.update(
                {
                    "credentials": plain(data["credentials"]),
                    "endpoints": plain(data["endpoints"]),
                    "version": version.value,
                }
            )
            store.data["clients"][token_c] = client
            store.save()
            return own_credentials(token_c, version)
        if module == ModuleID.commands:
            store.data["commands"][str(id)] = plain(data)
            store.save()
            return data
        store.data[MODULE_STORES[module]][key(id)] = plain(data)
        store.save()
        return data

    @classmethod
    async def delete(cls, module, role, id, *a, **kw):
        if module == ModuleID.credentials_and_registration:
            store.data["clients"].pop(kw.get("auth_token"), None)
            store.save()

    @classmethod
    async def do(cls, module, role, action, *a, data=None, **kw):
        if action == Action.get_client_token:
            client = store.data["clients"].get(kw.get("auth_token"))
            return client["credentials"]["token"] if client else None
        if action == Action.authorize_token:
            uid = key(data["token_uid"])
            token = store.data["tokens"].get(uid)
            allowed = store.data["authorizations"].get(uid, "ALLOWED" if token and token.get("valid") else "BLOCKED")
            answer = {"allowed": allowed, "token": token}
            if kw.get("version", VersionNumber.v_2_2_1).value.startswith("2.2"):
                answer["authorization_reference"] = f"AUTH-{secrets.token_hex(4).upper()}"
            if data.get("location_reference"):
                answer["location"] = data["location_reference"]
            return answer
        if action == Action.send_command:
            return {"result": "ACCEPTED", "timeout": 30}
        return None


# py_ocpi serves a CPO's commands receiver (/ocpi/cpo/{version}/commands) but leaves it out of its version
# details; listed, an eMSP can find it there as the spec has it.
from py_ocpi.core.endpoints import ENDPOINTS  # noqa: E402
from py_ocpi.core.endpoints.v_2_1_1.utils import cpo_generator as cpo_endpoints_211  # noqa: E402
from py_ocpi.core.endpoints.v_2_2_1.utils import cpo_generator as cpo_endpoints_221  # noqa: E402
from py_ocpi.modules.versions.v_2_2_1.schemas import InterfaceRole  # noqa: E402

ENDPOINTS[VersionNumber.v_2_2_1][RoleEnum.cpo].setdefault(
    ModuleID.commands, cpo_endpoints_221.generate_endpoint(ModuleID.commands, InterfaceRole.receiver)
)
ENDPOINTS[VersionNumber.v_2_1_1][RoleEnum.cpo].setdefault(
    ModuleID.commands, cpo_endpoints_211.generate_endpoint(ModuleID.commands)
)

app = get_application(
    version_numbers=VERSIONS,
    roles=[ROLE],
    crud=PeerCrud,
    modules=[
        ModuleID.credentials_and_registration,
        ModuleID.locations,
        ModuleID.sessions,
        ModuleID.cdrs,
        ModuleID.tariffs,
        ModuleID.tokens,
        ModuleID.commands,
    ],
    authenticator=PeerAuthenticator,
    adapter=BaseAdapter,
)


class RecordReceived:
    """Every OCPI request the peer receives (not GETs), in order of arrival, with its body and the answer's
    status: a plain ASGI middleware that sees the body as it streams through, without consuming it."""

    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/ocpi/") or scope["method"] == "GET":
            await self.inner(scope, receive, send)
            return
        chunks = []
        answer = {}

        async def receive_and_keep():
            message = await receive()
            if message["type"] == "http.request":
                chunks.append(message.get("body", b""))
            return message

        async def send_and_note(message):
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
            await send(message)

        await self.inner(scope, receive_and_keep, send_and_note)
        body = b"".join(chunks)
        try:
            payload = json.loads(body) if body else None
        except ValueError:
            payload = body.decode("utf-8", "replace")
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
        store.data["received"].append(
            {
                "method": scope["method"],
                "path": scope["path"],
                "body": payload,
                "status": answer.get("status"),
                "request_id": headers.get("x-request-id"),
                "correlation_id": headers.get("x-correlation-id"),
                "from_party": headers.get("ocpi-from-party-id"),
                "to_party": headers.get("ocpi-to-party-id"),
                "authorization": headers.get("authorization"),
            }
        )
        store.save()


# ---- control API for the tests --------------------------------------------------------------------


def the_client():
    if not store.data["clients"]:
        return None, None
    token, client = next(iter(store.data["clients"].items()))
    return token, client


def client_header(client) -> dict:
    token = client["credentials"]["token"]
    if client["version"].startswith("2.2"):
        token = encode_string_base64(token)
    return {"Authorization": f"Token {token}", "X-Request-ID": secrets.token_hex(8), "X-Correlation-ID": secrets.token_hex(8)}


def endpoint(client, identifier: str, interface_role: str):
    for entry in client["endpoints"].get("endpoints", []):
        if entry["identifier"] == identifier and entry.get("role", interface_role) == interface_role:
            return entry["url"]
    return None


@app.get("/control/state")
async def control_state():
    return store.data


@app.post("/control/seed")
async def control_seed(request: Request):
    """Seeds objects this peer owns (a CPO's locations, an eMSP's tokens), each checked by py_ocpi's model."""
    body = await request.json()
    version = VersionNumber(body.get("version", VERSIONS[0].value))
    model = get_module_model(
        class_name={"locations": "Location", "tokens": "Token", "sessions": "Session", "cdrs": "Cdr", "tariffs": "Tariff"}[body["module"]],
        module_name=body["module"],
        version_name=version.name,
    )
    for item in body["objects"]:
        valid = plain(model(**item).dict())
        object_id = valid.get("uid") if body["module"] == "tokens" else valid.get("id")
        store.data[body["module"]][key(object_id)] = valid
    store.data["authorizations"].update({key(uid): answer for uid, answer in body.get("authorizations", {}).items()})
    store.save()
    return {"seeded": len(body["objects"])}


@app.post("/control/push")
async def control_push(request: Request):
    """Pushes one of this peer's objects to our CSMS with py_ocpi's own push client."""
    body = await request.json()
    token, client = the_client()
    version = VersionNumber(client["version"])
    details_url = client["credentials"]["url"].rsplit("/versions", 1)[0] + f"/{version.value}"
    push = Push(
        module_id=ModuleID(body["module"]),
        object_id=body["object_id"],
        receivers=[Receiver(endpoints_url=details_url, auth_token=client["credentials"]["token"])],
    )
    result = await push_object(version, push, PeerCrud, BaseAdapter, auth_token=token)
    return plain(result.dict())


@app.post("/control/command")
async def control_command(request: Request):
    """Sends a command to our CSMS (eMSP → CPO) with a response_url on this peer's commands endpoint."""
    body = await request.json()
    _, client = the_client()
    version = client["version"]
    uid = secrets.token_hex(6)
    response_url = f"http://127.0.0.1:{args.port}/ocpi/emsp/{version}/commands/{uid}"
    url = endpoint(client, "commands", "RECEIVER")
    payload = {**body["body"], "response_url": response_url}
    async with httpx.AsyncClient(timeout=30) as http:
        reply = await http.post(f"{url.rstrip('/')}/{body['command']}", json=payload, headers=client_header(client))
    return {"uid": uid, "http_status": reply.status_code, "reply": reply.json()}


@app.post("/control/pull")
async def control_pull(request: Request):
    """Pulls a module of our CSMS (following its Link headers), checking every object with py_ocpi's model."""
    body = await request.json()
    _, client = the_client()
    version = VersionNumber(client["version"])
    model = get_module_model(
        class_name={"locations": "Location", "sessions": "Session", "cdrs": "Cdr", "tariffs": "Tariff", "tokens": "Token"}[body["module"]],
        module_name=body["module"],
        version_name=version.name,
    )
    url = endpoint(client, body["module"], "SENDER")
    params = body.get("params") or {}
    pages = []
    objects = []
    errors = []
    async with httpx.AsyncClient(timeout=30) as http:
        while url and len(pages) < 50:
            reply = await http.get(url, params=params, headers=client_header(client))
            params = None
            payload = reply.json()
            pages.append(
                {
                    "http_status": reply.status_code,
                    "status_code": payload.get("status_code"),
                    "count": len(payload.get("data") or []),
                    "total": reply.headers.get("x-total-count"),
                    "limit": reply.headers.get("x-limit"),
                    "link": reply.headers.get("link"),
                    "request_id": reply.headers.get("x-request-id"),
                }
            )
            for item in payload.get("data") or []:
                try:
                    model(**item)
                    objects.append(item)
                except Exception as error:  # noqa: BLE001 - every invalid object is reported
                    errors.append({"object": item.get("id") or item.get("uid"), "error": str(error)})
            link = reply.headers.get("link")
            url = link.split(">")[0].lstrip("<") if link else None
    return {"pages": pages, "objects": objects, "errors": errors}


@app.post("/control/register")
async def control_register(request: Request):
    """This peer registers with our CSMS (the Sender of the credentials exchange) with the token A we handed it."""
    body = await request.json()
    token_a = body["token_a"]
    async with httpx.AsyncClient(timeout=30) as http:
        def header(token, version):
            return {"Authorization": f"Token {encode_string_base64(token) if version.startswith('2.2') else token}"}

        versions = (await http.get(body["versions_url"], headers=header(token_a, "2.2.1"))).json()["data"]
        ours = [entry["version"] for entry in versions]
        version = next(v.value for v in VERSIONS if v.value in ours)
        details_url = next(entry["url"] for entry in versions if entry["version"] == version)
        details = (await http.get(details_url, headers=header(token_a, version))).json()["data"]
        credentials_url = next(entry["url"] for entry in details["endpoints"] if entry["identifier"] == "credentials")
        token_b = secrets.token_urlsafe(24)
        # Our CSMS calls back with token B while the POST is open: it must be valid already.
        store.data["clients"][token_b] = {"credentials": {"token": None}, "endpoints": details, "version": version}
        reply = await http.post(credentials_url, json=own_credentials(token_b, VersionNumber(version)), headers=header(token_a, version))
        answer = reply.json()
        if answer.get("status_code") != 1000:
            store.data["clients"].pop(token_b)
            return {"http_status": reply.status_code, "body": answer}
        store.data["clients"][token_b] = {"credentials": answer["data"], "endpoints": details, "version": version}
        store.save()
        return {"http_status": reply.status_code, "body": answer, "version": version}


@app.post("/control/forget")
async def control_forget(request: Request):
    """Forgets an object this peer was given (so that a later PATCH of it is refused)."""
    body = await request.json()
    store.data[body["module"]].pop(key(body["id"]), None)
    store.save()
    return {"forgotten": body["id"]}


@app.post("/control/get")
async def control_get(request: Request):
    """An authenticated request on our CSMS with this peer's credentials, as it is (for protocol tests)."""
    body = await request.json()
    _, client = the_client()
    async with httpx.AsyncClient(timeout=30) as http:
        reply = await http.request(body.get("method", "GET"), body["url"], json=body.get("json"), headers=client_header(client))
    return {"http_status": reply.status_code, "headers": dict(reply.headers), "body": reply.json()}


async def main() -> None:
    config = uvicorn.Config(RecordReceived(app), host="127.0.0.1", port=args.port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.05)
    print(json.dumps({"event": "listening", "port": args.port}), flush=True)
    await task


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
