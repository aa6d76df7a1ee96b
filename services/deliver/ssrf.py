"""Which addresses a webhook may reach (pure).

A subscriber's URL is resolved at delivery time and every address checked: a name
that resolves to a private, loopback or metadata address would otherwise let a
subscriber make pressroom probe its own network. Operators may allow networks
(``PRESSROOM_WEBHOOK_ALLOW_NETWORKS``), as the tests and `pressroom up` do for
127.0.0.0/8.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

CGNAT = ipaddress.ip_network("100.64.0.0/10")
NAT64 = ipaddress.ip_network("64:ff9b::/96")
NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


def parse_networks(spec: str) -> list[IPNetwork]:
    """``"127.0.0.0/8, ::1/128"`` -> networks; raises ValueError naming a bad entry."""
    networks = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ValueError(
                f"not a network in PRESSROOM_WEBHOOK_ALLOW_NETWORKS: {part!r}"
            ) from None
    return networks


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address hidden in an IPv4-mapped, NAT64 or 6to4 IPv6 address."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in NAT64 or address in NAT64_LOCAL:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        return address.sixtofour
    return None


def refusal(address: IPAddress, allowed: Iterable[IPNetwork]) -> str | None:
    """Why ``address`` may not be reached, or None if it may."""
    allowed = list(allowed)
    if any(address.version == net.version and address in net for net in allowed):
        return None
    inner = _embedded_ipv4(address)
    if inner is not None:
        reason = refusal(inner, allowed)
        return f"{address} embeds {inner}: {reason}" if reason else None
    checks = (
        (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local"),
        (address.is_multicast, "multicast"),
        (address.is_unspecified, "unspecified"),
        (address.is_reserved, "reserved"),
        (isinstance(address, ipaddress.IPv4Address) and address in CGNAT, "shared (CGNAT)"),
        (address.is_private, "private"),
        (not address.is_global, "not globally routable"),
    )
    for hit, what in checks:
        if hit:
            return f"{address} is a {what} address"
    return None
