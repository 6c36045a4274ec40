package org.stackratings.measurement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Runs a statement over many rows as few multi-row statements ({@code insert … values (…), (…)} or
 * {@code merge … using (values (…), (…))}): the rows go in groups whose sizes are powers of two up to
 * {@value #MAX_ROWS} (83 rows: 64 + 16 + 2 + 1), so that the database sees one of a few statement texts and keeps
 * their plans, and executes each group as one statement rather than one per row.
 */
final class MultiRowStatement {

    static final int MAX_ROWS = 128;

    /** Binds one row's parameters, starting at {@code first}. */
    @FunctionalInterface
    interface RowBinder {
        void bind(PreparedStatement ps, int first, int row) throws SQLException;
    }

    private final String head;
    private final String row;
    private final String tail;
    private final int parametersPerRow;
    /** The statement's text for 2^i rows, built once (the driver then finds its parsed form by the same string). */
    private final String[] texts = new String[Integer.numberOfTrailingZeros(MAX_ROWS) + 1];

    /**
     * @param head the statement up to its first row ({@code "insert into t (a, b) values "})
     * @param row  one row ({@code "(?, ?)"})
     * @param tail what follows the rows ({@code " on conflict do nothing"}, or {@code ""})
     */
    MultiRowStatement(String head, String row, String tail) {
        this.head = head;
        this.row = row;
        this.tail = tail;
        this.parametersPerRow = (int) row.chars().filter(c -> c == '?').count();
    }

    /** Executes the statement for rows 0 … {@code rows} − 1; returns the sum of the update counts. */
    long execute(Connection connection, int rows, RowBinder binder) throws SQLException {
        long updated = 0;
        int done = 0;
        while (done < rows) {
            int size = Math.min(MAX_ROWS, Integer.highestOneBit(rows - done));
            try (PreparedStatement ps = connection.prepareStatement(sql(size))) {
                for (int i = 0; i < size; i++) {
                    binder.bind(ps, 1 + i * parametersPerRow, done + i);
                }
                updated += ps.executeUpdate();
            }
            done += size;
        }
        return updated;
    }

    private String sql(int rows) {
        int slot = Integer.numberOfTrailingZeros(rows);
        String text = texts[slot];
        if (text == null) {
            text = build(rows);
            texts[slot] = text;
        }
        return text;
    }

    private String build(int rows) {
        StringBuilder sql = new StringBuilder(head.length() + rows * (row.length() + 2) + tail.length()).append(head);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.append(tail).toString();
    }
}
