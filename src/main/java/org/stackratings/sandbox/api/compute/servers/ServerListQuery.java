package org.stackratings.sandbox.api.compute.servers;

import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.NovaPaging;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * The query of {@code GET /servers} and {@code /servers/detail}: Nova's filters ({@code name}, {@code status},
 * {@code changes-since}, {@code changes-before} from 2.66, {@code flavor}, {@code image}, {@code ip} as a
 * regular expression from the start of an address, the tag filters of 2.26: {@link ServerTagFilter}), the order
 * ({@link ServerSort}) and paging ({@code marker}, {@code limit}). Each null when not asked for; {@link #page}
 * checks marker and limit.
 */
record ServerListQuery(String name, String status, Instant changesSince, Instant changesBefore, String flavor,
        String image, String marker, String limit, String ip, ServerTagFilter tags, ServerSort sort) {

    private static final Set<String> STATUSES = Set.of("ACTIVE", "BUILD", "DELETED", "ERROR", "HARD_REBOOT",
            "MIGRATING", "PASSWORD", "PAUSED", "REBOOT", "REBUILD", "RESCUE", "RESIZE", "REVERT_RESIZE", "SHELVED",
            "SHELVED_OFFLOADED", "SHUTOFF", "SOFT_DELETED", "SUSPENDED", "UNKNOWN", "VERIFY_RESIZE");

    /** One page of the list; {@code nextQuery} ({@code ?limit=..&marker=..}) is null on the last one. */
    record Page(List<SimulatedServer> servers, String nextQuery) {
    }

    /** The request's query; a {@link NovaRefusal} for a status or time Nova does not accept. */
    static ServerListQuery of(ApiRequest req, Microversion mv) {
        String status = req.query("status");
        String wanted = null;
        if (status != null) {
            wanted = status.toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(wanted) && mv.atLeast(2, 38)) {
                throw new NovaRefusal(400, "Invalid status value");
            }
        }
        Instant since = time(req, "changes-since");
        Instant before = mv.atLeast(2, 66) ? time(req, "changes-before") : null;
        return new ServerListQuery(req.query("name"), wanted, since, before, req.query("flavor"), req.query("image"),
                req.query("marker"), req.query("limit"), req.query("ip"), ServerTagFilter.of(req, mv),
                ServerSort.of(req));
    }

    /** The servers that pass the filters, after {@code marker} and at most {@code limit} of them. */
    Page page(List<SimulatedServer> all, Function<SimulatedServer, List<String>> addresses) {
        List<SimulatedServer> servers = new ArrayList<>(all);
        if (ip != null) {
            Predicate<String> matcher = ipMatcher(ip);
            servers.removeIf(s -> addresses.apply(s).stream().noneMatch(matcher));
        }
        servers.removeIf(s -> !tags.test(s.details().tags()));
        servers.sort(sort.comparator());
        if (name != null) {
            Predicate<String> matcher = nameMatcher(name);
            servers.removeIf(s -> !matcher.test(s.name()));
        }
        if (status != null) {
            servers.removeIf(s -> !s.status().equals(status));
        }
        if (changesSince != null) {
            servers.removeIf(s -> s.updated().isBefore(changesSince));
        }
        if (changesBefore != null) {
            servers.removeIf(s -> s.updated().isAfter(changesBefore));
        }
        if (flavor != null) {
            servers.removeIf(s -> !s.flavorId().equals(flavor));
        }
        if (image != null) {
            servers.removeIf(s -> !s.imageId().equals(image));
        }
        NovaPaging.Page<SimulatedServer> page = NovaPaging.page(servers, SimulatedServer::id, marker, limit);
        return new Page(page.items(), page.nextQuery());
    }

    /** Nova matches {@code ip} as a regular expression from the start of an address (a bad one as a prefix). */
    private static Predicate<String> ipMatcher(String ip) {
        try {
            Pattern pattern = Pattern.compile(ip);
            return a -> pattern.matcher(a).lookingAt();
        } catch (PatternSyntaxException e) {
            return a -> a.startsWith(ip);
        }
    }

    /** Nova matches {@code name} as a regular expression anywhere in the name (a bad one as plain text). */
    private static Predicate<String> nameMatcher(String name) {
        try {
            Pattern pattern = Pattern.compile(name);
            return n -> pattern.matcher(n).find();
        } catch (PatternSyntaxException e) {
            return n -> n.contains(name);
        }
    }

    private static Instant time(ApiRequest req, String param) {
        String value = req.query(param);
        if (value == null) {
            return null;
        }
        return instant(value).orElseThrow(() -> new NovaRefusal(400,
                "Invalid input for query parameters " + param + ". Value: " + value + ". '" + value
                        + "' is not a 'date-time'"));
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException withoutZone) {
            try {
                return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
