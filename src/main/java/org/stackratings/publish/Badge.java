package org.stackratings.publish;

import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.Notch;
import org.stackratings.rating.Watch;

/**
 * What a rating badge shows: the label, the rating as text (never colour alone) and the colour of its band.
 * Widths are estimated for 11 px Verdana, as flat badges usually are.
 */
public record Badge(String label, String value, String colour, String title) {

    private static final String LABEL = "StackRatings";

    public static Badge of(CurrentRating rating) {
        String value = rating.rating().symbol();
        if (rating.watch() == Watch.REVIEW_DOWNGRADE) {
            value += " watch ↓";
        } else if (rating.watch() == Watch.REVIEW_UPGRADE) {
            value += " watch ↑";
        }
        String title = "StackRatings rating of " + rating.displayName() + ": " + value + ", outlook "
                + rating.outlook().name().toLowerCase(java.util.Locale.ROOT);
        return new Badge(LABEL, value, colourOf(rating.rating()), title);
    }

    /** Colour of a rating band: greens for assured grade, amber to red below it, grey when not rated. */
    static String colourOf(Notch notch) {
        if (!notch.isRated()) {
            return "#6e6e6e";
        }
        if (notch.index() <= Notch.AA3.index()) {
            return "#1b7a2f";
        }
        if (notch.index() <= Notch.A3.index()) {
            return "#2e8b3c";
        }
        if (notch.index() <= Notch.BAA3.index()) {
            return "#5b8a1d";
        }
        if (notch.index() <= Notch.BA3.index()) {
            return "#a86400";
        }
        if (notch.index() <= Notch.B3.index()) {
            return "#b34700";
        }
        return "#b3261e";
    }

    public int labelWidth() {
        return textWidth(label);
    }

    public int valueWidth() {
        return textWidth(value);
    }

    public int width() {
        return labelWidth() + valueWidth();
    }

    public int labelCentre() {
        return labelWidth() / 2;
    }

    public int valueCentre() {
        return labelWidth() + valueWidth() / 2;
    }

    private static int textWidth(String text) {
        return (int) Math.round(text.codePointCount(0, text.length()) * 6.8) + 12;
    }
}
