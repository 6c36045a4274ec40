package org.stackratings.sandbox.api.image;

import org.stackratings.sandbox.state.image.ImageLimits;

/** Glance's 413 answers when a request goes over a limit of {@link ImageLimits}. */
final class ImageQuotas {

    private ImageQuotas() {
    }

    static void checkTags(long count, ImageLimits limits) {
        if (count > limits.imageTagQuota()) {
            throw new GlanceRefusal(413, "Maximum number of tags exceeded. Attempted: " + count + ", Maximum: "
                    + limits.imageTagQuota());
        }
    }

    static void checkProperties(long count, ImageLimits limits) {
        if (count > limits.imagePropertyQuota()) {
            throw new GlanceRefusal(413, "Maximum number of properties exceeded. Attempted: " + count
                    + ", Maximum: " + limits.imagePropertyQuota());
        }
    }

    /** The unified-limits refusal of oslo.limit, as Glance passes it on. */
    static GlanceRefusal overLimit(String project, String resource, long limit, long usage, long delta) {
        return new GlanceRefusal(413, "Project " + project + " is over a limit for [Resource " + resource
                + " is over limit of " + limit + " due to current usage " + usage + " and delta " + delta + "]");
    }
}
