"""An OCPP 1.6-J charging station built on the independent Python `ocpp` package (mobilityhouse).

Drives one whole session against the central system and talks to the test that spawned it through
JSON lines: it prints events on stdout and waits for commands on stdin.

    python3 ocpp16_station.py ws://127.0.0.1:PORT/ocpp/default STATION_ID TAG_ID

  -> {"event": "started", "transactionId": N}      after Boot, Status, Authorize, StartTransaction
  <- meter                                         the test is subscribed: send the meter values
  -> {"event": "metered", "samples": 3}
  (waits for a RemoteStopTransaction from the central system, accepts it, then stops)
  -> {"event": "stopped", "transactionId": N}
"""

import asyncio
import sys
from datetime import datetime, timedelta, timezone

import websockets
from ocpp.routing import after, on
from ocpp.v16 import ChargePoint, call
from ocpp.v16.enums import (
    Action,
    AuthorizationStatus,
    ChargePointErrorCode,
    ChargePointStatus,
    Measurand,
    Reason,
    ReadingContext,
    RegistrationStatus,
    RemoteStartStopStatus,
    UnitOfMeasure,
)
from ocpp.v16 import call_result

from station_io import emit, iso, stdin_reader


METER_START_WH = 1000
SAMPLES_WH = [1500, 2000, 2500]
METER_STOP_WH = 3000


class Station(ChargePoint):
    def __init__(self, identity, connection):
        super().__init__(identity, connection)
        self.transaction_id = None
        self.stop_requested = asyncio.Event()

    @on(Action.remote_stop_transaction)
    async def on_remote_stop(self, transaction_id: int):
        if transaction_id != self.transaction_id:
            return call_result.RemoteStopTransaction(status=RemoteStartStopStatus.rejected)
        return call_result.RemoteStopTransaction(status=RemoteStartStopStatus.accepted)

    @after(Action.remote_stop_transaction)
    async def after_remote_stop(self, transaction_id: int):
        if transaction_id == self.transaction_id:
            self.stop_requested.set()

    async def status(self, connector_id: int, status: ChargePointStatus) -> None:
        await self.call(
            call.StatusNotification(
                connector_id=connector_id,
                error_code=ChargePointErrorCode.no_error,
                status=status,
                timestamp=iso(datetime.now(timezone.utc)),
            )
        )

    async def session(self, tag: str, stdin: asyncio.StreamReader) -> None:
        boot = await self.call(
            call.BootNotification(
                charge_point_model="PyStation", charge_point_vendor="mobilityhouse-ocpp", firmware_version="2.1.0"
            )
        )
        assert boot.status == RegistrationStatus.accepted, boot
        await self.status(0, ChargePointStatus.available)
        await self.status(1, ChargePointStatus.available)
        authorized = await self.call(call.Authorize(id_tag=tag))
        assert authorized.id_tag_info["status"] == AuthorizationStatus.accepted, authorized
        await self.status(1, ChargePointStatus.preparing)
        started_at = datetime.now(timezone.utc)
        started = await self.call(
            call.StartTransaction(connector_id=1, id_tag=tag, meter_start=METER_START_WH, timestamp=iso(started_at))
        )
        assert started.id_tag_info["status"] == AuthorizationStatus.accepted, started
        self.transaction_id = started.transaction_id
        await self.status(1, ChargePointStatus.charging)
        emit({"event": "started", "transactionId": self.transaction_id})

        line = (await stdin.readline()).decode().strip()
        assert line == "meter", line
        for index, energy in enumerate(SAMPLES_WH):
            moment = started_at + timedelta(minutes=5 * (index + 1))
            await self.call(
                call.MeterValues(
                    connector_id=1,
                    transaction_id=self.transaction_id,
                    meter_value=[
                        {
                            "timestamp": iso(moment),
                            "sampledValue": [
                                {
                                    "value": str(energy),
                                    "measurand": Measurand.energy_active_import_register,
                                    "unit": UnitOfMeasure.wh,
                                    "context": ReadingContext.sample_periodic,
                                },
                                {
                                    "value": "7.2",
                                    "measurand": Measurand.power_active_import,
                                    "unit": UnitOfMeasure.kw,
                                    "context": ReadingContext.sample_periodic,
                                },
                            ],
                        }
                    ],
                )
            )
        emit({"event": "metered", "samples": len(SAMPLES_WH)})

        await asyncio.wait_for(self.stop_requested.wait(), timeout=30)
        await self.status(1, ChargePointStatus.finishing)
        stopped_at = started_at + timedelta(minutes=20)
        await self.call(
            call.StopTransaction(
                meter_stop=METER_STOP_WH,
                timestamp=iso(stopped_at),
                transaction_id=self.transaction_id,
                reason=Reason.remote,
                id_tag=tag,
                transaction_data=[
                    {
                        "timestamp": iso(stopped_at),
                        "sampledValue": [
                            {
                                "value": str(METER_STOP_WH),
                                "measurand": Measurand.energy_active_import_register,
                                "unit": UnitOfMeasure.wh,
                                "context": ReadingContext.transaction_end,
                            }
                        ],
                    }
                ],
            )
        )
        await self.status(1, ChargePointStatus.available)
        emit({"event": "stopped", "transactionId": self.transaction_id})


async def main(endpoint: str, identity: str, tag: str) -> None:
    stdin = await stdin_reader()
    async with websockets.connect(f"{endpoint}/{identity}", subprotocols=["ocpp1.6"]) as connection:
        assert connection.subprotocol == "ocpp1.6", connection.subprotocol
        station = Station(identity, connection)
        listener = asyncio.create_task(station.start())
        try:
            await station.session(tag, stdin)
        finally:
            listener.cancel()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
