"""An OCPP 1.6-J station for the billing suites, built on the independent Python `ocpp` package.

Boots, reports connector 1 Available, then runs what the test writes on stdin, one command a line,
and answers each with one JSON line on stdout:

    python3 ocpp16_billing_station.py ws://HOST:PORT/ocpp/default STATION_ID

  <- authorize TAG                         -> {"event": "authorized", "status": "Accepted"}
  <- session TAG MINUTES ENERGY_WH [DAYS]  a whole session that ended just now (or DAYS ago):
                                           StartTransaction dated MINUTES before, one MeterValues,
                                           StopTransaction
                                           -> {"event": "started", "status": S, "transactionId": N}
                                           -> {"event": "stopped", "transactionId": N}   (if Accepted)
  <- start TAG ENERGY_WH                    a session that goes on: StartTransaction, Charging, MeterValues
                                           -> {"event": "started", "status": S, "transactionId": N}
  <- fault ERROR_CODE                      connector 1 reports Faulted with that ChargePointErrorCode
                                           -> {"event": "faulted"}
  <- stop REASON ENERGY_WH                 stops the started session with that Reason, then Available
                                           -> {"event": "stopped", "transactionId": N}
  <- quit
"""

import asyncio
import sys
from datetime import datetime, timedelta, timezone

import websockets
from ocpp.v16 import ChargePoint, call
from ocpp.v16.enums import (
    AuthorizationStatus,
    ChargePointErrorCode,
    ChargePointStatus,
    Measurand,
    Reason,
    ReadingContext,
    RegistrationStatus,
    UnitOfMeasure,
)

from station_io import emit, iso, stdin_reader

METER_START_WH = 10_000


def register(moment: datetime, wh: int, context: ReadingContext) -> dict:
    return {
        "timestamp": iso(moment),
        "sampledValue": [
            {
                "value": str(wh),
                "measurand": Measurand.energy_active_import_register,
                "unit": UnitOfMeasure.wh,
                "context": context,
            }
        ],
    }


class Station(ChargePoint):
    open_transaction = None

    async def status(
        self, status: ChargePointStatus, error_code: ChargePointErrorCode = ChargePointErrorCode.no_error
    ) -> None:
        await self.call(
            call.StatusNotification(
                connector_id=1,
                error_code=error_code,
                status=status,
                timestamp=iso(datetime.now(timezone.utc)),
            )
        )

    async def begin(self, tag: str, energy_wh: int) -> None:
        started = await self.call(
            call.StartTransaction(
                connector_id=1, id_tag=tag, meter_start=METER_START_WH, timestamp=iso(datetime.now(timezone.utc))
            )
        )
        status = started.id_tag_info["status"]
        emit({"event": "started", "status": status, "transactionId": started.transaction_id})
        self.open_transaction = started.transaction_id
        await self.status(ChargePointStatus.charging)
        await self.call(
            call.MeterValues(
                connector_id=1,
                transaction_id=started.transaction_id,
                meter_value=[
                    register(datetime.now(timezone.utc), METER_START_WH + energy_wh, ReadingContext.sample_periodic)
                ],
            )
        )

    async def fault(self, error_code: str) -> None:
        await self.status(ChargePointStatus.faulted, ChargePointErrorCode(error_code))
        emit({"event": "faulted"})

    async def stop(self, reason: str, energy_wh: int) -> None:
        transaction_id = self.open_transaction
        await self.call(
            call.StopTransaction(
                meter_stop=METER_START_WH + energy_wh,
                timestamp=iso(datetime.now(timezone.utc)),
                transaction_id=transaction_id,
                reason=Reason(reason),
            )
        )
        self.open_transaction = None
        await self.status(ChargePointStatus.available)
        emit({"event": "stopped", "transactionId": transaction_id})

    async def boot(self) -> None:
        boot = await self.call(
            call.BootNotification(charge_point_model="PyBilling", charge_point_vendor="mobilityhouse-ocpp")
        )
        assert boot.status == RegistrationStatus.accepted, boot
        await self.status(ChargePointStatus.available)

    async def authorize(self, tag: str) -> None:
        answer = await self.call(call.Authorize(id_tag=tag))
        emit({"event": "authorized", "status": answer.id_tag_info["status"]})

    async def session(self, tag: str, minutes: int, energy_wh: int, days_ago: int) -> None:
        stopped_at = datetime.now(timezone.utc) - timedelta(days=days_ago)
        started_at = stopped_at - timedelta(minutes=minutes)
        started = await self.call(
            call.StartTransaction(connector_id=1, id_tag=tag, meter_start=METER_START_WH, timestamp=iso(started_at))
        )
        status = started.id_tag_info["status"]
        emit({"event": "started", "status": status, "transactionId": started.transaction_id})
        if status != AuthorizationStatus.accepted:
            # A station stops a session the central system refused at once (1.6 §5.16 / StopTransactionOnInvalidId).
            await self.call(
                call.StopTransaction(
                    meter_stop=METER_START_WH,
                    timestamp=iso(started_at),
                    transaction_id=started.transaction_id,
                    reason=Reason.de_authorized,
                )
            )
            return
        await self.status(ChargePointStatus.charging)
        halfway = started_at + timedelta(minutes=minutes / 2)
        await self.call(
            call.MeterValues(
                connector_id=1,
                transaction_id=started.transaction_id,
                meter_value=[register(halfway, METER_START_WH + energy_wh // 2, ReadingContext.sample_periodic)],
            )
        )
        meter_stop = METER_START_WH + energy_wh
        await self.call(
            call.StopTransaction(
                meter_stop=meter_stop,
                timestamp=iso(stopped_at),
                transaction_id=started.transaction_id,
                reason=Reason.local,
                id_tag=tag,
                transaction_data=[register(stopped_at, meter_stop, ReadingContext.transaction_end)],
            )
        )
        await self.status(ChargePointStatus.available)
        emit({"event": "stopped", "transactionId": started.transaction_id})


async def main(endpoint: str, identity: str) -> None:
    stdin = await stdin_reader()
    async with websockets.connect(f"{endpoint}/{identity}", subprotocols=["ocpp1.6"]) as connection:
        station = Station(identity, connection)
        listener = asyncio.create_task(station.start())
        try:
            await station.boot()
            emit({"event": "booted"})
            while True:
                words = (await stdin.readline()).decode().split()
                if not words or words[0] == "quit":
                    return
                if words[0] == "authorize":
                    await station.authorize(words[1])
                elif words[0] == "start":
                    await station.begin(words[1], int(words[2]))
                elif words[0] == "fault":
                    await station.fault(words[1])
                elif words[0] == "stop":
                    await station.stop(words[1], int(words[2]))
                elif words[0] == "session":
                    await station.session(words[1], int(words[2]), int(words[3]), int(words[4]) if len(words) > 4 else 0)
        finally:
            listener.cancel()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
