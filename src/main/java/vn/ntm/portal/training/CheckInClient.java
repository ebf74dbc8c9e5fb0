package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;

/**
 * Who is asking, as far as the check-in can tell: a device (the check-in page's device cookie, or the signed-in
 * account of an API call) and the network address it comes from. Many phones share one address (a commune hall's
 * Wi-Fi, a mobile carrier's NAT), so the device carries the strict limits and the address only a loose one.
 * {@code staff}: a trainer, coordinator or administrator calling the API, who may take attendance anyway.
 */
public record CheckInClient(String device, String address, boolean staff) {

    /** A device id as the page issues it: 22 characters of base64url. Anything else is no device id at all. */
    private static final java.util.regex.Pattern DEVICE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{22}");

    /** A phone of the check-in page; without a valid device cookie, all such phones at one address count as one. */
    public static CheckInClient browser(@Nullable String deviceCookie, String remoteAddress) {
        String address = addressKey(remoteAddress);
        boolean valid = deviceCookie != null && DEVICE_ID.matcher(deviceCookie).matches();
        return new CheckInClient(valid ? "d:" + deviceCookie : "a:" + address, address, false);
    }

    /** A signed-in account calling the API. */
    public static CheckInClient account(long accountId, String remoteAddress, boolean staff) {
        return new CheckInClient("u:" + accountId, addressKey(remoteAddress), staff);
    }

    /**
     * The address as the limits see it: an IPv6 client gets a whole /64 from its provider and can pick any address
     * in it, so the /64 is one address here; IPv4 as is. Bounded in length whatever the caller passes.
     */
    static String addressKey(String remoteAddress) {
        String a = remoteAddress == null ? "" : remoteAddress.strip();
        if (a.contains(":")) {
            try {
                // a literal with a colon is parsed, never looked up in DNS
                byte[] bytes = java.net.InetAddress.getByName(a.replaceAll("^\\[|]$", "")).getAddress();
                if (bytes.length == 16) {
                    return "6:" + java.util.HexFormat.of().formatHex(bytes, 0, 8);
                }
            } catch (java.net.UnknownHostException | IllegalArgumentException e) {
                // not a literal address: keep a bounded form of it
            }
        }
        return a.length() > 45 ? a.substring(0, 45) : a;
    }
}
