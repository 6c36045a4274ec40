package org.stackratings.certification;

import org.stackratings.web.ProblemException;

import java.util.regex.Pattern;

/** An interoperability guideline's id as a request names it ({@code 2020.06}): year and month, nothing else. */
public record GuidelineId(String value) {

    private static final Pattern FORM = Pattern.compile("\\d{4}\\.(0[1-9]|1[0-2])");

    /** The id, or a 400 problem naming the parameter; null when the parameter was not given. */
    public static GuidelineId parse(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (!FORM.matcher(value).matches()) {
            throw ProblemException.badRequest(parameter + " must be an interoperability guideline id such as 2020.06"
                    + " (year.month), got '" + value + "'");
        }
        return new GuidelineId(value);
    }

    /**
     * How the agency words a valid certificate of this guideline. Never with the trademark names of the guideline's
     * platforms: a certificate is the agency's finding, not the right to use those marks.
     */
    public String conformsWording() {
        return "conforms to interop guideline " + value + " (checked by StackRatings)";
    }
}
