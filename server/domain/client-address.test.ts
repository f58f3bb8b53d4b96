import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./client-address";

// Cases worked by hand from RFC 7239 §7.4 (read the chain from the right, stop at the first
// hop that is not a trusted proxy).
describe("clientAddress", () => {
  const proxies = trustedProxies("10.0.0.0/8, 192.0.2.7, 2001:db8::/32");

  it.each([
    ["no trusted proxies: the socket, whatever the header says", "203.0.113.9", "1.2.3.4", null, "203.0.113.9"],
    ["no trusted proxies, IPv4-mapped socket", "::ffff:127.0.0.1", "1.2.3.4", null, "127.0.0.1"],
    ["untrusted peer: its header is ignored", "203.0.113.9", "1.2.3.4", proxies, "203.0.113.9"],
    ["one trusted proxy: the hop it appended", "10.1.1.1", "198.51.100.4", proxies, "198.51.100.4"],
    ["a forged left part is skipped", "10.1.1.1", "6.6.6.6, 198.51.100.4", proxies, "198.51.100.4"],
    ["two trusted proxies", "192.0.2.7", "198.51.100.4, 10.2.2.2", proxies, "198.51.100.4"],
    ["IPv6 proxy", "2001:db8::1", "198.51.100.4", proxies, "198.51.100.4"],
    ["trusted proxy without a header: the proxy itself", "10.1.1.1", undefined, proxies, "10.1.1.1"],
    ["all hops trusted: the leftmost", "10.1.1.1", "10.3.3.3, 10.2.2.2", proxies, "10.3.3.3"],
    ["garbage hop: the last hop before it", "10.1.1.1", "evil, 10.2.2.2", proxies, "10.2.2.2"],
    ["garbage right after the proxy: the proxy", "10.1.1.1", "1.2.3.4, not-an-ip", proxies, "10.1.1.1"],
    ["repeated headers are one chain", "10.1.1.1", ["6.6.6.6", "198.51.100.4"], proxies, "198.51.100.4"],
  ] as const)("%s", (_label, socket, header, trusted, expected) => {
    expect(clientAddress(socket, header as string | string[] | undefined, trusted)).toBe(expected);
  });

  it("an empty list trusts nobody; a bad entry is refused at start", () => {
    expect(trustedProxies("")).toBeNull();
    expect(trustedProxies(undefined)).toBeNull();
    expect(() => trustedProxies("10.0.0.0/33")).toThrow(/not an IP address or CIDR/);
    expect(() => trustedProxies("proxy.internal")).toThrow(/not an IP address or CIDR/);
  });
});
