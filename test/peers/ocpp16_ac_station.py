"""An OCPP 1.6-J AC charging station driven line by line, built on the independent Python `ocpp` package.

Boots, reports connector 1 Available, then runs what the test writes on stdin, one command a line,
answering each with one JSON line on stdout. Its meter values carry energy, power and current, and
no state of charge (an AC station does not know it) unless the test gives one (a DC station's).

    python3 ocpp16_ac_station.py ws://HOST:PORT/ocpp/TENANT STATION_ID

  <- start TAG           -> {"event": "started", "status": S, "transactionId": N}
  <- meter WH [SOC]      -> {"event": "metered"}      MeterValues dated now, the register at WH
  <- stop WH             -> {"event": "stopped", "transactionId": N}
  <- quit
"""

import asyncio
import sys

import websockets
from ocpp.v16 import ChargePoint, call
from ocpp.v16.enums import (
    ChargePointErrorCode,
    ChargePointStatus,
    Measurand,
    Reason,
    ReadingContext,
    RegistrationStatus,
    UnitOfMeasure,
)

from station_io import emit, now, stdin_reader


class Station(ChargePoint):
    transaction_id = None

    async def status(self, status: ChargePointStatus) -> None:
        await self.call(
            call.StatusNotification(
                connector_id=1, error_code=ChargePointErrorCode.no_error, status=status, timestamp=now()
            )
        )

    async def boot(self) -> None:
        boot = await self.call(call.BootNotification(charge_point_model="PyAC", charge_point_vendor="mobilityhouse-ocpp"))
        assert boot.status == RegistrationStatus.accepted, boot
        await self.status(ChargePointStatus.available)

    async def begin(self, tag: str) -> None:
        started = await self.call(call.StartTransaction(connector_id=1, id_tag=tag, meter_start=0, timestamp=now()))
        self.transaction_id = started.transaction_id
        await self.status(ChargePointStatus.charging)
        emit({"event": "started", "status": started.id_tag_info["status"], "transactionId": started.transaction_id})

    async def meter(self, wh: int, soc: "str | None") -> None:
        samples = [
            {"value": str(wh), "measurand": Measurand.energy_active_import_register, "unit": UnitOfMeasure.wh,
             "context": ReadingContext.sample_periodic},
            {"value": "7200", "measurand": Measurand.power_active_import, "unit": UnitOfMeasure.w,
             "context": ReadingContext.sample_periodic},
            {"value": "32", "measurand": Measurand.current_import, "unit": UnitOfMeasure.a,
             "context": ReadingContext.sample_periodic},
        ]
        if soc is not None:
            samples.append({"value": soc, "measurand": Measurand.soc, "unit": UnitOfMeasure.percent,
                            "context": ReadingContext.sample_periodic})
        await self.call(
            call.MeterValues(
                connector_id=1,
                transaction_id=self.transaction_id,
                meter_value=[{"timestamp": now(), "sampledValue": samples}],
            )
        )
        emit({"event": "metered"})

    async def stop(self, wh: int) -> None:
        await self.call(
            call.StopTransaction(meter_stop=wh, timestamp=now(), transaction_id=self.transaction_id, reason=Reason.local)
        )
        await self.status(ChargePointStatus.available)
        emit({"event": "stopped", "transactionId": self.transaction_id})


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
                if words[0] == "start":
                    await station.begin(words[1])
                elif words[0] == "meter":
                    await station.meter(int(words[1]), words[2] if len(words) > 2 else None)
                elif words[0] == "stop":
                    await station.stop(int(words[1]))
        finally:
            listener.cancel()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
