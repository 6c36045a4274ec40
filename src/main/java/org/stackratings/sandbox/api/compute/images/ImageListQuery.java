package org.stackratings.sandbox.api.compute.images;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;
import org.stackratings.sandbox.api.compute.NovaPaging;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * The filters of Nova's image list, as Nova passes them to Glance: {@code name}, {@code status} (Glance's status,
 * any case), {@code changes-since}, {@code server} (the snapshot's server, an id or a link to it), {@code type}
 * (the {@code image_type} property), {@code minRam}, {@code minDisk}, {@code property-*}; and its paging.
 */
record ImageListQuery(Predicate<StoredImage> filter, String marker, String limit) {

    static ImageListQuery of(ApiRequest req) {
        Predicate<StoredImage> filter = i -> true;
        String name = req.query("name");
        if (name != null) {
            filter = filter.and(i -> name.equals(i.attributes().name()));
        }
        String status = req.query("status");
        if (status != null) {
            filter = filter.and(i -> i.status().equalsIgnoreCase(status));
        }
        String since = req.query("changes-since");
        if (since != null) {
            Instant from = instant(since);
            filter = filter.and(i -> !i.updatedAt().isBefore(from));
        }
        String server = req.query("server");
        if (server != null) {
            String id = server.substring(server.lastIndexOf('/') + 1);
            filter = filter.and(i -> id.equals(i.attributes().properties().get("instance_uuid")));
        }
        String type = req.query("type");
        if (type != null) {
            filter = filter.and(i -> type.equals(i.attributes().properties().get("image_type")));
        }
        filter = filter.and(atLeast(req, "minRam", i -> i.attributes().minRam()))
                .and(atLeast(req, "minDisk", i -> i.attributes().minDisk()));
        for (String param : req.context().queryParams().names()) {
            if (param.startsWith("property-")) {
                String key = param.substring("property-".length());
                String value = req.query(param);
                filter = filter.and(i -> value.equals(i.attributes().properties().get(key)));
            }
        }
        return new ImageListQuery(filter, req.query("marker"), req.query("limit"));
    }

    private static Predicate<StoredImage> atLeast(ApiRequest req, String param,
            java.util.function.ToIntFunction<StoredImage> value) {
        String given = req.query(param);
        if (given == null) {
            return i -> true;
        }
        int min;
        try {
            min = Integer.parseInt(given);
        } catch (NumberFormatException e) {
            throw new NovaRefusal(400, "Invalid " + param + " filter [" + given + "]");
        }
        return i -> value.applyAsInt(i) >= min;
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value + (value.endsWith("Z") ? "" : "Z"));
            } catch (DateTimeParseException again) {
                throw new NovaRefusal(400, "Invalid changes-since value");
            }
        }
    }

    NovaPaging.Page<StoredImage> page(List<StoredImage> images) {
        List<StoredImage> matching = images.stream().filter(filter).toList();
        return NovaPaging.page(matching, StoredImage::id, marker, limit);
    }
}
