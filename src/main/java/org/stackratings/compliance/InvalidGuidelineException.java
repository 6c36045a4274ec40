package org.stackratings.compliance;

/** The configured interoperability guideline cannot be used; the application does not start with it. */
public class InvalidGuidelineException extends RuntimeException {
    public InvalidGuidelineException(String location, String problem) {
        super("Interoperability guideline " + location + " is not usable (stackratings.compliance.guideline): " + problem);
    }
}
