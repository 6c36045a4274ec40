package org.stackratings.publish.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import org.stackratings.publish.feed.FeedAction;

import java.net.URI;
import java.time.ZoneOffset;

/**
 * Turns a published rating action into a CloudEvents 1.0 event in the structured JSON format (the whole event is
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

    public byte[] body(FeedAction action) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(eventId(action.actionId()))
                .withSource(source)
                .withType(TYPE)
                .withSubject(action.member())
                .withTime(action.effectiveAt().atOffset(ZoneOffset.UTC))
                // CloudEvents "sequence" extension: a lexicographically ordered string, here the zero-padded feed position
                .withExtension("sequence", String.format("%019d", action.sequence()))
                .withData("application/json", JsonCloudEventData.wrap(json.valueToTree(action)))
                .build();
        return format.serialize(event);
    }
}
