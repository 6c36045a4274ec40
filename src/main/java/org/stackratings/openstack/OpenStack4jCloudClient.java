package org.stackratings.openstack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import okhttp3.HttpUrl;
import org.openstack4j.api.OSClient;
import org.openstack4j.api.client.IOSClientBuilder;
import org.openstack4j.api.types.Facing;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.openstack.OSFactory;
import org.stackratings.egress.AgencyEgress;
import org.stackratings.openstack.http.BoundedClient;
import org.stackratings.openstack.http.CallObserver;
import org.stackratings.openstack.http.CallPolicy;
import org.stackratings.openstack.http.CallScope;
import org.stackratings.openstack.http.MemberHttp;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@link CloudClient} on openstack4j 3.12, whose every request goes through the agency's bounded client
 * ({@link MemberHttp}, via openstack4j's connector SPI).
 */
@ApplicationScoped
public class OpenStack4jCloudClient implements CloudClient {

    private final MemberHttp http;
    private final AgencyEgress egress;
    private final SilenceCensus census;

    /** A client whose calls no census hears (tests of the client alone). */
    public OpenStack4jCloudClient(MemberHttp http, AgencyEgress egress) {
        this(http, egress, null);
    }

    @Inject
    public OpenStack4jCloudClient(MemberHttp http, AgencyEgress egress, SilenceCensus census) {
        this.http = http;
        this.egress = egress;
        this.census = census;
    }

    @Override
    public CloudSession authenticate(CloudAccount account, CallLimits limits) {
        String authUrl = KeystoneUrl.normalize(account.authUrl());
        HttpUrl auth = HttpUrl.parse(authUrl);
        if (auth == null) {
            throw new CloudCallException(CloudFailure.ENDPOINT_NOT_ALLOWED, null, "InvalidAuthUrl",
                    "identity.token.issue: the auth URL is not an http(s) URL; nothing was sent", null);
        }
        Set<String> allowed = new HashSet<>();
        account.allowedHosts().forEach(h -> allowed.add(h.toLowerCase(Locale.ROOT)));
        allowed.add(auth.host());
        CallPolicy policy = new CallPolicy(allowed, auth.port(), egress.allowedPorts(), egress.allowHttp() || account.insecure(),
                egress.rulesFor(account.allowedRanges()), egress.resolver());
        BoundedClient client = http.client(policy, limits,
                census == null ? CallObserver.NONE : census.observerOf(account.authUrl()));
        AllowedHostsResolver resolver = new AllowedHostsResolver(Set.copyOf(allowed));
        Config config = Config.newConfig().withEndpointURLResolver(resolver);
        try {
            OSClient.OSClientV3 os = CallScope.with(client, () -> account.applicationCredential()
                    ? OSFactory.clientFromToken(ApplicationCredentialLogin.issueToken(client, authUrl,
                    account.applicationCredentialId(), account.secret()), Facing.PUBLIC, config)
                    : passwordBuilder(account, authUrl, config).authenticate());
            return new OpenStack4jSession(os.getToken(), config, account.region(), authUrl, client, account);
        } catch (RuntimeException e) {
            throw FailureClassifier.classify("identity.token.issue", e);
        }
    }

    private static IOSClientBuilder.V3 passwordBuilder(CloudAccount account, String authUrl, Config config) {
        IOSClientBuilder.V3 builder = OSFactory.builderV3()
                .withConfig(config)
                .endpoint(authUrl)
                .credentials(account.username(), account.secret(), Identifier.byName(account.userDomain()));
        return account.projectId() != null
                ? builder.scopeToProject(Identifier.byId(account.projectId()))
                : builder.scopeToProject(Identifier.byName(account.projectName()), Identifier.byName(account.projectDomain()));
    }
}
