"""An OCPP 2.0.1-J charging station built on the independent Python `ocpp` package (mobilityhouse).

Drives one whole session against the CSMS and talks to the test that spawned it through JSON lines:
it prints events on stdout and waits for commands on stdin.

    python3 ocpp201_station.py ws://127.0.0.1:PORT/ocpp/default STATION_ID TAG_ID

  -> {"event": "started", "transactionId": "..."}  after Boot, Status, Authorize, TransactionEvent Started
  <- meter                                         the test is subscribed: send TransactionEvent Updated x3
  -> {"event": "metered", "samples": 3}
  (waits for a RequestStopTransaction from the CSMS, accepts it, then ends the transaction)
  -> {"event": "stopped", "transactionId": "..."}
"""

import asyncio
import sys
import uuid
from datetime import datetime, timedelta, timezone

import websockets
from ocpp.routing import after, on
from ocpp.v201 import ChargePoint, call, call_result
from ocpp.v201.enums import (
    Action,
    AuthorizationStatusEnumType,
    BootReasonEnumType,
    ConnectorStatusEnumType,
    RegistrationStatusEnumType,
    RequestStartStopStatusEnumType,
)

from station_io import emit, iso, stdin_reader

METER_START_WH = 1000
SAMPLES_WH = [1500, 2000, 2500]
METER_STOP_WH = 3000


def meter_value(moment: datetime, energy_wh: int, context: str, watts=None) -> dict:
    sampled = [
        {
            "value": energy_wh,
            "context": context,
            "measurand": "Energy.Active.Import.Register",
            "unitOfMeasure": {"unit": "Wh"},
        }
    ]
    if watts is not None:
        sampled.append(
            {
                "value": watts / 1000,
                "context": context,
                "measurand": "Power.Active.Import",
                "unitOfMeasure": {"unit": "kW"},
            }
        )
    return {"timestamp": iso(moment), "sampledValue": sampled}


class Station(ChargePoint):
    def __init__(self, identity, connection):
        super().__init__(identity, connection)
        self.transaction_id = str(uuid.uuid4())
        self.stop_requested = asyncio.Event()
        self.seq_no = 0

    @on(Action.request_stop_transaction)
    async def on_request_stop(self, transaction_id: str, **_):
        if transaction_id != self.transaction_id:
            return call_result.RequestStopTransaction(status=RequestStartStopStatusEnumType.rejected)
        return call_result.RequestStopTransaction(status=RequestStartStopStatusEnumType.accepted)

    @after(Action.request_stop_transaction)
    async def after_request_stop(self, transaction_id: str, **_):
        if transaction_id == self.transaction_id:
            self.stop_requested.set()

    async def status(self, status: ConnectorStatusEnumType) -> None:
        await self.call(
            call.StatusNotification(
                timestamp=iso(datetime.now(timezone.utc)), connector_status=status, evse_id=1, connector_id=1
            )
        )

    async def transaction_event(self, **fields):
        response = await self.call(call.TransactionEvent(seq_no=self.seq_no, **fields))
        self.seq_no += 1
        return response

    async def session(self, tag: str, stdin: asyncio.StreamReader) -> None:
        boot = await self.call(
            call.BootNotification(
                charging_station={"model": "PyStation201", "vendorName": "mobilityhouse-ocpp", "firmwareVersion": "2.1.0"},
                reason=BootReasonEnumType.power_up,
            )
        )
        assert boot.status == RegistrationStatusEnumType.accepted, boot
        await self.call(call.Heartbeat())
        await self.status(ConnectorStatusEnumType.available)
        id_token = {"idToken": tag, "type": "ISO14443"}
        authorized = await self.call(call.Authorize(id_token=id_token))
        assert authorized.id_token_info["status"] == AuthorizationStatusEnumType.accepted, authorized
        await self.status(ConnectorStatusEnumType.occupied)
        started_at = datetime.now(timezone.utc) - timedelta(minutes=30)
        started = await self.transaction_event(
            event_type="Started",
            timestamp=iso(started_at),
            trigger_reason="Authorized",
            transaction_info={"transactionId": self.transaction_id, "chargingState": "Charging"},
            evse={"id": 1, "connectorId": 1},
            id_token=id_token,
            meter_value=[meter_value(started_at, METER_START_WH, "Transaction.Begin")],
        )
        assert started.id_token_info["status"] == AuthorizationStatusEnumType.accepted, started
        emit({"event": "started", "transactionId": self.transaction_id})

        line = (await stdin.readline()).decode().strip()
        assert line == "meter", line
        for index, energy in enumerate(SAMPLES_WH):
            moment = started_at + timedelta(minutes=5 * (index + 1))
            await self.transaction_event(
                event_type="Updated",
                timestamp=iso(moment),
                trigger_reason="MeterValuePeriodic",
                transaction_info={"transactionId": self.transaction_id},
                meter_value=[meter_value(moment, energy, "Sample.Periodic", watts=7200)],
            )
        emit({"event": "metered", "samples": len(SAMPLES_WH)})

        await asyncio.wait_for(self.stop_requested.wait(), timeout=30)
        stopped_at = started_at + timedelta(minutes=20)
        await self.transaction_event(
            event_type="Ended",
            timestamp=iso(stopped_at),
            trigger_reason="RemoteStop",
            transaction_info={"transactionId": self.transaction_id, "stoppedReason": "Remote"},
            meter_value=[meter_value(stopped_at, METER_STOP_WH, "Transaction.End")],
        )
        await self.status(ConnectorStatusEnumType.available)
        emit({"event": "stopped", "transactionId": self.transaction_id})


async def main(endpoint: str, identity: str, tag: str) -> None:
    stdin = await stdin_reader()
    async with websockets.connect(f"{endpoint}/{identity}", subprotocols=["ocpp2.0.1"]) as connection:
        assert connection.subprotocol == "ocpp2.0.1", connection.subprotocol
        station = Station(identity, connection)
        listener = asyncio.create_task(station.start())
        try:
            await station.session(tag, stdin)
        finally:
            listener.cancel()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
