package org.stackratings.security.rotation;

/** OpenAPI examples of the credential key API. */
final class Examples {

    /** During a rotation, before the reseal: one member's credentials and one statement key under the previous key. */
    static final String BEFORE = """
            {"currentKeyId": "5c0e7a19", "configuredKeyIds": ["5c0e7a19", "d41f0b62"],
             "values": [
               {"kind": "member credentials", "total": 4, "underCurrentKey": 3, "byKey": {"5c0e7a19": 3, "d41f0b62": 1},
                "resealed": 0, "unreadable": 0},
               {"kind": "statement signing keys", "total": 1, "underCurrentKey": 0, "byKey": {"d41f0b62": 1},
                "resealed": 0, "unreadable": 0},
               {"kind": "webhook secrets", "total": 2, "underCurrentKey": 2, "byKey": {"5c0e7a19": 2},
                "resealed": 0, "unreadable": 0}],
             "previousKeysNeeded": true}""";

    /** After the reseal: everything under the current key; the previous key can go. */
    static final String AFTER = """
            {"currentKeyId": "5c0e7a19", "configuredKeyIds": ["5c0e7a19", "d41f0b62"],
             "values": [
               {"kind": "member credentials", "total": 4, "underCurrentKey": 4, "byKey": {"5c0e7a19": 4},
                "resealed": 1, "unreadable": 0},
               {"kind": "statement signing keys", "total": 1, "underCurrentKey": 1, "byKey": {"5c0e7a19": 1},
                "resealed": 1, "unreadable": 0},
               {"kind": "webhook secrets", "total": 2, "underCurrentKey": 2, "byKey": {"5c0e7a19": 2},
                "resealed": 0, "unreadable": 0}],
             "previousKeysNeeded": false}""";

    private Examples() {
    }
}
