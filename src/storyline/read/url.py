"""http(s) URLs: fetched with a timeout, a size cap and a user agent that names us."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from storyline._version import __version__
from storyline.errors import InputError
from storyline.sizes import format_size

USER_AGENT = f"storyline/{__version__} (news story builder; +https://pypi.org/project/storyline/)"


@dataclass(slots=True, frozen=True)
class Fetched:
    body: bytes
    content_type: str
    final_url: str


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """GET `url`; raise InputError on any network or HTTP failure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                size, cap = format_size(int(length)), format_size(max_bytes)
                raise InputError(url, f"response is {size}, over the {cap} limit")
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise InputError(url, f"response is over the {format_size(max_bytes)} limit")
            content_type = response.headers.get_content_type()
            return Fetched(body, content_type, response.geturl())
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise InputError(url, f"no answer within {timeout:g} s") from exc
        raise InputError(url, f"cannot fetch ({reason})") from exc
    except TimeoutError as exc:
        raise InputError(url, f"no answer within {timeout:g} s") from exc
    except OSError as exc:
        raise InputError(url, f"cannot fetch ({exc})") from exc
