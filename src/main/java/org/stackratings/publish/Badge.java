package org.stackratings.publish;

import org.stackratings.certification.CertificateView;
import org.stackratings.certification.CertificationStatus;
import org.stackratings.certification.GuidelineId;
import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.Notch;
import org.stackratings.rating.Watch;

/**
 * What a badge shows: the label, the rating or certificate as text (never colour alone) and its colour.
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

    /**
     * A certification badge: the guideline as the label, where the member stands as the value. Worded as the agency's
     * finding ("conforms to interop guideline …"), never with the guideline's trademark names.
     */
    public static Badge of(String displayName, String guideline, CertificateView certificate) {
        String label = guideline == null ? "interop" : "interop " + guideline;
        if (certificate == null) {
            return new Badge(label, "not certified", "#6e6e6e", displayName + " holds no certificate"
                    + (guideline == null ? "" : " for interop guideline " + guideline) + " (checked by StackRatings)");
        }
        String conforms = new GuidelineId(certificate.guideline()).conformsWording();
        if (certificate.valid()) {
            boolean atRisk = certificate.status() == CertificationStatus.AT_RISK;
            return new Badge(label, atRisk ? "conforms, at risk" : "conforms", atRisk ? "#a86400" : "#1b7a2f",
                    displayName + " " + conforms + (atRisk ? "; at risk: the latest run failed "
                            + String.join(", ", certificate.failing()) + ", lapses at " + certificate.lapsesAt()
                            : ", until " + certificate.expiresAt()));
        }
        String value = switch (certificate.status()) {
            case LAPSED, CERTIFIED, AT_RISK -> "lapsed";
            case NOT_CERTIFIED -> "not certified";
        };
        return new Badge(label, value, "#6e6e6e", displayName + " holds no valid certificate for interop guideline "
                + certificate.guideline() + " (checked by StackRatings): " + value);
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
