package org.stackratings.sandbox.state;

import java.time.Clock;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.state.compute.ServerGroupStore;
import org.stackratings.sandbox.state.identity.IdentityState;
import org.stackratings.sandbox.state.image.ImageStore;
import org.stackratings.sandbox.state.network.NetworkStore;
import org.stackratings.sandbox.state.volume.VolumeStore;

/**
 * What a simulated cloud has made and counted so far: its tokens, request counts, hostile answers still going, and
 * the resources its users created in each service. A profile replacement keeps all of it ({@link
 * SimulatedCloud#reconfigured}); only Keystone's state follows the new profile's users and projects.
 */
public record CloudResources(TokenStore tokens, CloudStats stats, ServerStore servers, HostileStreams hostileStreams,
        KeypairStore keypairs, IdentityState identity, ServerGroupStore serverGroups, ImageStore images,
        NetworkStore networks, VolumeStore volumes) {

    /** The state of a new cloud: nothing made yet but the images, networks and volumes its inventory seeds. */
    public static CloudResources fresh(CloudProfile profile, Clock clock) {
        CloudInventory inventory = new CloudInventory(profile.name());
        return new CloudResources(new TokenStore(), new CloudStats(), new ServerStore(clock), new HostileStreams(),
                new KeypairStore(), new IdentityState(profile), new ServerGroupStore(),
                ImageStore.seeded(inventory, SimulatedCloud.adminProjectId(profile.name()), clock),
                new NetworkStore(inventory, profile.project().id()), VolumeStore.seeded(inventory, profile));
    }

    /** The same state with Keystone's part following {@code newProfile}. */
    CloudResources reconfigured(CloudProfile newProfile) {
        return new CloudResources(tokens, stats, servers, hostileStreams, keypairs, identity.reconfigured(newProfile),
                serverGroups, images, networks, volumes);
    }
}
