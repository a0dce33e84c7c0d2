/**
 * A Host header that names a host: a DNS name or an IPv4 address, or an IPv6 address in brackets, with an optional
 * port. The production server refuses any other (400); siteUrl() echoes only these.
 */
const HOST_NAME = /^([a-z0-9-]+(\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

export function isHostName(value: string): boolean {
  return value.length <= 260 && HOST_NAME.test(value);
}
