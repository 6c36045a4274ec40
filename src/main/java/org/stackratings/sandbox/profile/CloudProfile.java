package org.stackratings.sandbox.profile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Everything that defines one simulated cloud: identity (names, credentials), what it offers ({@code services}) and how
 * badly it behaves (latency, error rate, outages, server lifecycle, compliance deviations, and whether it attacks its
 * client: {@code hostile}, null for none). Build one from YAML with {@link CloudProfiles}.
 */
public record CloudProfile(
        String name,
        String description,
        String region,
        String domain,
        ProjectSpec project,
        List<UserSpec> users,
        List<AppCredentialSpec> applicationCredentials,
        List<String> services,
        String catalogHost,
        LatencyProfile latency,
        Map<String, LatencyProfile> serviceLatency,
        double errorRate,
        int errorStatus,
        Long seed,
        List<OutageWindow> outages,
        long hangMs,
        Duration tokenTtl,
        LifecycleProfile lifecycle,
        List<Deviation> deviations,
        HostileProfile hostile) {

    public static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    public static final List<String> ALL_SERVICES = List.of("identity", "compute", "image", "network", "volume");

    public CloudProfile {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("cloud name '" + name + "' does not match " + NAME.pattern());
        }
        description = description == null ? "" : description;
        tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
        region = region == null ? "RegionOne" : region;
        domain = domain == null ? "Default" : domain;
        project = project == null ? new ProjectSpec(null, "probe") : project;
        if (project.id() == null) {
            project = new ProjectSpec(derivedId("project:" + name), project.name());
        }
        String cloud = name;
        users = users.stream()
                .map(u -> u.id() == null ? new UserSpec(derivedId("user:" + cloud + ":" + u.name()), u.name(), u.password()) : u)
                .toList();
        String owner = users.isEmpty() ? null : users.get(0).name();
        applicationCredentials = applicationCredentials.stream()
                .map(a -> new AppCredentialSpec(a.id(), a.name() == null ? a.id() : a.name(), a.secret(),
                        a.user() == null ? owner : a.user()))
                .toList();
        services = List.copyOf(services);
        serviceLatency = Map.copyOf(serviceLatency);
        outages = List.copyOf(outages);
        lifecycle = lifecycle == null ? LifecycleProfile.DEFAULT : lifecycle;
        deviations = deviations == null ? List.of() : List.copyOf(deviations);
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be within 0..1");
        }
    }

    /** A profile with the default server lifecycle and no deviations (the fields before lifecycle existed). */
    public CloudProfile(String name, String description, String region, String domain, ProjectSpec project,
            List<UserSpec> users, List<AppCredentialSpec> applicationCredentials, List<String> services,
            String catalogHost, LatencyProfile latency, Map<String, LatencyProfile> serviceLatency, double errorRate,
            int errorStatus, Long seed, List<OutageWindow> outages, long hangMs, Duration tokenTtl) {
        this(name, description, region, domain, project, users, applicationCredentials, services, catalogHost, latency,
                serviceLatency, errorRate, errorStatus, seed, outages, hangMs, tokenTtl, LifecycleProfile.DEFAULT,
                List.of(), null);
    }

    /** A profile that does not attack its client (the fields before {@code hostile} existed). */
    public CloudProfile(String name, String description, String region, String domain, ProjectSpec project,
            List<UserSpec> users, List<AppCredentialSpec> applicationCredentials, List<String> services,
            String catalogHost, LatencyProfile latency, Map<String, LatencyProfile> serviceLatency, double errorRate,
            int errorStatus, Long seed, List<OutageWindow> outages, long hangMs, Duration tokenTtl,
            LifecycleProfile lifecycle, List<Deviation> deviations) {
        this(name, description, region, domain, project, users, applicationCredentials, services, catalogHost, latency,
                serviceLatency, errorRate, errorStatus, seed, outages, hangMs, tokenTtl, lifecycle, deviations, null);
    }

    /** A clean, fast cloud with all services, one user {@code probe} and one application credential. */
    public static CloudProfile basic(String name, String password) {
        return new CloudProfile(name, "", "RegionOne", "Default", new ProjectSpec(null, "probe"),
                List.of(new UserSpec(null, "probe", password)),
                List.of(new AppCredentialSpec(name + "-appcred", null, password + "-appcred", null)),
                ALL_SERVICES, null, LatencyProfile.NONE, Map.of(), 0, 503, null, List.of(), 120_000,
                Duration.ofHours(1));
    }

    /** A stable 32-hex id derived from {@code seed} (a name-based UUID without dashes). */
    public static String derivedId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    public boolean offers(String service) {
        return services.contains(service);
    }

    public LatencyProfile latencyFor(String service) {
        return serviceLatency.getOrDefault(service, latency);
    }

    public CloudProfile withLatency(LatencyProfile value) {
        return new CloudProfile(name, description, region, domain, project, users, applicationCredentials, services,
                catalogHost, value, serviceLatency, errorRate, errorStatus, seed, outages, hangMs, tokenTtl, lifecycle,
                deviations, hostile);
    }

    public CloudProfile withErrors(double rate, int status) {
        return new CloudProfile(name, description, region, domain, project, users, applicationCredentials, services,
                catalogHost, latency, serviceLatency, rate, status, seed, outages, hangMs, tokenTtl, lifecycle,
                deviations, hostile);
    }

    public CloudProfile withOutages(List<OutageWindow> value, long hangMillis) {
        return new CloudProfile(name, description, region, domain, project, users, applicationCredentials, services,
                catalogHost, latency, serviceLatency, errorRate, errorStatus, seed, value, hangMillis, tokenTtl,
                lifecycle, deviations, hostile);
    }

    public CloudProfile withServices(List<String> value) {
        return new CloudProfile(name, description, region, domain, project, users, applicationCredentials, value,
                catalogHost, latency, serviceLatency, errorRate, errorStatus, seed, outages, hangMs, tokenTtl,
                lifecycle, deviations, hostile);
    }

    public CloudProfile withCatalogHost(String value) {
        return new CloudProfile(name, description, region, domain, project, users, applicationCredentials, services,
                value, latency, serviceLatency, errorRate, errorStatus, seed, outages, hangMs, tokenTtl, lifecycle,
                deviations, hostile);
    }

    public CloudProfile withUsers(List<UserSpec> value) {
        return new CloudProfile(name, description, region, domain, project, value, applicationCredentials, services,
                catalogHost, latency, serviceLatency, errorRate, errorStatus, seed, outages, hangMs, tokenTtl, lifecycle,
                deviations, hostile);
    }

    public CloudProfile withTokenTtl(Duration value) {
        return new CloudProfile(name, description, region, domain, project, users, applicationCredentials, services,
                catalogHost, latency, serviceLatency, errorRate, errorStatus, seed, outages, hangMs, value, lifecycle,
                deviations, hostile);
    }

    public CloudProfile withLifecycle(LifecycleProfile value) {
        return new CloudProfile(name, description, region, domain, project, users, applicationCredentials, services,
                catalogHost, latency, serviceLatency, errorRate, errorStatus, seed, outages, hangMs, tokenTtl, value,
                deviations, hostile);
    }

    public CloudProfile withDeviations(List<Deviation> value) {
        return new CloudProfile(name, description, region, domain, project, users, applicationCredentials, services,
                catalogHost, latency, serviceLatency, errorRate, errorStatus, seed, outages, hangMs, tokenTtl,
                lifecycle, value, hostile);
    }

    /** The same cloud attacking its client as {@code value} says; null: not hostile. */
    public CloudProfile withHostile(HostileProfile value) {
        return new CloudProfile(name, description, region, domain, project, users, applicationCredentials, services,
                catalogHost, latency, serviceLatency, errorRate, errorStatus, seed, outages, hangMs, tokenTtl,
                lifecycle, deviations, value);
    }
}
