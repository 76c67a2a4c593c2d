"""A charging station under smart charging, built on the independent Python `ocpp` package (mobilityhouse),
speaking OCPP 1.6-J or 2.0.1-J. It reports every charging profile the CSMS sets, as the package decoded it,
so a test can check what a real peer received.

    python3 smart_charging_station.py ws://127.0.0.1:PORT/ocpp/default STATION_ID TAG_ID VERSION VENDOR

  -> {"event": "booted"}                                 after Boot and Status Available
  <- start                                               (the test saw the station's template applied)
  -> {"event": "started", "transactionId": ...}          after Authorize and the transaction start
  -> {"event": "profile", "connectorId": N, "profile": {...}}   each SetChargingProfile (accepted);
                                                          2.0.1: connectorId is the EVSE id, 0 the station
  -> {"event": "cleared", "profile": {...}}              each ClearChargingProfile (accepted)
  <- stop
  -> {"event": "stopped", "transactionId": ...}          after the transaction ends
"""

import asyncio
import sys
import uuid

import websockets
from ocpp.routing import on
from ocpp.v16 import ChargePoint as ChargePoint16
from ocpp.v16 import call as call16
from ocpp.v16 import call_result as result16
from ocpp.v16.enums import Action as Action16
from ocpp.v16.enums import ChargePointErrorCode, ChargePointStatus, ChargingProfileStatus, ClearChargingProfileStatus
from ocpp.v201 import ChargePoint as ChargePoint201
from ocpp.v201 import call as call201
from ocpp.v201 import call_result as result201
from ocpp.v201.enums import Action as Action201
from ocpp.v201.enums import (
    BootReasonEnumType,
    ChargingProfileStatusEnumType,
    ClearChargingProfileStatusEnumType,
    ConnectorStatusEnumType,
)

from station_io import emit, now, stdin_reader

METER_START_WH = 1000
METER_STOP_WH = 4000


class Station16(ChargePoint16):
    transaction_id = None

    @on(Action16.set_charging_profile)
    async def on_set_profile(self, connector_id: int, cs_charging_profiles: dict, **_):
        emit({"event": "profile", "connectorId": connector_id, "profile": cs_charging_profiles})
        return result16.SetChargingProfile(status=ChargingProfileStatus.accepted)

    @on(Action16.clear_charging_profile)
    async def on_clear_profile(self, **fields):
        emit({"event": "cleared", "profile": fields})
        return result16.ClearChargingProfile(status=ClearChargingProfileStatus.accepted)

    async def status(self, status: ChargePointStatus) -> None:
        await self.call(
            call16.StatusNotification(connector_id=1, error_code=ChargePointErrorCode.no_error, status=status)
        )

    async def boot(self, vendor: str) -> None:
        await self.call(call16.BootNotification(charge_point_model="PySmart", charge_point_vendor=vendor))
        await self.status(ChargePointStatus.available)

    async def start_transaction(self, tag: str) -> None:
        await self.status(ChargePointStatus.preparing)
        started = await self.call(
            call16.StartTransaction(connector_id=1, id_tag=tag, meter_start=METER_START_WH, timestamp=now())
        )
        self.transaction_id = started.transaction_id
        await self.status(ChargePointStatus.charging)

    async def stop_transaction(self, tag: str) -> None:
        await self.call(
            call16.StopTransaction(
                meter_stop=METER_STOP_WH, timestamp=now(), transaction_id=self.transaction_id, id_tag=tag
            )
        )
        await self.status(ChargePointStatus.available)


class Station201(ChargePoint201):
    transaction_id = str(uuid.uuid4())
    seq_no = 0

    @on(Action201.set_charging_profile)
    async def on_set_profile(self, evse_id: int, charging_profile: dict, **_):
        emit({"event": "profile", "connectorId": evse_id, "profile": charging_profile})
        return result201.SetChargingProfile(status=ChargingProfileStatusEnumType.accepted)

    @on(Action201.clear_charging_profile)
    async def on_clear_profile(self, **fields):
        emit({"event": "cleared", "profile": fields})
        return result201.ClearChargingProfile(status=ClearChargingProfileStatusEnumType.accepted)

    async def status(self, status: ConnectorStatusEnumType) -> None:
        await self.call(call201.StatusNotification(timestamp=now(), connector_status=status, evse_id=1, connector_id=1))

    async def boot(self, vendor: str) -> None:
        await self.call(
            call201.BootNotification(
                charging_station={"model": "PySmart", "vendorName": vendor}, reason=BootReasonEnumType.power_up
            )
        )
        await self.status(ConnectorStatusEnumType.available)

    async def transaction_event(self, **fields) -> None:
        await self.call(call201.TransactionEvent(seq_no=self.seq_no, timestamp=now(), **fields))
        self.seq_no += 1

    def energy(self, wh: int, context: str) -> list:
        return [
            {
                "timestamp": now(),
                "sampledValue": [
                    {"value": wh, "context": context, "measurand": "Energy.Active.Import.Register"}
                ],
            }
        ]

    async def start_transaction(self, tag: str) -> None:
        await self.status(ConnectorStatusEnumType.occupied)
        await self.transaction_event(
            event_type="Started",
            trigger_reason="Authorized",
            transaction_info={"transactionId": self.transaction_id, "chargingState": "Charging"},
            evse={"id": 1, "connectorId": 1},
            id_token={"idToken": tag, "type": "ISO14443"},
            meter_value=self.energy(METER_START_WH, "Transaction.Begin"),
        )

    async def stop_transaction(self, tag: str) -> None:
        await self.transaction_event(
            event_type="Ended",
            trigger_reason="StopAuthorized",
            transaction_info={"transactionId": self.transaction_id, "stoppedReason": "Local"},
            meter_value=self.energy(METER_STOP_WH, "Transaction.End"),
        )
        await self.status(ConnectorStatusEnumType.available)


async def main(endpoint: str, identity: str, tag: str, version: str, vendor: str) -> None:
    stdin = await stdin_reader()
    subprotocol = "ocpp2.0.1" if version == "2.0.1" else "ocpp1.6"
    async with websockets.connect(f"{endpoint}/{identity}", subprotocols=[subprotocol]) as connection:
        assert connection.subprotocol == subprotocol, connection.subprotocol
        station = (Station201 if version == "2.0.1" else Station16)(identity, connection)
        listener = asyncio.create_task(station.start())
        try:
            await station.boot(vendor)
            emit({"event": "booted"})
            assert (await stdin.readline()).decode().strip() == "start"
            await station.start_transaction(tag)
            emit({"event": "started", "transactionId": station.transaction_id})
            assert (await stdin.readline()).decode().strip() == "stop"
            await station.stop_transaction(tag)
            emit({"event": "stopped", "transactionId": station.transaction_id})
        finally:
            listener.cancel()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:6]))
