package org.stackratings.publish.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import org.stackratings.publish.feed.FeedAction;
import org.stackratings.publish.feed.FeedCertification;
import org.stackratings.publish.feed.FeedItem;

import java.net.URI;
import java.time.ZoneOffset;

/**
 * Turns a published rating action or certification change into a CloudEvents 1.0 event (types
 * {@code org.stackratings.rating.action} and {@code org.stackratings.certification.issued|renewed|restored|at_risk|lapsed}) in the structured JSON format (the whole event is
 * the HTTP body, {@code application/cloudevents+json}). The id is the same for every attempt and every subscription
 * ({@code source} + {@code id} name the occurrence), so receivers can drop duplicates.
 */
@ApplicationScoped
public class EventFactory {

    public static final String TYPE = "org.stackratings.rating.action";
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE + "; charset=utf-8";

    private final JsonFormat format = new JsonFormat();
    private final ObjectMapper json;
    private final URI source;

    public EventFactory(ObjectMapper json, WebhookConfig config) {
        this.json = json;
        this.source = URI.create(config.eventSource());
    }

    public static String eventId(long actionId) {
        return "rating-action-" + actionId;
    }

    /** The event id of a feed entry: of its rating action or of its certification event. */
    public static String eventId(Long actionId, Long certificationEventId) {
        return actionId != null ? eventId(actionId) : "certification-event-" + certificationEventId;
    }

    public static String eventId(FeedItem item) {
        return item instanceof FeedCertification certification ? eventId(null, certification.eventId())
                : eventId(((FeedAction) item).actionId());
    }

    public byte[] body(FeedItem item) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(eventId(item))
                .withSource(source)
                // CloudEvents "sequence" extension: a lexicographically ordered string, here the zero-padded feed position
                .withExtension("sequence", String.format("%019d", item.sequence()))
                .withData("application/json", JsonCloudEventData.wrap(json.valueToTree(item)));
        if (item instanceof FeedCertification certification) {
            event.withType(certification.type()).withSubject(certification.member())
                    .withTime(certification.occurredAt().atOffset(ZoneOffset.UTC));
        } else {
            FeedAction action = (FeedAction) item;
            event.withType(TYPE).withSubject(action.member()).withTime(action.effectiveAt().atOffset(ZoneOffset.UTC));
        }
        return format.serialize(event.build());
    }
}
