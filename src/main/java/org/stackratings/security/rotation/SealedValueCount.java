package org.stackratings.security.rotation;

import java.util.Map;

/**
 * One kind of sealed value: how many are stored, how many under the current key, the count by key id ({@code v1} for
 * values of the older form, which names no key), how many this call resealed, and how many open under no configured key.
 */
public record SealedValueCount(String kind, int total, int underCurrentKey, Map<String, Integer> byKey, int resealed,
                               int unreadable) {
}
