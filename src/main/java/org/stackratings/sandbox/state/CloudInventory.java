package org.stackratings.sandbox.state;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The resources a simulated cloud holds: flavors, images, networks, subnets and volumes. Ids are derived from the cloud
 * name, so they are stable across restarts and differ between clouds.
 */
public final class CloudInventory {

    public record Flavor(String id, String name, int ramMb, int vcpus, int diskGb) {
    }

    public record Image(String id, String name, String visibility, String diskFormat, long sizeBytes, int minDiskGb,
            int minRamMb, String osDistro) {
    }

    public record Network(String id, String name, List<String> subnetIds, boolean external, int mtu) {
    }

    public record Subnet(String id, String name, String networkId, String cidr, String gatewayIp, String poolStart,
            String poolEnd) {
    }

    public record Volume(String id, String name, int sizeGb, String status, boolean bootable, String imageId) {
    }

    /** When every seeded resource was "created". */
    public static final String CREATED_AT = "2026-01-01T00:00:00Z";

    private final List<Flavor> flavors;
    private final List<Image> images;
    private final List<Network> networks;
    private final List<Subnet> subnets;
    private final List<Volume> volumes;

    public CloudInventory(String cloud) {
        flavors = List.of(
                new Flavor("1", "m1.tiny", 512, 1, 1),
                new Flavor("2", "m1.small", 2048, 1, 20),
                new Flavor("3", "m1.medium", 4096, 2, 40));
        Image cirros = new Image(uuid(cloud, "image:cirros"), "cirros-0.6.2-x86_64-disk", "public", "qcow2",
                21_430_272L, 0, 0, "cirros");
        Image ubuntu = new Image(uuid(cloud, "image:ubuntu"), "ubuntu-24.04-server", "public", "qcow2",
                593_821_696L, 10, 1024, "ubuntu");
        images = List.of(cirros, ubuntu);
        String privateNet = uuid(cloud, "network:private");
        String publicNet = uuid(cloud, "network:public");
        Subnet privateSubnet = new Subnet(uuid(cloud, "subnet:private"), "private-subnet", privateNet, "10.0.0.0/26",
                "10.0.0.1", "10.0.0.2", "10.0.0.62");
        Subnet publicSubnet = new Subnet(uuid(cloud, "subnet:public"), "public-subnet", publicNet, "172.24.4.0/24",
                "172.24.4.1", "172.24.4.2", "172.24.4.254");
        subnets = List.of(privateSubnet, publicSubnet);
        networks = List.of(
                new Network(privateNet, "private", List.of(privateSubnet.id()), false, 1450),
                new Network(publicNet, "public", List.of(publicSubnet.id()), true, 1500));
        volumes = List.of(
                new Volume(uuid(cloud, "volume:data"), "probe-data", 1, "available", false, null),
                new Volume(uuid(cloud, "volume:boot"), "probe-boot", 2, "available", true, cirros.id()));
    }

    private static String uuid(String cloud, String what) {
        return UUID.nameUUIDFromBytes((cloud + ":" + what).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public List<Flavor> flavors() {
        return flavors;
    }

    public Optional<Flavor> flavor(String id) {
        return flavors.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public List<Image> images() {
        return images;
    }

    public Optional<Image> image(String id) {
        return images.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public List<Network> networks() {
        return networks;
    }

    public Optional<Network> network(String id) {
        return networks.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public List<Subnet> subnets() {
        return subnets;
    }

    public Optional<Subnet> subnet(String id) {
        return subnets.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<Volume> volumes() {
        return volumes;
    }

    public Optional<Volume> volume(String id) {
        return volumes.stream().filter(v -> v.id().equals(id)).findFirst();
    }
}
