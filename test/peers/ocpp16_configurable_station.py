"""An OCPP 1.6-J charging station with a configuration, built on the independent Python `ocpp` package.

Boots with the given identity, reports its connectors Available, then answers the central system's
GetConfiguration, ChangeConfiguration and Reset from its configuration. Every CALL it receives is
reported on stdout as one JSON line. On stdin: `status CONNECTOR STATUS` sends a StatusNotification
(answered with {"event": "status"}), `quit` ends it.

    python3 ocpp16_configurable_station.py ws://HOST:PORT/ocpp/default STATION_ID SETUP_JSON

SETUP_JSON: {"vendor": "...", "model": "...", "firmware": "...", "connectors": 2,
             "keys": {"HeartbeatInterval": "300", ...},          the configuration it reports
             "answers": {"ConnectionTimeOut": "RebootRequired"}}  ChangeConfiguration answers (default Accepted)

  -> {"event": "booted"}
  -> {"event": "GetConfiguration", "keys": [...]}        ([] when asked for everything)
  -> {"event": "ChangeConfiguration", "key": K, "value": V, "status": S}
  -> {"event": "Reset", "type": "Soft"}
"""

import asyncio
import json
import sys
from datetime import datetime, timezone

import websockets
from ocpp.routing import on
from ocpp.v16 import ChargePoint, call, call_result
from ocpp.v16.enums import (
    Action,
    ChargePointErrorCode,
    ChargePointStatus,
    ConfigurationStatus,
    RegistrationStatus,
    ResetStatus,
)

from station_io import emit, stdin_reader


class Station(ChargePoint):
    def __init__(self, identity, connection, setup):
        super().__init__(identity, connection)
        self.setup = setup
        self.keys = dict(setup.get("keys", {}))
        self.answers = setup.get("answers", {})

    @on(Action.get_configuration)
    async def on_get_configuration(self, key=None):
        asked = key or []
        emit({"event": "GetConfiguration", "keys": asked})
        names = asked or list(self.keys)
        known = [{"key": name, "readonly": False, "value": self.keys[name]} for name in names if name in self.keys]
        unknown = [name for name in names if name not in self.keys]
        return call_result.GetConfiguration(configuration_key=known, unknown_key=unknown or None)

    @on(Action.change_configuration)
    async def on_change_configuration(self, key, value):
        if key not in self.keys:
            status = ConfigurationStatus.not_supported
        else:
            status = ConfigurationStatus(self.answers.get(key, "Accepted"))
            if status in (ConfigurationStatus.accepted, ConfigurationStatus.reboot_required):
                self.keys[key] = value
        emit({"event": "ChangeConfiguration", "key": key, "value": value, "status": status.value})
        return call_result.ChangeConfiguration(status=status)

    @on(Action.reset)
    async def on_reset(self, type):
        emit({"event": "Reset", "type": type})
        return call_result.Reset(status=ResetStatus.accepted)

    async def boot(self) -> None:
        answer = await self.call(
            call.BootNotification(
                charge_point_vendor=self.setup["vendor"],
                charge_point_model=self.setup["model"],
                firmware_version=self.setup.get("firmware"),
            )
        )
        assert answer.status == RegistrationStatus.accepted, answer
        for connector_id in range(0, self.setup.get("connectors", 1) + 1):
            await self.status(connector_id, ChargePointStatus.available)
        emit({"event": "booted"})

    async def status(self, connector_id: int, status: ChargePointStatus) -> None:
        await self.call(
            call.StatusNotification(
                connector_id=connector_id,
                error_code=ChargePointErrorCode.no_error,
                status=status,
                timestamp=datetime.now(timezone.utc).isoformat().replace("+00:00", "Z"),
            )
        )


async def main(endpoint: str, identity: str, setup_json: str) -> None:
    setup = json.loads(setup_json)
    stdin = await stdin_reader()
    async with websockets.connect(f"{endpoint}/{identity}", subprotocols=["ocpp1.6"]) as connection:
        station = Station(identity, connection, setup)
        listener = asyncio.create_task(station.start())
        try:
            await station.boot()
            while True:
                command = (await stdin.readline()).decode().split()
                if not command or command[0] == "quit":
                    break
                if command[0] == "status":
                    await station.status(int(command[1]), ChargePointStatus(command[2]))
                    emit({"event": "status"})
        finally:
            listener.cancel()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
