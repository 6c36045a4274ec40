package org.stackratings.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * What the public may see of where a compliance call went: the path of its URL (no scheme, host, port or query,
 * which name the member's endpoints), with identifiers (the probe account's project id in a Nova URL or a quota
 * path, a UUID) shown as {@code {id}}.
 */
final class EvidencePaths {

    private static final Pattern ID = Pattern.compile(
            "(?<=/)([0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=[/?#]|$)");

    private EvidencePaths() {
    }

    /** The URL's path with identifiers hidden; null when there is no URL or it cannot be read. */
    static String urlPath(String url) {
        if (url == null) {
            return null;
        }
        try {
            String path = new URI(url).getRawPath();
            return path == null ? null : withoutIds(path.isEmpty() ? "/" : path);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The text with every path segment that is an identifier shown as {@code {id}}. */
    static String withoutIds(String path) {
        return path == null ? null : ID.matcher(path).replaceAll("{id}");
    }
}
