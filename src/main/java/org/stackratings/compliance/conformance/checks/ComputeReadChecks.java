package org.stackratings.compliance.conformance.checks;

import static org.stackratings.openstack.CloudService.COMPUTE;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.openstack.ApiCall;

/**
 * Nova's read-only capabilities: availability zones, flavors, API versions, quotas, a server that does not exist,
 * and the server lists with their filters and refusals (over the run's shared server).
 */
@ApplicationScoped
class ComputeReadChecks implements CheckGroup {

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "compute-availability-zones-list", c -> nonEmptyList(c, "/os-availability-zone", "availabilityZoneInfo"),
                "compute-flavors-list", ComputeReadChecks::flavors,
                "compute-list-api-versions", ComputeReadChecks::versions,
                "compute-quotas-get", ComputeReadChecks::quotas,
                "compute-servers-get", c -> c.expect(ApiCall.get(COMPUTE, "/servers/" + Absent.ID),
                        "a server that does not exist is not found", 404),
                "compute-servers-list", ComputeReadChecks::serverLists);
    }

    static JsonNode nonEmptyList(CheckContext context, String path, String field) {
        JsonNode list = context.expectJson(ApiCall.get(COMPUTE, path), "the '" + field + "' list", 200).path(field);
        context.require(list.isArray() && !list.isEmpty(), "the answer has no non-empty '" + field + "' list");
        return list;
    }

    private static void flavors(CheckContext context) {
        nonEmptyList(context, "/flavors", "flavors");
        JsonNode detail = nonEmptyList(context, "/flavors/detail", "flavors");
        JsonNode first = detail.get(0);
        context.require(first.path("vcpus").isInt() && first.path("ram").isInt() && first.has("disk"),
                "a flavor in the detailed list lacks vcpus, ram or disk");
    }

    private static void versions(CheckContext context) {
        JsonNode versions = context.expectJson(ApiCall.versions(COMPUTE), "the version list", 200, 300).path("versions");
        context.require(versions.isArray() && !versions.isEmpty(), "the answer has no 'versions' list");
        boolean v21 = false;
        for (JsonNode v : versions) {
            v21 |= "v2.1".equals(v.path("id").asText());
        }
        context.require(v21, "the version list does not include v2.1");
    }

    private static void quotas(CheckContext context) {
        String project = context.session().projectId();
        JsonNode quota = context.expectJson(ApiCall.get(COMPUTE, "/os-quota-sets/" + project), "the project's quotas",
                200).path("quota_set");
        context.require(quota.path("instances").isInt() && quota.path("cores").isInt(),
                "the quota set has no instances or cores limit");
        JsonNode defaults = context.expectJson(ApiCall.get(COMPUTE, "/os-quota-sets/" + project + "/defaults"),
                "the default quotas", 200).path("quota_set");
        context.require(defaults.path("instances").isInt(), "the default quota set has no instances limit");
    }

    private static void serverLists(CheckContext context) {
        String server = context.fixture().server();
        String name = context.marker().name("server");
        requireListed(context, "/servers", server, true);
        JsonNode detail = requireListed(context, "/servers/detail", server, true);
        context.require(detail.path("servers").get(0).has("status"), "the detailed list has no status");
        requireListed(context, "/servers?name=" + name, server, true);
        requireListed(context, "/servers/detail?status=ACTIVE", server, true);
        requireListed(context, "/servers/detail?flavor=" + context.fixture().flavor(), server, true);
        requireListed(context, "/servers/detail?image=" + context.fixture().image(), server, true);
        requireListed(context, "/servers?name=stackratings-conformance-no-such-server", server, false);
        JsonNode limited = context.expectJson(ApiCall.get(COMPUTE, "/servers?limit=1"), "at most one server", 200);
        context.require(limited.path("servers").size() <= 1, "limit=1 listed more than one server");
        context.expect(ApiCall.get(COMPUTE, "/servers?limit=-1"), "a negative limit is refused", 400);
        context.expect(ApiCall.get(COMPUTE, "/servers?limit=abc"), "a limit that is not a number is refused", 400);
        context.expect(ApiCall.get(COMPUTE, "/servers?changes-since=not-a-time"), "a bad changes-since is refused",
                400);
    }

    private static JsonNode requireListed(CheckContext context, String path, String server, boolean listed) {
        JsonNode body = context.expectJson(ApiCall.get(COMPUTE, path), listed ? "the list includes the run's server"
                : "the list does not include the run's server", 200);
        context.require(body.path("servers").isArray(), "the answer has no 'servers' list");
        boolean found = false;
        for (JsonNode s : body.path("servers")) {
            found |= server.equals(s.path("id").asText());
        }
        context.require(found == listed, listed ? path + " does not list the run's server"
                : path + " lists the run's server");
        return body;
    }
}
