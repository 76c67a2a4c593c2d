"""What every scripted station peer shares with its test: events out as JSON lines on stdout,
commands in one a line on stdin, and timestamps in UTC as OCPP writes them."""

import asyncio
import json
import sys
from datetime import datetime, timezone


def emit(event: dict) -> None:
    print(json.dumps(event), flush=True)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def now() -> str:
    return iso(datetime.now(timezone.utc))


async def stdin_reader() -> asyncio.StreamReader:
    """The test's commands, read without blocking the station's event loop."""
    reader = asyncio.StreamReader()
    await asyncio.get_running_loop().connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    return reader
