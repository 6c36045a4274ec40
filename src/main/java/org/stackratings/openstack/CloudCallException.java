package org.stackratings.openstack;

/** A failed call to a cloud, classified. {@code httpStatus} is null when no HTTP answer arrived. */
public class CloudCallException extends RuntimeException {

    private final CloudFailure failure;
    private final Integer httpStatus;
    private final String errorClass;

    public CloudCallException(CloudFailure failure, Integer httpStatus, String errorClass, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.httpStatus = httpStatus;
        this.errorClass = errorClass;
    }

    public CloudFailure failure() {
        return failure;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    /** Simple name of the underlying exception, for the measurement's error class. */
    public String errorClass() {
        return errorClass;
    }
}
