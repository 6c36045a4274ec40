package org.stackratings.openstack;

import jakarta.enterprise.context.ApplicationScoped;
import org.openstack4j.api.OSClient;
import org.openstack4j.api.client.IOSClientBuilder;
import org.openstack4j.api.types.Facing;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.openstack.OSFactory;

import java.util.HashSet;
import java.util.Set;

/** {@link CloudClient} on openstack4j 3.12 with the OkHttp connector. */
@ApplicationScoped
public class OpenStack4jCloudClient implements CloudClient {

    @Override
    public CloudSession authenticate(CloudAccount account, CallLimits limits) {
        String authUrl = KeystoneUrl.normalize(account.authUrl());
        Set<String> allowed = new HashSet<>(account.allowedHosts());
        String authHost = AllowedHostsResolver.host(authUrl);
        if (authHost != null) {
            allowed.add(authHost);
        }
        AllowedHostsResolver resolver = new AllowedHostsResolver(Set.copyOf(allowed));
        Config config = Config.newConfig()
                .withConnectionTimeout(Math.toIntExact(limits.connectTimeout().toMillis()))
                .withReadTimeout(Math.toIntExact(limits.readTimeout().toMillis()))
                .withEndpointURLResolver(resolver);
        try {
            OSClient.OSClientV3 os = account.applicationCredential()
                    ? OSFactory.clientFromToken(ApplicationCredentialLogin.issueToken(authUrl,
                    account.applicationCredentialId(), account.secret(), limits), Facing.PUBLIC, config)
                    : passwordBuilder(account, authUrl, config).authenticate();
            return new OpenStack4jSession(os.getToken(), config, account.region(), authUrl, resolver, limits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudCallException(CloudFailure.TIMEOUT, null, "InterruptedException",
                    "identity.token.issue: interrupted at the run deadline", e);
        } catch (Exception e) {
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
