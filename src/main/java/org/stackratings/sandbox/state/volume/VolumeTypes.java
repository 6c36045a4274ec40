package org.stackratings.sandbox.state.volume;

import java.util.List;
import java.util.Optional;
import org.stackratings.sandbox.profile.CloudProfile;

/** The volume types of a cloud's Cinder: only the default type {@code __DEFAULT__}, public, of no backend. */
public final class VolumeTypes {

    public static final String DEFAULT_NAME = "__DEFAULT__";

    /** A volume type: id, name, description, public or not. */
    public record VolumeType(String id, String name, String description, boolean isPublic) {
    }

    private final List<VolumeType> types;

    public VolumeTypes(String cloud) {
        types = List.of(new VolumeType(CloudProfile.derivedId("volume-type:" + cloud + ":default"), DEFAULT_NAME,
                "Default Volume Type", true));
    }

    public List<VolumeType> list() {
        return types;
    }

    public VolumeType defaultType() {
        return types.get(0);
    }

    /** The type of that id or name. */
    public Optional<VolumeType> find(String idOrName) {
        return types.stream().filter(t -> t.id().equals(idOrName) || t.name().equals(idOrName)).findFirst();
    }
}
