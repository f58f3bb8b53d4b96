import { BlockList, isIP } from "node:net";

// Which address a request comes from, for rate limits. X-Forwarded-For is written by whoever
// sends the request, so it counts only as far as proxies we were told to trust appended it:
// the chain is read from the right (the socket's own peer first), skipping trusted proxies,
// and the first hop that is not one of them is the client (RFC 7239 §7.4's advice).

/** The header server/serve.ts sets (replacing any the client sent) and better-auth reads. */
export const CLIENT_ADDRESS_HEADER = "x-ringback-client-address";

const unmapped = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

/** A list of trusted proxies from `RINGBACK_TRUSTED_PROXIES` ("10.0.0.0/8, 192.0.2.7"); throws on a bad entry. */
export function trustedProxies(spec: string | undefined): BlockList | null {
  const entries = (spec ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [network, prefix, ...rest] = entry.split("/");
    const address = unmapped(network);
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : /^\d+$/.test(prefix) ? Number(prefix) : NaN;
    if (!family || rest.length || !(bits >= 0 && bits <= (family === 6 ? 128 : 32))) {
      throw new Error(`RINGBACK_TRUSTED_PROXIES: “${entry}” is not an IP address or CIDR range.`);
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

const isTrusted = (list: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
};

/** The client's address: the socket's peer, or with trusted proxies the first untrusted hop from the right. */
export function clientAddress(socketAddress: string, forwardedFor: string | string[] | undefined, trusted: BlockList | null): string {
  const peer = unmapped(socketAddress);
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map(unmapped).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    // A hop that is not an address was written by someone we do not trust: the proxy that
    // handed it over is as far as the chain can be believed.
    if (!isIP(hops[i])) return i === hops.length - 1 ? peer : hops[i + 1];
    if (!isTrusted(trusted, hops[i])) return hops[i];
  }
  return hops[0] ?? peer;
}
