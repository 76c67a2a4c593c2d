"""An OCPP 2.0.1-J station (independent Python `ocpp` package) that shows prices: it reports what the
CSMS tells it about cost (personalMessage, totalCost, CostUpdated) to the test that spawned it.

    python3 ocpp201_pricing_station.py ws://127.0.0.1:PORT/ocpp/default STATION_ID TAG_ID START_ISO

  -> {"event": "started", "transactionId": "...", "personalMessage": "...", "personalMessageLanguage": "..",
      "authorizeMessage": "..."}
  <- meter MINUTES WH          TransactionEvent Updated at START + MINUTES with the register at WH
  -> {"event": "metered", "totalCost": 1.23}
  <- end MINUTES WH            TransactionEvent Ended
  -> {"event": "ended", "totalCost": 4.56}
  any time: -> {"event": "costUpdated", "transactionId": "...", "totalCost": 1.23}
"""

import asyncio
import sys
import uuid
from datetime import datetime, timedelta

import websockets
from ocpp.routing import on
from ocpp.v201 import ChargePoint, call, call_result
from ocpp.v201.enums import Action, BootReasonEnumType, RegistrationStatusEnumType

from station_io import emit, iso, stdin_reader



def personal_message(id_token_info: dict) -> dict:
    """The personalMessage the CSMS answered (the library hands nested keys over in snake_case)."""
    return id_token_info.get("personal_message") or id_token_info.get("personalMessage") or {}


def message_of(id_token_info: dict):
    return personal_message(id_token_info).get("content")


def register(moment: datetime, energy_wh: float, context: str) -> list:
    return [
        {
            "timestamp": iso(moment),
            "sampledValue": [
                {
                    "value": energy_wh,
                    "context": context,
                    "measurand": "Energy.Active.Import.Register",
                    "unitOfMeasure": {"unit": "Wh"},
                }
            ],
        }
    ]


class Station(ChargePoint):
    def __init__(self, identity, connection):
        super().__init__(identity, connection)
        self.transaction_id = str(uuid.uuid4())
        self.seq_no = 0

    @on(Action.cost_updated)
    async def on_cost_updated(self, total_cost, transaction_id, **_):
        emit({"event": "costUpdated", "transactionId": transaction_id, "totalCost": total_cost})
        return call_result.CostUpdated()

    async def transaction_event(self, **fields):
        response = await self.call(call.TransactionEvent(seq_no=self.seq_no, **fields))
        self.seq_no += 1
        return response

    async def session(self, tag: str, start: datetime, stdin: asyncio.StreamReader) -> None:
        boot = await self.call(
            call.BootNotification(
                charging_station={"model": "PyPricing201", "vendorName": "mobilityhouse-ocpp"},
                reason=BootReasonEnumType.power_up,
            )
        )
        assert boot.status == RegistrationStatusEnumType.accepted, boot
        id_token = {"idToken": tag, "type": "ISO14443"}
        authorized = await self.call(call.Authorize(id_token=id_token))
        started = await self.transaction_event(
            event_type="Started",
            timestamp=iso(start),
            trigger_reason="Authorized",
            transaction_info={"transactionId": self.transaction_id, "chargingState": "Charging"},
            evse={"id": 1, "connectorId": 1},
            id_token=id_token,
            meter_value=register(start, 0, "Transaction.Begin"),
        )
        emit(
            {
                "event": "started",
                "transactionId": self.transaction_id,
                "authorizeMessage": message_of(authorized.id_token_info),
                "personalMessage": message_of(started.id_token_info),
                "personalMessageLanguage": personal_message(started.id_token_info).get("language"),
            }
        )
        while True:
            command, minutes, energy = (await stdin.readline()).decode().split()
            moment = start + timedelta(minutes=float(minutes))
            if command == "meter":
                response = await self.transaction_event(
                    event_type="Updated",
                    timestamp=iso(moment),
                    trigger_reason="MeterValuePeriodic",
                    transaction_info={"transactionId": self.transaction_id},
                    meter_value=register(moment, float(energy), "Sample.Periodic"),
                )
                emit({"event": "metered", "totalCost": response.total_cost})
            else:
                response = await self.transaction_event(
                    event_type="Ended",
                    timestamp=iso(moment),
                    trigger_reason="EVCommunicationLost",
                    transaction_info={"transactionId": self.transaction_id, "stoppedReason": "EVDisconnected"},
                    meter_value=register(moment, float(energy), "Transaction.End"),
                )
                emit({"event": "ended", "totalCost": response.total_cost})
                return


async def main(endpoint: str, identity: str, tag: str, start: str) -> None:
    stdin = await stdin_reader()
    async with websockets.connect(f"{endpoint}/{identity}", subprotocols=["ocpp2.0.1"]) as connection:
        station = Station(identity, connection)
        listener = asyncio.create_task(station.start())
        try:
            await station.session(tag, datetime.fromisoformat(start.replace("Z", "+00:00")), stdin)
            await asyncio.sleep(0.2)
        finally:
            listener.cancel()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
