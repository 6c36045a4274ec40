package org.stackratings.rating;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A rating action as published: what happened, from which notch to which, why, and the rationale behind it. */
public record ActionView(long id, String member, ActionType action, Notch rating, Notch previousRating, Notch indicatedRating,
                         Outlook outlook, Watch watch, Double score, String reason, String methodologyVersion,
                         Instant effectiveAt, JsonNode rationale) {
}
