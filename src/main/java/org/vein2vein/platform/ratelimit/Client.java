package org.vein2vein.platform.ratelimit;

import java.util.Arrays;

import io.netty.util.NetUtil;

/**
 * Whom a request is counted against: the person and organisation of a verified token, or, for a
 * request without one, the network it came from: an IPv4 address, or the /64 prefix of an IPv6
 * address, since one subscriber is usually given a whole /64 and may send from any address in it.
 */
public record Client(String subject, String organisation, String address) {

    private static final int IPV6_NETWORK_BYTES = 8;

    static Client caller(String subject, String organisation) {
        return new Client(subject, organisation, null);
    }

    static Client address(String address) {
        return new Client(null, null, networkOf(address));
    }

    /** A caller with a verified token, as opposed to an anonymous address. */
    boolean authenticated() {
        return subject != null;
    }

    /** {@code 2001:db8:1:2::/64} for any address in that prefix; an IPv4 address (also IPv4-mapped) as it is. */
    static String networkOf(String address) {
        // Parses literals only: a forwarded address that is a name is never looked up.
        byte[] bytes = address == null ? null : NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        if (bytes.length == 4) {
            return NetUtil.bytesToIpAddress(bytes);
        }
        Arrays.fill(bytes, IPV6_NETWORK_BYTES, bytes.length, (byte) 0);
        return NetUtil.bytesToIpAddress(bytes) + "/64";
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
