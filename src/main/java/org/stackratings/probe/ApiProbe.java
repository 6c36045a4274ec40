package org.stackratings.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;
import org.stackratings.openstack.CallLimits;
import org.stackratings.openstack.CloudAccount;
import org.stackratings.openstack.CloudCallException;
import org.stackratings.openstack.CloudClient;
import org.stackratings.openstack.CloudService;
import org.stackratings.openstack.CloudSession;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The {@code api} probe (PRODUCT.md section 3): issue a token, then time one read call per service.
 * A service absent from the catalog is recorded as absent (once, by the store), not as an error.
 */
@ApplicationScoped
public class ApiProbe {

    public static final String NAME = "api";
    public static final String TOKEN_ISSUE = "identity.token.issue";

    /** One timed call of the probe. */
    record Operation(String name, CloudService service, ToIntFunction<CloudSession> call) {
    }

    static final List<Operation> OPERATIONS = List.of(
            new Operation("compute.flavors.list", CloudService.COMPUTE, CloudSession::listFlavors),
            new Operation("image.images.list", CloudService.IMAGE, CloudSession::listImages),
            new Operation("network.networks.list", CloudService.NETWORK, CloudSession::listNetworks),
            new Operation("volume.volumes.list", CloudService.VOLUME, CloudSession::listVolumes));

    private final CloudClient client;

    public ApiProbe(CloudClient client) {
        this.client = client;
    }

    void run(CloudAccount account, CallLimits limits, ProbeProgress progress) {
        Instant started = progress.begin(TOKEN_ISSUE);
        CloudSession session;
        try {
            session = client.authenticate(account, limits);
        } catch (CloudCallException e) {
            progress.add(failed(TOKEN_ISSUE, started, progress.elapsedMs(), e));
            return;
        }
        progress.add(OperationResult.ok(TOKEN_ISSUE, started, progress.elapsedMs(), null));
        progress.presence(service(CloudService.IDENTITY), true);
        for (Operation operation : OPERATIONS) {
            boolean offered = session.offers(operation.service());
            progress.presence(service(operation.service()), offered);
            if (!offered) {
                continue;
            }
            Instant start = progress.begin(operation.name());
            try {
                operation.call().applyAsInt(session);
                progress.add(OperationResult.ok(operation.name(), start, progress.elapsedMs(), null));
            } catch (CloudCallException e) {
                progress.add(failed(operation.name(), start, progress.elapsedMs(), e));
            }
        }
    }

    static String service(CloudService service) {
        return service.name().toLowerCase(Locale.ROOT);
    }

    static OperationResult failed(String operation, Instant started, double durationMs, CloudCallException e) {
        Outcome outcome = switch (e.failure()) {
            case TIMEOUT -> Outcome.TIMEOUT;
            case AGENCY_FAULT -> Outcome.INCONCLUSIVE;
            default -> Outcome.ERROR;
        };
        return new OperationResult(operation, started, durationMs, outcome, e.httpStatus(),
                e.failure().name() + ":" + e.errorClass(), e.getMessage());
    }
}
