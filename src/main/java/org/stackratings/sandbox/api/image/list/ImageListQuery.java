package org.stackratings.sandbox.api.image.list;

import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.stackratings.sandbox.api.image.GlanceRefusal;
import org.stackratings.sandbox.api.image.ImageAccess;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * The query of {@code GET /v2/images} as Glance reads it: the visibility and member status of what is listed, the
 * filters (any attribute or extra property by equality, {@code in:} lists, {@code size_min}/{@code size_max}, tags,
 * time comparisons), the order ({@code sort_key}/{@code sort_dir} or {@code sort=key:dir,...}) and the page
 * ({@code limit}, {@code marker}).
 */
public record ImageListQuery(Predicate<StoredImage> filter, Comparator<StoredImage> order, int limit, String marker) {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> NOT_FILTERS = Set.of("limit", "marker", "sort_key", "sort_dir", "sort",
            "visibility", "member_status", "os_hidden", "tag", "size_min", "size_max", "created_at", "updated_at");

    public static ImageListQuery parse(MultiMap params, ImageAccess access) {
        Predicate<StoredImage> filter = visibility(params.get("visibility"), memberStatus(params), access)
                .and(hidden(params.get("os_hidden")));
        for (String tag : params.getAll("tag")) {
            filter = filter.and(i -> i.attributes().tags().contains(tag));
        }
        filter = filter.and(size(params.get("size_min"), true)).and(size(params.get("size_max"), false));
        filter = filter.and(time(params.get("created_at"), StoredImage::createdAt))
                .and(time(params.get("updated_at"), StoredImage::updatedAt));
        for (String name : params.names()) {
            if (!NOT_FILTERS.contains(name)) {
                filter = filter.and(ImageListFilters.attribute(name, params.get(name)));
            }
        }
        return new ImageListQuery(filter, ImageSorting.parse(params), limit(params.get("limit")),
                params.get("marker"));
    }

    private static String memberStatus(MultiMap params) {
        String status = params.get("member_status");
        if (status == null) {
            return "accepted";
        }
        if (!List.of("pending", "accepted", "rejected", "all").contains(status)) {
            throw GlanceRefusal.badRequest("Invalid status value: " + status);
        }
        return status;
    }

    private static Predicate<StoredImage> visibility(String visibility, String memberStatus, ImageAccess access) {
        Predicate<StoredImage> sharedWithMe = i -> !access.owns(i) && i.attributes().visibility().equals("shared")
                && access.store().member(i.id(), access.project())
                        .filter(m -> memberStatus.equals("all") || m.status().equals(memberStatus)).isPresent();
        Predicate<StoredImage> own = access::owns;
        Predicate<StoredImage> is = i -> true;
        if (visibility == null) {
            return own.or(i -> i.attributes().visibility().equals("public")).or(sharedWithMe);
        }
        return switch (visibility) {
            case "all" -> own.or(i -> Set.of("public", "community").contains(i.attributes().visibility()))
                    .or(sharedWithMe);
            case "public", "community" -> is.and(i -> i.attributes().visibility().equals(visibility));
            case "private" -> own.and(i -> i.attributes().visibility().equals("private"));
            case "shared" -> own.and(i -> i.attributes().visibility().equals("shared")).or(sharedWithMe);
            default -> throw GlanceRefusal.badRequest("Invalid visibility value: " + visibility);
        };
    }

    private static Predicate<StoredImage> hidden(String value) {
        if (value == null) {
            return i -> !i.attributes().osHidden();
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw GlanceRefusal.badRequest("Invalid value '" + value
                    + "' for 'os_hidden' filter. Valid values are 'true' or 'false'.");
        }
        boolean wanted = Boolean.parseBoolean(value);
        return i -> i.attributes().osHidden() == wanted;
    }

    private static Predicate<StoredImage> size(String value, boolean min) {
        if (value == null) {
            return i -> true;
        }
        long bound;
        try {
            bound = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw GlanceRefusal.badRequest("Unable to filter on a range with a non-numeric value.");
        }
        return i -> i.content() != null && (min ? i.content().size() >= bound : i.content().size() <= bound);
    }

    private static Predicate<StoredImage> time(String value, java.util.function.Function<StoredImage, Instant> of) {
        if (value == null) {
            return i -> true;
        }
        int colon = value.indexOf(':');
        String op = colon > 0 && !Character.isDigit(value.charAt(0)) ? value.substring(0, colon) : "eq";
        String text = op.equals("eq") && !value.startsWith("eq:") ? value : value.substring(colon + 1);
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw GlanceRefusal.badRequest("Invalid time format for " + value + ".");
        }
        return switch (op) {
            case "gt" -> i -> of.apply(i).isAfter(at);
            case "gte" -> i -> !of.apply(i).isBefore(at);
            case "lt" -> i -> of.apply(i).isBefore(at);
            case "lte" -> i -> !of.apply(i).isAfter(at);
            case "neq" -> i -> !of.apply(i).equals(at);
            case "eq" -> i -> of.apply(i).equals(at);
            default -> throw GlanceRefusal.badRequest("Unable to filter by unknown operator '" + op + "'.");
        };
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw GlanceRefusal.badRequest("limit param must be an integer");
        }
        if (limit < 0) {
            throw GlanceRefusal.badRequest("limit param must be positive");
        }
        return Math.min(limit, MAX_LIMIT);
    }

    /** The page after {@code marker} of the images that pass the filter, in order. */
    public List<StoredImage> page(List<StoredImage> all, ImageAccess access) {
        List<StoredImage> listed = new ArrayList<>(all.stream().filter(filter).toList());
        listed.sort(order);
        int start = 0;
        if (marker != null) {
            int at = listed.stream().map(StoredImage::id).toList().indexOf(marker);
            if (at < 0 && access.store().find(marker).filter(access::sees).isEmpty()) {
                throw GlanceRefusal.badRequest("No image found with ID " + marker);
            }
            start = at + 1;
        }
        return listed.subList(Math.min(start, listed.size()), Math.min(start + limit, listed.size()));
    }
}
