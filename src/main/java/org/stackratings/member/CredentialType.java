package org.stackratings.member;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the probe account authenticates with Keystone v3. */
public enum CredentialType {
    @JsonProperty("password")
    PASSWORD,
    @JsonProperty("application_credential")
    APPLICATION_CREDENTIAL
}
