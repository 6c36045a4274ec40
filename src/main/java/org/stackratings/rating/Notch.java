package org.stackratings.rating;

import java.util.Locale;
import java.util.Optional;

/**
 * The 21-notch rating scale, best first, plus NR (not rated) and WR (withdrawn). {@code Baa3} and above is
 * assured grade (PRODUCT.md section 4).
 */
public enum Notch {
    AAA("Aaa"), AA1("Aa1"), AA2("Aa2"), AA3("Aa3"),
    A1("A1"), A2("A2"), A3("A3"),
    BAA1("Baa1"), BAA2("Baa2"), BAA3("Baa3"),
    BA1("Ba1"), BA2("Ba2"), BA3("Ba3"),
    B1("B1"), B2("B2"), B3("B3"),
    CAA1("Caa1"), CAA2("Caa2"), CAA3("Caa3"),
    CA("Ca"), C("C"),
    NR("NR"), WR("WR");

    private final String symbol;

    Notch(String symbol) {
        this.symbol = symbol;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String symbol() {
        return symbol;
    }

    /** 1 for Aaa … 21 for C; 0 for NR and WR, which are not on the scale. */
    public int index() {
        return isRated() ? ordinal() + 1 : 0;
    }

    public boolean isRated() {
        return this != NR && this != WR;
    }

    public boolean isAssured() {
        return isRated() && index() <= BAA3.index();
    }

    /** The worse of two rated notches. */
    public static Notch worse(Notch a, Notch b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The rated notch with this index (1..21). */
    public static Notch ofIndex(int index) {
        if (index < 1 || index > C.index()) {
            throw new IllegalArgumentException("notch index must be 1..21, got " + index);
        }
        return values()[index - 1];
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    static Notch parse(String symbol) {
        return fromSymbol(symbol).orElseThrow(() -> new IllegalArgumentException("not a rating: " + symbol));
    }

    /** Parses a symbol such as {@code Baa3} (case-insensitive). */
    public static Optional<Notch> fromSymbol(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        for (Notch notch : values()) {
            if (notch.symbol.toLowerCase(Locale.ROOT).equals(symbol.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(notch);
            }
        }
        return Optional.empty();
    }
}
