package org.stackratings.compliance.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/**
 * What several checks share, made the first time one needs it and deleted with the rest of the run: a keypair, a
 * server booted with it (ACTIVE, with the run's marker in its metadata) and an available 1 GiB volume. A server that
 * ends in ERROR is deleted and booted once more, since a failed boot is the cloud's availability, which the
 * lifecycle probe measures, not its conformance. When the shared server or volume could not be made, every later
 * check that needs it fails with that reason without calling again.
 */
public final class Fixture {

    private final CheckContext context;
    private String flavor;
    private String serverFlavor;
    private String image;
    private Optional<String> network;
    private String keypair;
    private String server;
    private String volume;
    private String serverProblem;
    private String volumeProblem;

    Fixture(CheckContext context) {
        this.context = context;
    }

    /** The flavor the run boots on (the member's, or the smallest). */
    public String flavor() {
        if (flavor == null) {
            flavor = context.session().pickFlavor(context.choices().flavor());
        }
        return flavor;
    }

    /** The flavor the shared server has now: the one it was booted with, or the one a confirmed resize gave it. */
    public String serverFlavor() {
        return serverFlavor == null ? flavor() : serverFlavor;
    }

    /** Records that a confirmed resize gave the shared server {@code flavorId}. */
    public void serverResizedTo(String flavorId) {
        serverFlavor = flavorId;
    }

    /** The image the run boots (the member's, or a public cirros-like one). */
    public String image() {
        if (image == null) {
            image = context.session().pickImage(context.choices().image());
        }
        return image;
    }

    /** The network the run's servers use (the member's, or the project's first that is not external). */
    public Optional<String> network() {
        if (network == null) {
            network = context.session().offers(CloudService.NETWORK)
                    ? context.session().pickNetwork(context.choices().network()) : Optional.empty();
        }
        return network;
    }

    /** The run's keypair (its name). */
    public String keypair() {
        if (keypair == null) {
            String name = context.marker().name("key");
            // in the ledger before it is asked for: an answer lost on the way still leaves it to the clean-up
            context.ledger().addOnce(ResourceKind.KEYPAIR, name);
            int status = context.expect(ApiCall.of(CloudService.COMPUTE, "POST", "/os-keypairs",
                    "{\"keypair\":{\"name\":" + CheckContext.quote(name) + "}}"), "the keypair is created (or,"
                    + " after an answer that was lost, exists)", 200, 201, 409).status();
            if (status == 409) {
                context.expect(ApiCall.get(CloudService.COMPUTE, "/os-keypairs/" + name), "the run's keypair exists",
                        200);
            }
            keypair = name;
        }
        return keypair;
    }

    /** The run's shared server, ACTIVE (its id). */
    public String server() {
        if (serverProblem != null) {
            throw new CheckFailed("the run's shared server could not be made: " + serverProblem);
        }
        if (server == null) {
            try {
                server = boot("server", true);
            } catch (CheckFailed e) {
                serverProblem = e.getMessage();
                throw e;
            }
        }
        return server;
    }

    /** The run's shared volume, available (its id). */
    public String volume() {
        if (volumeProblem != null) {
            throw new CheckFailed("the run's shared volume could not be made: " + volumeProblem);
        }
        if (volume == null) {
            try {
                volume = createVolume("volume", 1, "");
            } catch (CheckFailed e) {
                volumeProblem = e.getMessage();
                throw e;
            }
        }
        return volume;
    }

    /**
     * Boots a server named for {@code role} with the run's marker and waits until it is ACTIVE; one that ends in
     * ERROR is deleted and the check fails.
     */
    public String boot(String role, boolean withKey) {
        try {
            return bootOnce(role, withKey);
        } catch (BootFailed e) {
            return bootOnce(role, withKey);
        }
    }

    /** A server that ended in ERROR: the cloud's availability, so the boot is tried once more. */
    private static final class BootFailed extends CheckFailed {
        BootFailed(String problem) {
            super(problem);
        }
    }

    private String bootOnce(String role, boolean withKey) {
        String body = "{\"server\":{\"name\":" + CheckContext.quote(context.marker().name(role))
                + ",\"flavorRef\":" + CheckContext.quote(flavor()) + ",\"imageRef\":" + CheckContext.quote(image())
                + (withKey ? ",\"key_name\":" + CheckContext.quote(keypair()) : "")
                + network().map(n -> ",\"networks\":[{\"uuid\":" + CheckContext.quote(n) + "}]").orElse("")
                + ",\"metadata\":{\"" + RunMarker.KEY + "\":\"" + context.marker().runId() + "\"}}}";
        JsonNode created = context.expectJson(ApiCall.of(CloudService.COMPUTE, "POST", "/servers", body),
                "the server is accepted", 202);
        String id = created.path("server").path("id").asText("");
        context.require(!id.isEmpty(), "the answer names no server id");
        context.ledger().add(ResourceKind.SERVER, id);
        awaitActive(id);
        return id;
    }

    /** Waits until the server is ACTIVE; one that ends in ERROR is deleted and the check fails. */
    public void awaitActive(String id) {
        JsonNode[] last = new JsonNode[1];
        try {
            context.await(ApiCall.get(CloudService.COMPUTE, "/servers/" + id), "the server becomes ACTIVE",
                    b -> "ACTIVE".equals(b.path("server").path("status").asText()),
                    b -> {
                        last[0] = b;
                        return "ERROR".equals(b.path("server").path("status").asText());
                    });
        } catch (CheckFailed e) {
            context.session().call(ResourceKind.SERVER.delete(id));
            if (last[0] != null && "ERROR".equals(last[0].path("server").path("status").asText())) {
                throw new BootFailed(e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Creates a volume of {@code sizeGib} GiB with the run's marker ({@code extra} adds JSON members) and waits until
     * it is available.
     */
    public String createVolume(String role, long sizeGib, String extra) {
        JsonNode created = context.expectJson(ApiCall.of(CloudService.VOLUME, "POST", "/volumes",
                "{\"volume\":{\"size\":" + sizeGib + ",\"name\":" + CheckContext.quote(context.marker().name(role))
                        + ",\"metadata\":{\"" + RunMarker.KEY + "\":\"" + context.marker().runId() + "\"}" + extra + "}}"),
                "the volume is accepted", 202);
        String id = created.path("volume").path("id").asText("");
        context.require(!id.isEmpty(), "the answer names no volume id");
        context.ledger().add(ResourceKind.VOLUME, id);
        context.await(ApiCall.get(CloudService.VOLUME, "/volumes/" + id), "the volume becomes available",
                b -> "available".equals(b.path("volume").path("status").asText()),
                b -> b.path("volume").path("status").asText().startsWith("error"));
        return id;
    }
}
