package org.stackratings.openstack.http;

/** The byte limits of one call's answer, carried as the request's tag to {@link AnswerLimits}. */
record AnswerLimit(long maxBodyBytes, long maxHeaderBytes) {
}
