package org.stackratings.sandbox.state.image;

import java.util.List;
import java.util.Map;

/**
 * The attributes of an image its owner may write (on create or with a JSON patch): the base attributes Glance knows
 * and the extra properties, string to string. {@code tags} keep their order and hold no duplicate.
 */
public record ImageAttributes(String name, String visibility, boolean isProtected, boolean osHidden,
        String diskFormat, String containerFormat, int minDisk, int minRam, List<String> tags,
        Map<String, String> properties) {

    public ImageAttributes {
        tags = List.copyOf(tags.stream().distinct().toList());
        properties = Map.copyOf(properties);
    }
}
