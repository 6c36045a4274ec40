package org.stackratings.rating;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rating engine's reads and writes for many members at once, as a few plain JDBC statements and batches on the
 * transaction's connection: the published ratings ({@code rating}), the hourly scores ({@code rating_score}) and the
 * append-only actions ({@code rating_action}). The same rows as the {@link Rating}, {@link RatingScore} and
 * {@link RatingAction} entities, which the read side keeps using.
 */
final class RatingRows {

    private static final String RATING_COLUMNS = "notch, indicated_notch, score, rationale, methodology_version,"
            + " window_start, window_end, coverage, effective_since, computed_at, outlook, watch, pending_notch,"
            + " pending_since, last_action_at";

    private RatingRows() {
    }

    /** A member's stored rating: what the stability rules need, and when its notch took effect. */
    record Stored(PublishedRating published, String notch, Instant effectiveSince) {
    }

    /** One stored hourly score. */
    record Score(Instant hour, Double score) {
    }

    /** Everything one member's re-rating writes. */
    record Write(Rating rating, boolean created, RatingScore score, boolean scoreExists, List<RatingAction> actions) {
    }

    static Map<Long, Stored> ratings(Connection connection, List<Long> members) throws SQLException {
        Map<Long, Stored> ratings = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select member_id, notch, watch, pending_notch,"
                + " pending_since, last_action_at, effective_since from rating where member_id in (" + in(members) + ")")) {
            bind(select, members);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String notch = rs.getString(2);
                    String watch = rs.getString(3);
                    String pending = rs.getString(4);
                    PublishedRating published = new PublishedRating(Notch.fromSymbol(notch).orElse(Notch.NR),
                            watch == null ? null : Watch.valueOf(watch),
                            pending == null ? null : Notch.fromSymbol(pending).orElse(null),
                            instant(rs, 5), instant(rs, 6));
                    ratings.put(rs.getLong(1), new Stored(published, notch, instant(rs, 7)));
                }
            }
        }
        return ratings;
    }

    /** Per member, its stored hourly scores (null scores too) from the hour {@code from} on, in hour order. */
    static Map<Long, List<Score>> scores(Connection connection, List<Long> members, Instant from) throws SQLException {
        Map<Long, List<Score>> scores = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select member_id, hour_start, score from rating_score"
                + " where member_id in (" + in(members) + ") and hour_start >= ? order by member_id, hour_start")) {
            int next = bind(select, members);
            select.setObject(next, utc(from));
            select.setFetchSize(5_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    double score = rs.getDouble(3);
                    scores.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Score(instant(rs, 2), rs.wasNull() ? null : score));
                }
            }
        }
        return scores;
    }

    static void write(Connection connection, List<Write> writes) throws SQLException {
        try (PreparedStatement insertRating = connection.prepareStatement("insert into rating (" + RATING_COLUMNS
                + ", member_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement updateRating = connection.prepareStatement("update rating set "
                     + RATING_COLUMNS.replace(",", " = ?,") + " = ? where member_id = ?");
             PreparedStatement insertScore = connection.prepareStatement("insert into rating_score (score, notch,"
                     + " indicated_notch, factors, methodology_version, member_id, hour_start) values (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement updateScore = connection.prepareStatement("update rating_score set score = ?, notch = ?,"
                     + " indicated_notch = ?, factors = ?, methodology_version = ? where member_id = ? and hour_start = ?");
             PreparedStatement insertAction = connection.prepareStatement("insert into rating_action (member_id, action,"
                     + " notch, previous_notch, indicated_notch, outlook, watch, score, reason, rationale,"
                     + " methodology_version, effective_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Write w : writes) {
                PreparedStatement rating = w.created() ? insertRating : updateRating;
                bindRating(rating, w.rating());
                rating.addBatch();
                PreparedStatement score = w.scoreExists() ? updateScore : insertScore;
                bindScore(score, w.score());
                score.addBatch();
                for (RatingAction action : w.actions()) {
                    bindAction(insertAction, action);
                    insertAction.addBatch();
                }
            }
            insertRating.executeBatch();
            updateRating.executeBatch();
            insertAction.executeBatch();
            insertScore.executeBatch();
            updateScore.executeBatch();
        }
    }

    private static void bindRating(PreparedStatement ps, Rating r) throws SQLException {
        ps.setString(1, r.notch);
        ps.setString(2, r.indicatedNotch);
        setDouble(ps, 3, r.score);
        ps.setString(4, r.rationale);
        ps.setString(5, r.methodologyVersion);
        setTime(ps, 6, r.windowStart);
        setTime(ps, 7, r.windowEnd);
        ps.setDouble(8, r.coverage);
        setTime(ps, 9, r.effectiveSince);
        setTime(ps, 10, r.computedAt);
        ps.setString(11, r.outlook);
        ps.setString(12, r.watch);
        ps.setString(13, r.pendingNotch);
        setTime(ps, 14, r.pendingSince);
        setTime(ps, 15, r.lastActionAt);
        ps.setLong(16, r.memberId);
    }

    private static void bindScore(PreparedStatement ps, RatingScore s) throws SQLException {
        setDouble(ps, 1, s.score);
        ps.setString(2, s.notch);
        ps.setString(3, s.indicatedNotch);
        ps.setString(4, s.factors);
        ps.setString(5, s.methodologyVersion);
        ps.setLong(6, s.id.memberId());
        setTime(ps, 7, s.id.hour());
    }

    private static void bindAction(PreparedStatement ps, RatingAction a) throws SQLException {
        ps.setLong(1, a.memberId);
        ps.setString(2, a.action);
        ps.setString(3, a.notch);
        ps.setString(4, a.previousNotch);
        ps.setString(5, a.indicatedNotch);
        ps.setString(6, a.outlook);
        ps.setString(7, a.watch);
        setDouble(ps, 8, a.score);
        ps.setString(9, a.reason);
        ps.setString(10, a.rationale);
        ps.setString(11, a.methodologyVersion);
        setTime(ps, 12, a.effectiveAt);
    }

    private static String in(List<Long> members) {
        return "?,".repeat(members.size() - 1) + "?";
    }

    private static int bind(PreparedStatement ps, List<Long> members) throws SQLException {
        for (int i = 0; i < members.size(); i++) {
            ps.setLong(i + 1, members.get(i));
        }
        return members.size() + 1;
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static void setTime(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, utc(value));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
