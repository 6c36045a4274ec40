package org.stackratings.sandbox.profile;

/** A cloud profile that cannot be used; the message names the cloud and the field. */
public class ProfileException extends IllegalArgumentException {

    private final String cloud;
    private final String field;

    public ProfileException(String cloud, String field, String problem) {
        super("cloud '" + cloud + "', field '" + field + "': " + problem);
        this.cloud = cloud;
        this.field = field;
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
        this.cloud = null;
        this.field = null;
    }

    public String cloud() {
        return cloud;
    }

    public String field() {
        return field;
    }
}
