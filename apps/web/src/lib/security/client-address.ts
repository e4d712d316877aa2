// The client's address for rate limits. The socket address comes from our own server (server.mjs
// overwrites PEER_HEADER on every request, so a client cannot set it). Forwarding headers are
// believed only when the hop that added them is a configured proxy (TRUSTED_PROXIES): walking
// X-Forwarded-For from the right, the first address that is not a trusted proxy is the client.
import { BlockList, isIP } from "node:net";

export const PEER_HEADER = "x-course-peer-address";
export const UNKNOWN_ADDRESS = "unknown";

type HeaderSource = Record<string, string | string[] | undefined> | Headers;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything else as it is (trimmed). */
export function normalizeAddress(address: string): string {
  const a = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
}

/** A set of proxy addresses and CIDR ranges ("10.0.0.1", "10.0.0.0/8", "::1"). */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly size: number;

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address = "", bits] = entry.split("/");
      const family = isIP(address) === 6 ? "ipv6" : "ipv4";
      if (bits === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(bits), family);
    }
    this.size = entries.length;
  }

  has(address: string): boolean {
    const kind = isIP(address);
    return kind !== 0 && this.list.check(address, kind === 6 ? "ipv6" : "ipv4");
  }
}

/** True for "10.0.0.1", "::1", "10.0.0.0/8", "fd00::/8" (what TRUSTED_PROXIES accepts). */
export function isAddressOrRange(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  const kind = isIP(address);
  if (kind === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (kind === 6 ? 128 : 32);
}

export function clientAddress(headers: HeaderSource, trusted: TrustedProxies): string {
  const peer = header(headers, PEER_HEADER);
  if (!peer) return UNKNOWN_ADDRESS;
  let client = normalizeAddress(peer);
  if (!trusted.has(client)) return client;
  const hops = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map(normalizeAddress)
    .filter(Boolean);
  while (trusted.has(client)) {
    const next = hops.pop();
    if (!next) break;
    client = next;
  }
  return client;
}
