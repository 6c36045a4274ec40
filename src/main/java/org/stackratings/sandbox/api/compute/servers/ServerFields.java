package org.stackratings.sandbox.api.compute.servers;

import org.stackratings.sandbox.api.compute.NovaRefusal;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.stackratings.sandbox.routing.ApiRequest;

/**
 * Nova's checks of the fields that the bodies of the servers API share (the wrapping object, {@code name}, the access
 * addresses, {@code metadata} and its quota), each problem a {@link NovaRefusal} with Nova's message.
 */
public final class ServerFields {

    public static final int MAX_METADATA_ITEMS = 128;

    private ServerFields() {
    }

    /** The object {@code field} of the request's body, such as {@code server} in {@code {"server": {...}}}. */
    public static JsonObject member(ApiRequest req, String field) {
        JsonObject body = req.jsonBody();
        return object(body == null ? null : body.getValue(field), field);
    }

    private static JsonObject object(Object value, String field) {
        if (!(value instanceof JsonObject o)) {
            throw new NovaRefusal(400, value == null ? "'" + field + "' is a required property"
                    : "Invalid input for field/attribute " + field + ". Value: " + value + ". "
                            + value + " is not of type 'object'");
        }
        return o;
    }

    public static String name(Object value) {
        if (value == null) {
            throw new NovaRefusal(400, "Invalid input for field/attribute server. Value: None. "
                    + "'name' is a required property");
        }
        if (!(value instanceof String name) || name.isEmpty() || name.length() > 255
                || !name.strip().equals(name)) {
            throw NovaRefusal.invalid("name", value);
        }
        return name;
    }

    /** {@code accessIPv4} or {@code accessIPv6}: absent (null), empty, or an address {@code valid} accepts. */
    public static String address(Object value, String field, Predicate<String> valid) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || !(s.isEmpty() || valid.test(s))) {
            throw NovaRefusal.invalid(field, value);
        }
        return s.contains(":") ? compressedIpV6(s) : s;
    }

    /** An IPv6 address as Nova stores it: lower-case groups, the longest run of zero groups as {@code ::}. */
    static String compressedIpV6(String address) {
        byte[] bytes;
        try {
            bytes = java.net.InetAddress.getByName(address).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw NovaRefusal.invalid("accessIPv6", address);
        }
        if (bytes.length != 16) {
            return address;
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLength - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(groups[i]));
        }
        return b.toString();
    }

    /** Metadata items: texts of at most 255 characters, at most {@value #MAX_METADATA_ITEMS} of them. */
    public static Map<String, String> metadata(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof JsonObject json)) {
            throw NovaRefusal.invalid("metadata", value);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : json) {
            if (e.getKey().isEmpty() || e.getKey().length() > 255 || !(e.getValue() instanceof String v)
                    || v.length() > 255) {
                throw new NovaRefusal(400, "Invalid input for field/attribute metadata. Value: " + json.encode()
                        + ". Keys and values must be texts of at most 255 characters.");
            }
            result.put(e.getKey(), v);
        }
        if (result.size() > MAX_METADATA_ITEMS) {
            throw metadataQuotaExceeded(result.size());
        }
        return result;
    }

    /** An IPv6 address as Nova's netaddr reads one, an embedded IPv4 tail included. */
    public static boolean isIpV6(String value) {
        if (!value.contains(":") || !value.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(value) != null;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** {@code OS-DCF:diskConfig}: absent (null), {@code AUTO} or {@code MANUAL}. */
    public static String diskConfig(Object value) {
        if (value != null && !"AUTO".equals(value) && !"MANUAL".equals(value)) {
            throw NovaRefusal.invalid("OS-DCF:diskConfig", value);
        }
        return (String) value;
    }

    /** A description (2.19): absent or null, or a text of at most 255 printable characters. */
    public static String description(Object value) {
        if (value != null && !(value instanceof String s && s.length() <= 255 && s.chars().noneMatch(c -> c < 32))) {
            throw NovaRefusal.invalid("description", value);
        }
        return (String) value;
    }

    /** An id, or the last segment of a link to it (Nova accepts both for flavorRef and imageRef). */
    public static String reference(Object value, String field) {
        if (value instanceof Number n) {
            return String.valueOf(n);
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw value == null ? new NovaRefusal(400, "'" + field + "' is a required property")
                    : NovaRefusal.invalid(field, value);
        }
        String trimmed = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** Nova's 403 for more than {@value #MAX_METADATA_ITEMS} metadata items. */
    public static NovaRefusal metadataQuotaExceeded(int requested) {
        return new NovaRefusal(403, "Quota exceeded for metadata_items: Requested " + requested
                + ", but the limit is " + MAX_METADATA_ITEMS + ".");
    }
}
