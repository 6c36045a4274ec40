package org.stackratings.openstack;

import java.util.Map;

/** What to boot: a named server from a flavor and image (ids), on a network (id, or null for the project default), with metadata. */
public record ServerRequest(String name, String flavorId, String imageId, String networkId, Map<String, String> metadata) {
}
